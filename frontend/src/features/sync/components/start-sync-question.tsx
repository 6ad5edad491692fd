import { KINDS, type Row } from '../utils/comparison';

/** Conflicts listed by name in the question; beyond that a count. */
const NAMED_CONFLICTS = 10;

interface StartSyncQuestionProps {
  picked: readonly Row[];
  localName: string;
  remoteName: string;
}

/** What a real sync of the picked rows will do to the remote, conflicts first. */
export function StartSyncQuestion({ picked, localName, remoteName }: StartSyncQuestionProps) {
  const count = (test: (row: Row) => boolean) => picked.filter(test).length;
  const created = count(
    (row) => row.status === 'missing_on_remote' || row.status === 'deleted_on_remote',
  );
  const replaced = count((row) => row.status === 'different');
  const deleted = count(
    (row) =>
      row.status === 'deleted_on_local' || (row.status === 'conflict' && !row.entry.local_hash),
  );
  const overwritten = count((row) => row.status === 'conflict' && Boolean(row.entry.local_hash));
  const conflicts = picked.filter((row) => row.status === 'conflict');
  const effects = [
    created > 0 && `${created} created`,
    replaced > 0 && `${replaced} replaced`,
    overwritten > 0 && `${overwritten} overwritten`,
    deleted > 0 && `${deleted} deleted`,
  ].filter(Boolean);

  return (
    <>
      <p>
        This sends {localName}’s version of the selected items to <strong>{remoteName}</strong>:{' '}
        {effects.join(', ')} on {remoteName}.
      </p>
      {conflicts.length > 0 && (
        <div className="warning" role="note">
          <p>
            <span aria-hidden="true">⚠️ </span>
            {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`} will be
            overwritten: what {remoteName} changed since the last sync is lost.
          </p>
          <ul>
            {conflicts.slice(0, NAMED_CONFLICTS).map((row) => (
              <li key={row.id}>
                {KINDS.find((kind) => kind.id === row.kind)?.noun}: {row.entry.key}
              </li>
            ))}
            {conflicts.length > NAMED_CONFLICTS && (
              <li>and {conflicts.length - NAMED_CONFLICTS} more</li>
            )}
          </ul>
        </div>
      )}
    </>
  );
}
