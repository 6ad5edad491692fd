import type { ComparisonEntry, StatusId } from '../api/types';
import {
  describeChange,
  describeChangedOn,
  fullValue,
  hasDetail,
  knowsBase,
} from '../utils/format-change';
import { ThreeWayChanges } from './three-way-changes';

interface EntryChangesProps {
  id: string;
  entry: ComparisonEntry;
  status?: StatusId;
  localName: string;
  remoteName: string;
}

/** What the field-by-field view of a conflict or merge means. */
function threeWayNote(entry: ComparisonEntry, status: StatusId | undefined): string {
  const conflicting = (entry.changes ?? []).filter((change) => change.conflict).length;
  if (status === 'merged')
    return 'No field was changed differently on both servers: the merge takes each field from the server that changed it. A sync both ways gives the merge to both.';
  if (conflicting === 0)
    return 'No field was changed differently on both servers, but the merge of the two is not an item this server can send: push or pull it to choose a side.';
  return `${conflicting === 1 ? '1 field was' : `${conflicting} fields were`} changed on both servers, differently (⚠ conflict): resolve ${conflicting === 1 ? 'it' : 'them'} to merge the rest.`;
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
export function EntryChanges({ id, entry, status, localName, remoteName }: EntryChangesProps) {
  const changes = entry.changes ?? [];
  const changedOn = describeChangedOn(entry);
  const note = conflictNote(entry);
  return (
    <div id={id} className="entry-changes">
      {changedOn && <p className="changed-on">{changedOn}</p>}
      {note && <p>{note}</p>}
      {changes.some(knowsBase) ? (
        // The server kept the content of the last sync: each field's past is known.
        <>
          <p>{threeWayNote(entry, status)}</p>
          <ThreeWayChanges
            changes={changes}
            localName={localName}
            remoteName={remoteName}
            label={`Field changes of ${entry.key ?? ''}`}
          />
        </>
      ) : changes.length > 0 ? (
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
