// Cancels a running job after a confirmation. The page shows the job's end as
// it comes (its stream's failed event, the job read again); a refusal (the job
// ended meanwhile: 409) goes to the page, since this button goes away with it.
import { useState } from 'react';
import type { ApiProblem } from '@/api/problem';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useCancelJob } from '../../api/jobs';

interface CancelJobButtonProps {
  jobId: string;
  onRefused: (problem: ApiProblem) => void;
  /** Before asking: the page clears a refusal it shows. */
  onAsk?: () => void;
  className?: string;
}

export function CancelJobButton({ jobId, onRefused, onAsk, className }: CancelJobButtonProps) {
  const cancel = useCancelJob();
  const [confirming, setConfirming] = useState(false);
  // The server answered 202: the job did not end within its wait, and is stopping.
  const [stopping, setStopping] = useState(false);
  const short = jobId.slice(0, 8);

  async function confirm() {
    try {
      const job = await cancel.mutateAsync(jobId);
      if (job.status === 'running') setStopping(true);
    } catch (error) {
      onRefused(error as ApiProblem);
    } finally {
      setConfirming(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={className ?? 'button button-danger'}
        aria-label={`Cancel job ${short}`}
        title={stopping ? 'Cancel asked: the job is stopping' : undefined}
        disabled={cancel.isPending || stopping}
        onClick={() => {
          onAsk?.();
          setConfirming(true);
        }}
      >
        {cancel.isPending ? 'Cancelling…' : stopping ? 'Stopping…' : 'Cancel'}
      </button>
      {confirming && (
        <ConfirmDialog
          title="Cancel this job?"
          confirmLabel="Cancel job"
          cancelLabel="Keep it running"
          busy={cancel.isPending}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Job <code>{short}</code> stops where it is. What the remote has not applied yet is not
            applied. What it applied stays applied.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
