import { useEffect, useRef } from 'react';
import type { ComparisonSummary as Summary } from '../api/types';
import { STATUSES } from '../utils/comparison';
import { StatusIcon } from './status-icon';

/** The counts by status; they count every item, also when the lists were cut. */
export function ComparisonSummary({
  summary,
  focusOnMount = false,
}: {
  summary: Summary;
  /** After "Compare again", whose button goes away with the old result. */
  focusOnMount?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="comparison-summary">
      <h2 id="summary-heading" ref={heading} tabIndex={-1}>
        Summary
      </h2>
      <ul aria-labelledby="summary-heading">
        {STATUSES.filter(
          // Deletions only matter once servers have synced; like the CLI, hide them at zero.
          (status) => !status.id.startsWith('deleted') || (summary[status.id] ?? 0) > 0,
        ).map((status) => (
          <li key={status.id} data-status={status.id}>
            <StatusIcon status={status.id} /> <strong>{summary[status.id] ?? 0}</strong>{' '}
            {status.label}
          </li>
        ))}
        <li className="summary-total">
          <strong>{summary.total ?? 0}</strong> in all
        </li>
      </ul>
    </div>
  );
}
