import { SelectField, TextField } from '@/components/ui/field';
import type { useJobsParams } from '../../hooks/use-jobs-params';
import {
  DIRECTIONS,
  DIRECTION_IDS,
  JOB_STATUSES,
  JOB_STATUS_IDS,
  isDirection,
  isJobStatus,
} from '../../utils/job-list';

export function JobsFilters({ params }: { params: ReturnType<typeof useJobsParams> }) {
  return (
    <div className="list-filters" role="search" aria-label="Filter the jobs">
      <SelectField
        path="jobs-status"
        label="Status"
        value={params.status ?? ''}
        onChange={(event) =>
          params.setStatus(isJobStatus(event.target.value) ? event.target.value : '')
        }
      >
        <option value="">All statuses</option>
        {JOB_STATUS_IDS.map((id) => (
          <option key={id} value={id}>
            {JOB_STATUSES[id].icon} {JOB_STATUSES[id].label}
          </option>
        ))}
      </SelectField>
      <SelectField
        path="jobs-direction"
        label="Direction"
        value={params.direction ?? ''}
        onChange={(event) =>
          params.setDirection(isDirection(event.target.value) ? event.target.value : '')
        }
      >
        <option value="">All directions</option>
        {DIRECTION_IDS.map((id) => (
          <option key={id} value={id}>
            {DIRECTIONS[id].icon} {DIRECTIONS[id].label}
          </option>
        ))}
      </SelectField>
      <TextField
        path="jobs-remote"
        label="Remote"
        type="search"
        autoComplete="off"
        value={params.remoteText}
        onChange={(event) => params.setRemoteText(event.target.value)}
        hint="The other server’s name or URL, exactly"
      />
    </div>
  );
}
