import type { ComparisonEntry } from '../api/types';
import { describeChange, describeChangedOn, fullValue, hasDetail } from '../utils/format-change';

interface EntryChangesProps {
  id: string;
  entry: ComparisonEntry;
  localName: string;
  remoteName: string;
}

/** What a conflict means for a push when one side deleted the item. */
function conflictNote(entry: ComparisonEntry): string | null {
  if (!entry.local_hash)
    return 'Deleted on this server, changed on the remote: selecting it deletes the remote’s copy.';
  if (!entry.remote_hash)
    return 'Deleted on the remote, changed on this server: selecting it sends this server’s version back.';
  return null;
}

/** The fields in which the two versions differ, this server's value first. */
export function EntryChanges({ id, entry, localName, remoteName }: EntryChangesProps) {
  const changes = entry.changes ?? [];
  const changedOn = describeChangedOn(entry);
  const note = conflictNote(entry);
  return (
    <div id={id} className="entry-changes">
      {changedOn && <p className="changed-on">{changedOn}</p>}
      {note && <p>{note}</p>}
      {changes.length > 0 ? (
        <>
          <p className="changes-legend">
            {localName} (this server) → {remoteName} (remote):
          </p>
          <ul className="change-list">
            {changes.map((change) => (
              <li key={change.field}>
                <span className="change-line">{describeChange(change)}</span>
                {hasDetail(change) && (
                  <details>
                    <summary>Full values of {change.field}</summary>
                    <dl className="change-values">
                      <dt>{localName} (this server)</dt>
                      <dd>
                        <pre>{fullValue(change.local)}</pre>
                      </dd>
                      <dt>{remoteName} (remote)</dt>
                      <dd>
                        <pre>{fullValue(change.remote)}</pre>
                      </dd>
                    </dl>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        !note && <p>The server listed no field differences.</p>
      )}
    </div>
  );
}
