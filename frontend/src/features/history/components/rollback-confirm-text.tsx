import { countsText } from '@/features/sync/utils/format-job';
import type { RollbackResult } from '../api/types';
import { conflictId, type ConflictDecision } from '../utils/format-history';

/** What the confirmed rollback will do, from the preview and the operator's decisions. */
export function RollbackConfirmText({
  preview,
  decisions,
}: {
  preview: RollbackResult;
  decisions: ReadonlyMap<string, ConflictDecision>;
}) {
  const kept = preview.conflicts.filter(
    (conflict) => decisions.get(conflictId(conflict)) === 'keep',
  ).length;
  const overwritten = preview.conflict_count - kept;
  return (
    <>
      <p>
        On this server, this restores {countsText(preview.restored)} and deletes{' '}
        {countsText(preview.deleted)} as they were before the entry.
      </p>
      {preview.conflict_count > 0 && (
        <p data-testid="confirm-conflicts">
          Of the {preview.conflict_count} items changed again since: {kept} stay as they are now,{' '}
          {overwritten} {overwritten === 1 ? 'is' : 'are'} overwritten with their content from
          before the entry.
        </p>
      )}
      <p>The peer is not changed. The rollback is an entry of its own, and can be rolled back.</p>
    </>
  );
}
