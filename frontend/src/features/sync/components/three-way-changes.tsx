import type { FieldChange } from '../api/types';
import { describeFieldSide } from '../utils/format-change';
import { FieldValue } from './field-value';

interface ThreeWayChangesProps {
  changes: readonly FieldChange[];
  localName: string;
  remoteName: string;
  /** The table's name for screen readers: "Field changes of node-07". */
  label: string;
}

/**
 * The fields of a conflict or a merge with their value at the last sync and
 * on each side, and who changed them; a conflicting field says so in words
 * (⚠ conflict), not only by its highlight.
 */
export function ThreeWayChanges({ changes, localName, remoteName, label }: ThreeWayChangesProps) {
  return (
    <div className="table-wrap">
      <table className="three-way-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">At the last sync</th>
            <th scope="col">{localName} (this server)</th>
            <th scope="col">{remoteName} (remote)</th>
            <th scope="col">Changed on</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const field = change.field ?? '?';
            return (
              <tr key={field} className={change.conflict ? 'change-conflict' : undefined}>
                <th scope="row">
                  <code>{field}</code>
                </th>
                <td>
                  <FieldValue field={field} value={change.base} where="the last sync" />
                </td>
                <td>
                  <FieldValue field={field} value={change.local} where={localName} />
                </td>
                <td>
                  <FieldValue field={field} value={change.remote} where={remoteName} />
                </td>
                <td>
                  {change.conflict ? (
                    <strong className="conflict-mark">
                      <span aria-hidden="true">⚠ </span>conflict:{' '}
                      {describeFieldSide(change, localName, remoteName)}
                    </strong>
                  ) : (
                    describeFieldSide(change, localName, remoteName)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
