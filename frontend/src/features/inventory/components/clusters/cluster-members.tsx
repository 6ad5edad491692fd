// Which nodes belong to the cluster, each with its role. Rows are numbered in
// the order they are sent, so the server's `nodes[i].*` errors land on row i.
import { SelectField } from '@/components/ui/field';
import { MAX_PAGE_SIZE } from '@/config/paging';
import { MEMBER_ROLES, type MemberRole } from '../../api/clusters';
import { nodes } from '../../api/nodes';
import { useItemList } from '../../api/queries';
import type { FieldErrors } from '../form-values';

export interface MemberRow {
  /** Stable across edits, for React only. */
  rowId: number;
  hostname: string;
  role: MemberRole;
}

interface ClusterMembersProps {
  rows: MemberRow[];
  errors: FieldErrors;
  onChange: (rows: MemberRow[]) => void;
  onAdd: () => void;
}

export function ClusterMembers({ rows, errors, onChange, onAdd }: ClusterMembersProps) {
  const available = useItemList(nodes, { page: 0, size: MAX_PAGE_SIZE });
  const allHostnames = (available.data?.items ?? []).map((node) => node.hostname ?? '');

  function update(rowId: number, patch: Partial<MemberRow>) {
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)));
  }

  return (
    <fieldset className="form-section" aria-describedby={errors.nodes ? 'nodes-error' : undefined}>
      <legend>Nodes</legend>
      {available.isError && (
        <p className="field-error">Could not load the nodes: {available.error.detail}</p>
      )}
      {available.isSuccess && allHostnames.length === 0 && (
        <p className="field-hint">There are no nodes yet; add some under Nodes first.</p>
      )}
      {errors.nodes && (
        <p id="nodes-error" className="field-error">
          {errors.nodes}
        </p>
      )}
      {rows.length === 0 && <p className="field-hint">No nodes in this cluster.</p>}
      <ol className="member-rows">
        {rows.map((row, index) => {
          const takenElsewhere = new Set(
            rows.filter((other) => other.rowId !== row.rowId).map((other) => other.hostname),
          );
          const choices = allHostnames.filter((hostname) => !takenElsewhere.has(hostname));
          // Keep a member selectable even when the node list has not loaded.
          if (row.hostname && !choices.includes(row.hostname)) choices.unshift(row.hostname);
          return (
            <li key={row.rowId} className="member-row">
              <SelectField
                path={`nodes[${index}].hostname`}
                label={`Node ${index + 1}`}
                value={row.hostname}
                error={errors[`nodes[${index}].hostname`]}
                onChange={(event) => update(row.rowId, { hostname: event.target.value })}
              >
                <option value="">Choose a node…</option>
                {choices.map((hostname) => (
                  <option key={hostname} value={hostname}>
                    {hostname}
                  </option>
                ))}
              </SelectField>
              <SelectField
                path={`nodes[${index}].role`}
                label={`Role of node ${index + 1}`}
                value={row.role}
                error={errors[`nodes[${index}].role`]}
                onChange={(event) => update(row.rowId, { role: event.target.value as MemberRole })}
              >
                {MEMBER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </SelectField>
              <button
                type="button"
                className="button"
                onClick={() => onChange(rows.filter((other) => other.rowId !== row.rowId))}
              >
                Remove node {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={onAdd}>
        Add a node
      </button>
    </fieldset>
  );
}
