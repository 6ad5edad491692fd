import { isConflictIn, KINDS, PUSH, wayOf, type Plan, type Row } from '../utils/comparison';

/** Conflicts listed by name in the question; beyond that a count. */
const NAMED_CONFLICTS = 10;

interface StartSyncQuestionProps {
  picked: readonly Row[];
  localName: string;
  remoteName: string;
  plan?: Plan;
}

/** What a real sync of the picked rows will do to its target, conflicts first. */
export function StartSyncQuestion({
  picked,
  localName,
  remoteName,
  plan = PUSH,
}: StartSyncQuestionProps) {
  if (plan.direction === 'both')
    return (
      <BothWaysQuestion picked={picked} localName={localName} remoteName={remoteName} plan={plan} />
    );
  const pull = plan.direction === 'pull';
  // A pull is a push the other way round: the remote is the source.
  const source = pull ? remoteName : localName;
  const target = pull ? localName : remoteName;
  const sourceHas = (row: Row) => Boolean(pull ? row.entry.remote_hash : row.entry.local_hash);
  const count = (test: (row: Row) => boolean) => picked.filter(test).length;
  const created = count((row) =>
    pull
      ? row.status === 'missing_on_local' || row.status === 'deleted_on_local'
      : row.status === 'missing_on_remote' || row.status === 'deleted_on_remote',
  );
  const replaced = count((row) => row.status === 'different');
  const deleted = count(
    (row) =>
      row.status === (pull ? 'deleted_on_remote' : 'deleted_on_local') ||
      (isConflictIn(row, plan) && !sourceHas(row)),
  );
  // One way, a merged item is a conflict too: the target's own change is lost.
  const overwritten = count((row) => isConflictIn(row, plan) && sourceHas(row));
  const conflicts = picked.filter((row) => isConflictIn(row, plan));
  const effects = [
    created > 0 && `${created} created`,
    replaced > 0 && `${replaced} replaced`,
    overwritten > 0 && `${overwritten} overwritten`,
    deleted > 0 && `${deleted} deleted`,
  ].filter(Boolean);

  return (
    <>
      <p>
        This sends {source}’s version of the selected items to <strong>{target}</strong>:{' '}
        {effects.join(', ')} on {target}.
      </p>
      {conflicts.length > 0 && (
        <div className="warning" role="note">
          <p>
            <span aria-hidden="true">⚠ </span>
            {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`} will be
            overwritten: what {target} changed since the last sync is lost.
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

/** Effects on one side of a sync both ways: "1 created, 2 replaced, 1 deleted". */
function effectsOn(rows: readonly Row[]): string {
  const count = (test: (row: Row) => boolean) => rows.filter(test).length;
  const created = count((row) => row.status.startsWith('missing_on'));
  const replaced = count((row) => row.status === 'different');
  const deleted = count((row) => row.status.startsWith('deleted_on'));
  const overwritten = count((row) => row.status === 'conflict');
  const effects = [
    created > 0 && `${created} created`,
    replaced > 0 && `${replaced} replaced`,
    deleted > 0 && `${deleted} deleted`,
    overwritten > 0 && `${overwritten} ${overwritten === 1 ? 'conflict' : 'conflicts'} overwritten`,
  ].filter(Boolean);
  return effects.length > 0 ? effects.join(', ') : 'nothing';
}

/**
 * Both ways: what goes to the remote, what comes here; a conflict goes with the
 * version the plan prefers (without a preference it is not selectable).
 */
function BothWaysQuestion({
  picked,
  localName,
  remoteName,
  plan,
}: StartSyncQuestionProps & { plan: Plan }) {
  const toRemote = picked.filter((row) => wayOf(row, plan) === 'to_remote');
  const toLocal = picked.filter((row) => wayOf(row, plan) === 'to_local');
  const merged = picked.filter((row) => wayOf(row, plan) === 'both_sides').length;
  const byNewest = picked.filter((row) => wayOf(row, plan) === 'newest').length;
  const winner = plan.prefer === 'local' ? localName : remoteName;
  return (
    <>
      <p>
        Each selected item goes from the server that changed it since the last sync to the other
        {plan.prefer === 'newest'
          ? '; in a conflict, the newer change wins (by the servers’ logical clocks)'
          : plan.prefer && `; a conflict, from ${winner}, whose version wins`}
        .
      </p>
      <ul>
        <li>
          → <strong>{remoteName}</strong>: {effectsOn(toRemote)}
        </li>
        <li>
          ← <strong>{localName}</strong>: {effectsOn(toLocal)}
        </li>
        {merged > 0 && (
          <li>
            ⇄ <strong>both servers</strong>: {merged} merged (each keeps both sides’ changes)
          </li>
        )}
        {byNewest > 0 && (
          <li>
            ⇄ <strong>both servers</strong>: {byNewest} {byNewest === 1 ? 'conflict' : 'conflicts'}{' '}
            decided by the newer change (skipped where the clocks cannot tell)
          </li>
        )}
      </ul>
    </>
  );
}
