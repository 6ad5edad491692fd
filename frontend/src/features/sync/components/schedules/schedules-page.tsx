// /sync/schedules: sync jobs the server runs on its own, on a cron, with
// registered peers. Create and edit them (the next five runs show once saved),
// pause and resume them, run one now, and delete one after a confirmation.
// Each run is an ordinary job, linked from the row's last run.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePeers } from '../../api/peers';
import {
  useCreateSchedule,
  useDeleteSchedule,
  usePauseSchedule,
  useRunSchedule,
  useSchedules,
  useUpdateSchedule,
} from '../../api/schedules';
import type { Schedule } from '../../api/types';
import { ScheduleForm, type ScheduleFormValues } from './schedule-form';
import { ScheduleNotice, type Notice } from './schedule-notice';
import { SchedulesTable } from './schedules-table';

type FormState = { mode: 'add' } | { mode: 'edit'; schedule: Schedule } | null;

export function SchedulesPage() {
  useDocumentTitle('Schedules');
  const schedules = useSchedules();
  const peers = usePeers();
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const remove = useDeleteSchedule();
  const pause = usePauseSchedule();
  const run = useRunSchedule();
  const [form, setForm] = useState<FormState>(null);
  const [pendingDelete, setPendingDelete] = useState<Schedule | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<{ title: string; problem: ApiProblem } | null>(
    null,
  );
  const [acting, setActing] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A deleted row or a closed form took the focused control with it.
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);

  function openForm(next: FormState) {
    create.reset();
    update.reset();
    setNotice(null);
    setActionError(null);
    setForm(next);
  }

  function save(values: ScheduleFormValues) {
    const editing = form?.mode === 'edit';
    (editing ? update : create).mutate(values, {
      onSuccess: (saved) => {
        setForm(null);
        setNotice({ kind: 'saved', schedule: saved, created: !editing });
      },
    });
  }

  /** Pause, resume or run now: one at a time per row, its refusal shown above the list. */
  async function act<T>(schedule: Schedule, title: string, action: () => Promise<T>) {
    setActing(schedule.name);
    setActionError(null);
    try {
      return await action();
    } catch (error) {
      setActionError({ title, problem: error as ApiProblem });
      return undefined;
    } finally {
      setActing(null);
    }
  }

  async function runNow(schedule: Schedule) {
    const result = await act(schedule, `${schedule.name} did not run`, () =>
      run.mutateAsync(schedule.name),
    );
    if (result) setNotice({ kind: 'ran', name: schedule.name, run: result });
  }

  async function setPaused(schedule: Schedule, paused: boolean) {
    const title = `${schedule.name} was not ${paused ? 'paused' : 'resumed'}`;
    const result = await act(schedule, title, () =>
      pause.mutateAsync({ name: schedule.name, paused }),
    );
    if (result)
      setNotice({
        kind: 'text',
        text: paused
          ? `Schedule ${result.name} paused: no runs until it is resumed.`
          : `Schedule ${result.name} resumed.`,
      });
  }

  async function confirmDelete() {
    if (!pendingDelete) return;
    try {
      await remove.mutateAsync(pendingDelete.name);
      if (form?.mode === 'edit' && form.schedule.name === pendingDelete.name) setForm(null);
      setNotice({ kind: 'text', text: `Schedule ${pendingDelete.name} deleted.` });
      setPendingDelete(null);
    } catch {
      // remove.error is shown in the dialog, which stays open.
    }
  }

  const peerNames = (peers.data ?? []).map((peer) => peer.name);
  return (
    <section className="page schedules-page">
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          Schedules
        </h1>
        {form?.mode !== 'add' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => openForm({ mode: 'add' })}
          >
            New schedule
          </button>
        )}
      </div>
      <p className="lead">
        Syncs this server runs on its own, on a cron in UTC, with{' '}
        <Link to="/sync/peers">registered peers</Link>. Each run is a job with each peer, started by{' '}
        <code>schedule:NAME</code> on the <Link to="/jobs">Jobs page</Link>; a run that applies only
        when conflict-free and finds conflicts reads “Needs attention”.
      </p>
      {/* Always in the page, so screen readers announce what appears in it later. */}
      <div role="status">{notice && <ScheduleNotice notice={notice} />}</div>
      {actionError && (
        <Alert title={actionError.title}>
          <p>{actionError.problem.detail}</p>
        </Alert>
      )}
      {peers.isError && (
        <Alert title="Could not load the peers to pick from">
          <p>{peers.error.detail}</p>
        </Alert>
      )}
      {form && (
        <ScheduleForm
          key={form.mode === 'edit' ? `edit-${form.schedule.name}` : 'add'}
          editing={form.mode === 'edit' ? form.schedule : undefined}
          peers={peerNames}
          pending={form.mode === 'edit' ? update.isPending : create.isPending}
          error={form.mode === 'edit' ? update.error : create.error}
          onSubmit={save}
          onCancel={() => setForm(null)}
        />
      )}
      {schedules.isPending ? (
        <LoadingState label="Loading the schedules…" />
      ) : schedules.isError ? (
        <ErrorState
          problem={schedules.error}
          what="the schedules"
          onRetry={() => void schedules.refetch()}
        />
      ) : schedules.data.length === 0 ? (
        <EmptyState>
          <p>No schedule yet. Create one to sync with peers on a cron.</p>
        </EmptyState>
      ) : (
        <SchedulesTable
          schedules={schedules.data}
          busy={schedules.isFetching}
          acting={acting}
          onRun={(schedule) => void runNow(schedule)}
          onPause={(schedule, paused) => void setPaused(schedule, paused)}
          onEdit={(schedule) => openForm({ mode: 'edit', schedule })}
          onDelete={(schedule) => {
            remove.reset();
            setPendingDelete(schedule);
          }}
        />
      )}
      {pendingDelete && (
        <ConfirmDialog
          title={`Delete schedule ${pendingDelete.name}?`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPendingDelete(null)}
        >
          <p>
            Schedule <strong>{pendingDelete.name}</strong> runs no more. The jobs it ran and their
            history stay.
          </p>
          {remove.error && (
            <Alert title="Not deleted">
              <p>{remove.error.detail}</p>
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
