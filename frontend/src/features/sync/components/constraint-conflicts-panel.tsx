import type { Comparison } from '../api/types';
import type { SelectionState } from '../hooks/use-selection';
import type { Row } from '../utils/comparison';
import { ConstraintConflictList } from './constraint-conflict-list';

interface ConstraintConflictsPanelProps {
  conflicts: Comparison['constraint_conflicts'];
  rows: readonly Row[];
  selection: SelectionState;
  localName: string;
  remoteName: string;
  onShow: (row: Row) => void;
}

/**
 * What the server found at compare time: the inventory rules a sync of every
 * difference both ways would break, above the lists they point into.
 */
export function ConstraintConflictsPanel({ conflicts, ...props }: ConstraintConflictsPanelProps) {
  if (conflicts === null)
    // The server skips the check when too many items move; a job still checks its own.
    return (
      <p className="note" role="note" data-testid="constraints-unchecked">
        Not checked for broken inventory rules (duplicate IPs, a node in two clusters, missing
        references): too many items differ. A job checks its own selection before it moves anything.
      </p>
    );
  if (conflicts.length === 0) return null;
  const count = conflicts.length;
  return (
    <section
      className="warning constraint-conflicts"
      aria-labelledby="constraints-heading"
      data-testid="constraint-conflicts"
    >
      <h2 id="constraints-heading">
        <span aria-hidden="true">⚠ </span>
        {count === 1 ? '1 inventory rule' : `${count} inventory rules`} a sync would break
      </h2>
      <p>
        A sync of every difference both ways would break {count === 1 ? 'it' : 'them'}; a job that
        would is refused before it moves anything. Select the fix with the items, or change them
        first.
      </p>
      <ConstraintConflictList conflicts={conflicts} {...props} />
    </section>
  );
}
