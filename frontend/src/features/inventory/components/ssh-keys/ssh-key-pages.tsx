import { sshKeys, type SshKeyView } from '../../api/ssh-keys';
import { ItemEditorPage } from '../item-editor-page';
import { ItemListPage, type Column } from '../item-list-page';
import { SshKeyForm } from './ssh-key-form';

const columns: Column<SshKeyView>[] = [
  { header: 'Name', cell: (key) => key.name },
  { header: 'Fingerprint', cell: (key) => <code className="fingerprint">{key.fingerprint}</code> },
  { header: 'Private key', cell: (key) => (key.has_private_key ? 'Stored' : 'None') },
  { header: 'Path', cell: (key) => key.path ?? '—' },
];

export function SshKeyListPage() {
  return (
    <ItemListPage
      resource={sshKeys}
      title="SSH keys"
      noun="SSH key"
      searchLabel="Search SSH keys"
      columns={columns}
    />
  );
}

export function SshKeyEditorPage() {
  return (
    <ItemEditorPage
      resource={sshKeys}
      noun="SSH key"
      listPath="/ssh-keys"
      renderForm={(form) => <SshKeyForm {...form} />}
    />
  );
}
