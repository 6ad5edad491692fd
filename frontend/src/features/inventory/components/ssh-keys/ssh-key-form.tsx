// The private key is write-only: the server never sends it back, so the form
// never has one to show. Editing leaves the field empty, and empty means "keep
// the stored key".
import { useState } from 'react';
import { FileTextButton } from '@/components/ui/file-text-button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { sshKeys, type SshKeyInput, type SshKeyView } from '../../api/ssh-keys';
import { fieldErrorsOf, useSaveForm } from '../../hooks/use-save-form';
import { optionalText } from '../form-values';
import { ItemForm } from '../item-form';

const SHOWN_PATHS = ['name', 'public_key', 'private_key', 'path'] as const;

interface SshKeyFormProps {
  initial?: SshKeyView;
  onSaved: (key: SshKeyView) => void;
}

export function SshKeyForm({ initial, onSaved }: SshKeyFormProps) {
  const editing = initial?.name;
  const [name, setName] = useState(initial?.name ?? '');
  const [publicKey, setPublicKey] = useState(initial?.public_key ?? '');
  const [privateKey, setPrivateKey] = useState('');
  const [path, setPath] = useState(initial?.path ?? '');
  const { submit, problem, saving } = useSaveForm(sshKeys, editing, onSaved);
  const errors = fieldErrorsOf(problem);

  function handleSubmit() {
    const body: SshKeyInput = {
      name: name.trim(),
      public_key: publicKey.trim(),
      // Left out when empty: on an edit the stored private key stays.
      private_key: privateKey.trim() === '' ? undefined : privateKey,
      path: optionalText(path),
    };
    void submit(body);
  }

  const privateKeyHint = !editing
    ? 'Optional. Stored encrypted and never shown again.'
    : initial?.has_private_key
      ? 'A private key is stored. Leave this empty to keep it, or paste a new one to replace it.'
      : 'No private key is stored. Optional; stored encrypted and never shown again.';

  return (
    <ItemForm
      noun="SSH key"
      problem={problem}
      shownPaths={SHOWN_PATHS}
      saving={saving}
      submitLabel={editing ? 'Save SSH key' : 'Create SSH key'}
      cancelTo="/ssh-keys"
      onSubmit={handleSubmit}
    >
      <TextField
        path="name"
        label="Name"
        required
        readOnly={editing !== undefined}
        autoComplete="off"
        spellCheck={false}
        value={name}
        error={errors.name}
        hint={
          editing ? 'The name identifies the key on every server and cannot change.' : undefined
        }
        onChange={(event) => setName(event.target.value)}
      />
      <TextAreaField
        path="public_key"
        label="Public key"
        required
        className="code"
        rows={3}
        spellCheck={false}
        value={publicKey}
        error={errors.public_key}
        hint="One OpenSSH line, e.g. ssh-ed25519 AAAA… user@host"
        onChange={(event) => setPublicKey(event.target.value)}
      />
      <FileTextButton label="Load the public key from a file" onLoad={setPublicKey} />
      <TextAreaField
        path="private_key"
        label="Private key"
        className="code"
        rows={6}
        spellCheck={false}
        autoComplete="off"
        value={privateKey}
        error={errors.private_key}
        hint={privateKeyHint}
        placeholder={editing && initial?.has_private_key ? '(stored; not shown)' : undefined}
        onChange={(event) => setPrivateKey(event.target.value)}
      />
      <FileTextButton label="Load the private key from a file" onLoad={setPrivateKey} />
      <TextField
        path="path"
        label="Path on the orchestrator host"
        autoComplete="off"
        spellCheck={false}
        value={path}
        error={errors.path}
        hint="Optional, e.g. ~/.ssh/id_ed25519"
        onChange={(event) => setPath(event.target.value)}
      />
    </ItemForm>
  );
}
