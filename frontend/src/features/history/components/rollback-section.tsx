// Rolling an entry back: a dry run first, which says what would be restored
// and deleted and lists the items changed again since; the operator decides
// each of those (keep it as it is now, or overwrite it), confirms, and gets
// the result with a link to the rollback's own entry.
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LoadingState } from '@/components/ui/states';
import { useRollback } from '../api/history';
import type { HistoryEntry } from '../api/types';
import {
  conflictId,
  decisionsRequest,
  entryTitle,
  type ConflictDecision,
} from '../utils/format-history';
import { RollbackConfirmText } from './rollback-confirm-text';
import { RollbackDone } from './rollback-done';
import { RollbackPreview } from './rollback-preview';

/** The problem code of a rollback refused for items changed again since the entry. */
const ROLLBACK_CONFLICTS = 'rollback-conflicts';

export function RollbackSection({ entry }: { entry: HistoryEntry }) {
  const preview = useRollback(entry.id);
  const rollback = useRollback(entry.id);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, ConflictDecision>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const failure = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (rollback.error) failure.current?.focus();
  }, [rollback.error]);

  if (rollback.data) return <RollbackDone result={rollback.data} />;

  const title = entryTitle(entry);
  if (entry.rolled_back_by) {
    return (
      <p className="note" data-testid="rolled-back-note">
        This entry was rolled back: its items have their content from before it again (unless they
        were kept). Roll back the rollback’s entry to apply it once more.
      </p>
    );
  }

  function startPreview() {
    rollback.reset();
    setDecisions(new Map());
    preview.mutate({ dryRun: true });
  }

  async function confirm() {
    if (!preview.data) return;
    try {
      await rollback.mutateAsync({ dryRun: false, ...decisionsRequest(preview.data, decisions) });
    } catch {
      // rollback.error is shown below the preview.
    }
    setConfirming(false);
  }

  const decided = preview.data?.conflicts.every((conflict) => decisions.has(conflictId(conflict)));

  return (
    <section className="rollback-section" aria-labelledby="rollback-heading">
      <h2 id="rollback-heading" className="section-heading">
        Rollback
      </h2>
      {!preview.data && !preview.isPending && (
        <>
          <p>
            Gives every item this entry changed its content from before it back, on this server
            alone: an item it created is deleted, one it deleted comes back. A preview comes first;
            nothing changes until you confirm.
          </p>
          <button type="button" className="button button-danger" onClick={startPreview}>
            Roll back…
          </button>
        </>
      )}
      {preview.isPending && <LoadingState label="Previewing the rollback…" />}
      {preview.error && (
        <Alert title="Could not preview the rollback">
          <p>{preview.error.detail}</p>
          <button type="button" className="button" onClick={startPreview}>
            Try again
          </button>
        </Alert>
      )}
      {preview.data && !preview.isPending && (
        <>
          <RollbackPreview
            result={preview.data}
            decisions={decisions}
            onDecide={(id, decision) =>
              setDecisions((current) => new Map(current).set(id, decision))
            }
            onDecideAll={(decision) =>
              setDecisions(
                new Map(preview.data.conflicts.map((conflict) => [conflictId(conflict), decision])),
              )
            }
          />
          {rollback.error && (
            <Alert ref={failure} title="Not rolled back">
              <p>{rollback.error.detail}</p>
              {rollback.error.code === ROLLBACK_CONFLICTS && (
                <p>Items changed since the preview: preview again to decide on them too.</p>
              )}
            </Alert>
          )}
          <div className="rollback-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={!decided}
              aria-describedby={decided ? undefined : 'rollback-undecided'}
              onClick={() => setConfirming(true)}
            >
              Roll back
            </button>
            <button type="button" className="button" onClick={startPreview}>
              Preview again
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                preview.reset();
                rollback.reset();
              }}
            >
              Cancel
            </button>
            {!decided && (
              <p id="rollback-undecided" className="muted">
                Decide each item changed since the entry first.
              </p>
            )}
          </div>
        </>
      )}
      {confirming && preview.data && (
        <ConfirmDialog
          title={`Roll back this ${title.charAt(0).toLowerCase()}${title.slice(1)}?`}
          confirmLabel="Roll back"
          busy={rollback.isPending}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          <RollbackConfirmText preview={preview.data} decisions={decisions} />
        </ConfirmDialog>
      )}
    </section>
  );
}
