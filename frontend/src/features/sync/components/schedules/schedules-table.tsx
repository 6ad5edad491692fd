import { DateTime } from '@/components/ui/date-time';
import type { Schedule } from '../../api/types';
import { DIRECTIONS, isDirection } from '../../utils/job-list';
import {
  APPLY,
  CONFLICT_POLICIES_SHORT,
  isApply,
  isConflictPolicy,
  selectionText,
} from '../../utils/schedule-words';
import { ScheduleLastJobs } from './schedule-last-jobs';

const HEADERS = [
  'Name',
  'Cron (UTC)',
  'Peers',
  'What',
  'Direction',
  'Apply',
  'State',
  'Next run',
  'Last run',
  'Missed runs',
];

interface SchedulesTableProps {
  schedules: Schedule[];
  busy: boolean;
  /** The schedule whose action is on its way, if any: its buttons wait. */
  acting: string | null;
  onRun: (schedule: Schedule) => void;
  onPause: (schedule: Schedule, paused: boolean) => void;
  onEdit: (schedule: Schedule) => void;
  onDelete: (schedule: Schedule) => void;
}

export function SchedulesTable({
  schedules,
  busy,
  acting,
  onRun,
  onPause,
  onEdit,
  onDelete,
}: SchedulesTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      {/* Explicit roles: the stacked layout of narrow windows would drop them. */}
      <table className="item-table schedules-table" role="table">
        <caption className="visually-hidden">Sync schedules, by name</caption>
        <thead role="rowgroup">
          <tr role="row">
            {HEADERS.map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {schedules.map((schedule) => (
            <ScheduleRow
              key={schedule.name}
              schedule={schedule}
              waiting={acting === schedule.name}
              onRun={onRun}
              onPause={onPause}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = Omit<SchedulesTableProps, 'schedules' | 'busy' | 'acting'> & {
  schedule: Schedule;
  waiting: boolean;
};

function ScheduleRow({ schedule, waiting, onRun, onPause, onEdit, onDelete }: RowProps) {
  const { name } = schedule;
  const next = schedule.next_runs[0];
  return (
    <tr role="row" data-schedule={name} data-paused={schedule.paused}>
      <td role="cell" data-label="Name">
        <strong>{name}</strong>
      </td>
      <td role="cell" data-label="Cron (UTC)">
        <code>{schedule.cron}</code>
      </td>
      <td role="cell" data-label="Peers">
        {schedule.peers.join(', ')}
      </td>
      <td role="cell" data-label="What">
        {selectionText(schedule.selection)}
      </td>
      <td role="cell" data-label="Direction">
        {isDirection(schedule.direction) ? (
          <>
            <span aria-hidden="true">{DIRECTIONS[schedule.direction].icon} </span>
            {DIRECTIONS[schedule.direction].label}
          </>
        ) : (
          schedule.direction
        )}
        <br />
        <span className="muted">
          conflicts:{' '}
          {isConflictPolicy(schedule.conflict_policy)
            ? CONFLICT_POLICIES_SHORT[schedule.conflict_policy]
            : schedule.conflict_policy}
        </span>
      </td>
      <td role="cell" data-label="Apply">
        {isApply(schedule.apply) ? APPLY[schedule.apply].label : schedule.apply}
      </td>
      <td role="cell" data-label="State">
        <span className="schedule-state" data-paused={schedule.paused}>
          {schedule.paused ? 'paused' : 'active'}
        </span>
      </td>
      <td role="cell" data-label="Next run">
        {next ? (
          <span data-testid="next-run">
            <DateTime iso={next} />
          </span>
        ) : (
          <span className="muted">{schedule.paused ? 'none while paused' : 'none'}</span>
        )}
      </td>
      <td role="cell" data-label="Last run">
        {schedule.last_run_at ? (
          <>
            <DateTime iso={schedule.last_run_at} />
            <ScheduleLastJobs ids={schedule.last_job_ids} />
          </>
        ) : (
          <span className="muted">never</span>
        )}
        {schedule.last_error && <p className="field-error">{schedule.last_error}</p>}
      </td>
      <td role="cell" data-label="Missed runs">
        <MissedRuns schedule={schedule} />
      </td>
      <td className="row-actions" role="cell">
        <button
          type="button"
          className="button"
          aria-label={`Run ${name} now`}
          disabled={waiting}
          onClick={() => onRun(schedule)}
        >
          Run now
        </button>
        <button
          type="button"
          className="button"
          aria-label={`${schedule.paused ? 'Resume' : 'Pause'} ${name}`}
          disabled={waiting}
          onClick={() => onPause(schedule, !schedule.paused)}
        >
          {schedule.paused ? 'Resume' : 'Pause'}
        </button>
        <button
          type="button"
          className="button"
          aria-label={`Edit ${name}`}
          onClick={() => onEdit(schedule)}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button-danger"
          aria-label={`Delete ${name}`}
          onClick={() => onDelete(schedule)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** Due times no server was up for (or that came while the last run still went): counted, not run. */
function MissedRuns({ schedule }: { schedule: Schedule }) {
  if (schedule.missed_runs === 0) return <span className="muted">none</span>;
  return (
    <span className="schedule-missed">
      {schedule.missed_runs}
      {schedule.last_missed_at && (
        <>
          , last <DateTime iso={schedule.last_missed_at} />
        </>
      )}
    </span>
  );
}
