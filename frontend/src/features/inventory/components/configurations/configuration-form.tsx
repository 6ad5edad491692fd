import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { formatJsonObject, parseJsonObject } from '@/utils/json-object';
import {
  CONFIGURATION_KINDS,
  configurations,
  type ConfigurationKind,
  type ConfigurationView,
} from '../../api/configurations';
import { useClientErrors } from '../../hooks/use-client-errors';
import { fieldErrorsOf, useSaveForm } from '../../hooks/use-save-form';
import { ItemForm } from '../item-form';
import { JsonObjectField } from '../json-object-field';

const SHOWN_PATHS = ['name', 'kind', 'content', 'settings'] as const;

interface ConfigurationFormProps {
  initial?: ConfigurationView;
  onSaved: (configuration: ConfigurationView) => void;
}

export function ConfigurationForm({ initial, onSaved }: ConfigurationFormProps) {
  const editing = initial?.name;
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<ConfigurationKind>(initial?.kind ?? 'config');
  const [content, setContent] = useState(initial?.content ?? '');
  const [settings, setSettings] = useState(formatJsonObject(initial?.settings));
  const { clientErrors, setClientError } = useClientErrors();
  const { submit, problem, saving, clearProblem } = useSaveForm(configurations, editing, onSaved);
  const errors = { ...fieldErrorsOf(problem), ...clientErrors };

  function handleSubmit() {
    const parsed = parseJsonObject(settings);
    setClientError('settings', parsed.ok ? undefined : parsed.error);
    if (!parsed.ok) {
      clearProblem();
      return;
    }
    // The content goes exactly as typed: YAML is whitespace-sensitive, and the
    // server's line and column numbers must match what the user sees.
    void submit({ name: name.trim(), kind, content, settings: parsed.value });
  }

  return (
    <ItemForm
      noun="configuration"
      problem={problem}
      shownPaths={SHOWN_PATHS}
      saving={saving}
      submitLabel={editing ? 'Save configuration' : 'Create configuration'}
      cancelTo="/configurations"
      onSubmit={handleSubmit}
    >
      <div className="form-grid">
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
            editing
              ? 'The name identifies the configuration on every server and cannot change.'
              : undefined
          }
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          path="kind"
          label="Kind"
          value={kind}
          error={errors.kind}
          onChange={(event) => setKind(event.target.value as ConfigurationKind)}
        >
          {CONFIGURATION_KINDS.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        path="content"
        label="Content (YAML)"
        required
        className="code"
        rows={16}
        wrap="off"
        spellCheck={false}
        value={content}
        error={errors.content}
        hint={kind === 'playbook' ? 'A playbook is a YAML list of plays.' : undefined}
        onChange={(event) => setContent(event.target.value)}
      />
      <JsonObjectField
        path="settings"
        label="Settings"
        example='{"namespace": "ingress"}'
        value={settings}
        error={errors.settings}
        onChange={setSettings}
        onCheck={(error) => setClientError('settings', error)}
      />
    </ItemForm>
  );
}
