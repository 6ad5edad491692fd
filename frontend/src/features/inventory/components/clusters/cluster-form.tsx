import { useState } from 'react';
import { CheckboxField, TextAreaField, TextField } from '@/components/ui/field';
import { formatJsonObject, parseJsonObject } from '@/utils/json-object';
import { clusters, type ClusterView, type MemberRole } from '../../api/clusters';
import { useClientErrors } from '../../hooks/use-client-errors';
import { fieldErrorsOf, useSaveForm } from '../../hooks/use-save-form';
import { optionalText } from '../form-values';
import { ItemForm } from '../item-form';
import { JsonObjectField } from '../json-object-field';
import { ClusterMembers, type MemberRow } from './cluster-members';

// Row ids only have to be unique while a form is open.
let lastRowId = 0;
function newRow(hostname = '', role: MemberRole = 'control-plane'): MemberRow {
  lastRowId += 1;
  return { rowId: lastRowId, hostname, role };
}

interface ClusterFormProps {
  initial?: ClusterView;
  onSaved: (cluster: ClusterView) => void;
}

export function ClusterForm({ initial, onSaved }: ClusterFormProps) {
  const editing = initial?.name;
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [haEnabled, setHaEnabled] = useState(initial?.ha_enabled ?? false);
  const [settings, setSettings] = useState(formatJsonObject(initial?.settings));
  const [rows, setRows] = useState<MemberRow[]>(() =>
    (initial?.nodes ?? []).map((member) => newRow(member.hostname, member.role ?? 'control-plane')),
  );
  const { clientErrors, setClientError } = useClientErrors();
  const { submit, problem, saving, clearProblem } = useSaveForm(clusters, editing, onSaved);
  const errors = { ...fieldErrorsOf(problem), ...clientErrors };

  const shownPaths = [
    'name',
    'description',
    'ha_enabled',
    'settings',
    'nodes',
    ...rows.flatMap((_, index) => [`nodes[${index}].hostname`, `nodes[${index}].role`]),
  ];

  function handleSubmit() {
    const parsed = parseJsonObject(settings);
    setClientError('settings', parsed.ok ? undefined : parsed.error);
    if (!parsed.ok) {
      clearProblem();
      return;
    }
    void submit({
      name: name.trim(),
      description: optionalText(description),
      ha_enabled: haEnabled,
      settings: parsed.value,
      nodes: rows.map(({ hostname, role }) => ({ hostname, role })),
    });
  }

  return (
    <ItemForm
      noun="cluster"
      problem={problem}
      shownPaths={shownPaths}
      saving={saving}
      submitLabel={editing ? 'Save cluster' : 'Create cluster'}
      cancelTo="/clusters"
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
          editing ? 'The name identifies the cluster on every server and cannot change.' : undefined
        }
        onChange={(event) => setName(event.target.value)}
      />
      <TextAreaField
        path="description"
        label="Description"
        rows={2}
        value={description}
        error={errors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <CheckboxField
        path="ha_enabled"
        label="High availability"
        checked={haEnabled}
        error={errors.ha_enabled}
        onChange={(event) => setHaEnabled(event.target.checked)}
      />
      <ClusterMembers
        rows={rows}
        errors={errors}
        onChange={setRows}
        onAdd={() => setRows((current) => [...current, newRow()])}
      />
      <JsonObjectField
        path="settings"
        label="Settings"
        example='{"addons": ["dns"]}'
        value={settings}
        error={errors.settings}
        onChange={setSettings}
        onCheck={(error) => setClientError('settings', error)}
      />
    </ItemForm>
  );
}
