import { useState } from 'react';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { MAX_PAGE_SIZE } from '@/config/paging';
import { MICROK8S_STATUSES, nodes, type NodeView } from '../../api/nodes';
import { useItemList } from '../../api/queries';
import { sshKeys } from '../../api/ssh-keys';
import { useClientErrors } from '../../hooks/use-client-errors';
import { fieldErrorsOf, useSaveForm } from '../../hooks/use-save-form';
import { ItemForm } from '../item-form';
import { JsonObjectField } from '../json-object-field';
import {
  NODE_FIELDS,
  WOL_FIELDS,
  nodeBody,
  nodeFormValues,
  type NodeFormValues,
} from './node-form-values';

interface NodeFormProps {
  initial?: NodeView;
  onSaved: (node: NodeView) => void;
}

export function NodeForm({ initial, onSaved }: NodeFormProps) {
  const editing = initial?.hostname;
  const [values, setValues] = useState(() => nodeFormValues(initial));
  const { clientErrors, setClientErrors, setClientError } = useClientErrors();
  const { submit, problem, saving, clearProblem } = useSaveForm(nodes, editing, onSaved);
  const errors = { ...fieldErrorsOf(problem), ...clientErrors };

  const set = (patch: Partial<NodeFormValues>) =>
    setValues((current) => ({ ...current, ...patch }));

  function handleSubmit() {
    const { body, errors: found } = nodeBody(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      clearProblem();
      return;
    }
    void submit(body);
  }

  return (
    <ItemForm
      noun="node"
      problem={problem}
      shownPaths={values.hasWol ? [...NODE_FIELDS, ...WOL_FIELDS] : NODE_FIELDS}
      saving={saving}
      submitLabel={editing ? 'Save node' : 'Create node'}
      cancelTo="/nodes"
      onSubmit={handleSubmit}
    >
      <div className="form-grid">
        <TextField
          path="hostname"
          label="Host name"
          required
          readOnly={editing !== undefined}
          autoComplete="off"
          spellCheck={false}
          value={values.hostname}
          error={errors.hostname}
          hint={
            editing
              ? 'The host name identifies the node on every server and cannot change.'
              : 'Lower case, e.g. node-01.lab.example.'
          }
          onChange={(event) => set({ hostname: event.target.value })}
        />
        <TextField
          path="ip"
          label="IP address"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.ip}
          error={errors.ip}
          onChange={(event) => set({ ip: event.target.value })}
        />
        <TextField
          path="username"
          label="SSH user"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.username}
          error={errors.username}
          onChange={(event) => set({ username: event.target.value })}
        />
        <TextField
          path="ssh_port"
          label="SSH port"
          inputMode="numeric"
          value={values.sshPort}
          error={errors.ssh_port}
          onChange={(event) => set({ sshPort: event.target.value })}
        />
        <SshKeySelect
          value={values.sshKey}
          error={errors.ssh_key}
          onChange={(sshKey) => set({ sshKey })}
        />
        <SelectField
          path="microk8s_status"
          label="MicroK8s status"
          value={values.microk8sStatus}
          error={errors.microk8s_status}
          onChange={(event) =>
            set({ microk8sStatus: event.target.value as NodeFormValues['microk8sStatus'] })
          }
        >
          {MICROK8S_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace('_', ' ')}
            </option>
          ))}
        </SelectField>
      </div>

      <CheckboxField
        path="has-wol"
        label="Wake-on-LAN settings"
        checked={values.hasWol}
        error={errors.wol}
        onChange={(event) => set({ hasWol: event.target.checked })}
      />
      {values.hasWol && (
        <fieldset className="form-section">
          <legend>Wake-on-LAN</legend>
          <div className="form-grid">
            <TextField
              path="wol.mac"
              label="MAC address"
              required
              autoComplete="off"
              spellCheck={false}
              value={values.wolMac}
              error={errors['wol.mac']}
              hint="e.g. aa:bb:cc:dd:ee:01"
              onChange={(event) => set({ wolMac: event.target.value })}
            />
            <TextField
              path="wol.broadcast"
              label="Broadcast address"
              autoComplete="off"
              value={values.wolBroadcast}
              error={errors['wol.broadcast']}
              hint="Default 255.255.255.255"
              onChange={(event) => set({ wolBroadcast: event.target.value })}
            />
            <TextField
              path="wol.port"
              label="UDP port"
              inputMode="numeric"
              value={values.wolPort}
              error={errors['wol.port']}
              hint="Default 9"
              onChange={(event) => set({ wolPort: event.target.value })}
            />
          </div>
          <CheckboxField
            path="wol.enabled"
            label="Wake-on-LAN enabled"
            checked={values.wolEnabled}
            error={errors['wol.enabled']}
            onChange={(event) => set({ wolEnabled: event.target.checked })}
          />
        </fieldset>
      )}

      <JsonObjectField
        path="hardware"
        label="Hardware"
        example='{"cpu": 8, "memory_gb": 32}'
        value={values.hardware}
        error={errors.hardware}
        onChange={(hardware) => set({ hardware })}
        onCheck={(error) => setClientError('hardware', error)}
      />
    </ItemForm>
  );
}

function SshKeySelect(props: { value: string; error?: string; onChange: (name: string) => void }) {
  const keys = useItemList(sshKeys, { page: 0, size: MAX_PAGE_SIZE });
  const names = (keys.data?.items ?? []).map((key) => key.name ?? '').filter(Boolean);
  // Keep the node's key selectable even when the list has not loaded or failed.
  if (props.value && !names.includes(props.value)) names.unshift(props.value);
  const hint = keys.isPending
    ? 'Loading SSH keys…'
    : keys.isError
      ? `Could not load the SSH keys: ${keys.error.detail}`
      : names.length === 0
        ? 'There are no SSH keys yet; add one under SSH keys.'
        : undefined;
  return (
    <SelectField
      path="ssh_key"
      label="SSH key"
      value={props.value}
      error={props.error}
      hint={hint}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">(none)</option>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </SelectField>
  );
}
