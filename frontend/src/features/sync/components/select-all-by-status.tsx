import { TriStateCheckbox } from '@/components/ui/tri-state-checkbox';
import { stateOf, type SelectionState } from '../hooks/use-selection';
import { isSelectable, statusesFor, type Row } from '../utils/comparison';
import { usePlan } from './plan-context';
import { StatusIcon } from './status-icon';

interface SelectAllByStatusProps {
  /** The rows the filters let through. */
  rows: readonly Row[];
  selection: SelectionState;
}

/** One box per status the job can act on, over the rows the filters show. */
export function SelectAllByStatus({ rows, selection }: SelectAllByStatusProps) {
  const plan = usePlan();
  const choices = statusesFor(plan.direction)
    .filter((status) => status.selectable)
    .map((status) => ({
      status,
      ids: rows
        .filter((row) => row.status === status.id && isSelectable(row, plan))
        .map((row) => row.id),
    }))
    .filter(({ ids }) => ids.length > 0);
  if (choices.length === 0) return null;
  return (
    <fieldset className="select-all-by-status">
      <legend>Select all shown</legend>
      {choices.map(({ status, ids }) => (
        <label key={status.id} className="check-chip">
          <TriStateCheckbox
            checked={stateOf(ids, selection.selected)}
            onChange={(event) => selection.setMany(ids, event.target.checked)}
            aria-description={status.explanation}
          />
          <StatusIcon status={status.id} /> {status.label} ({ids.length})
        </label>
      ))}
    </fieldset>
  );
}
