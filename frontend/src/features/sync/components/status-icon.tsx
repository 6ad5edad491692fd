import type { StatusId } from '../api/types';
import { STATUS_BY_ID } from '../utils/comparison';

// The seed's circles as drawn, with a darker ring so the light ones show on white.
const CIRCLES = {
  identical: { fill: '#3aa757', ring: '#23773a' },
  different: { fill: '#f6c026', ring: '#a67c00' },
  missing_on_remote: { fill: '#2f7fd8', ring: '#1d5699' },
  missing_on_local: { fill: '#ffffff', ring: '#7a8394' },
  conflict: { fill: '#d93025', ring: '#9c1f17' },
  merged: { fill: '#8e5cc8', ring: '#62388f' },
} as const satisfies Partial<Record<StatusId, { fill: string; ring: string }>>;

function isCircle(status: StatusId): status is keyof typeof CIRCLES {
  return status in CIRCLES;
}

/**
 * A comparison status's icon, drawn rather than typed: the seed's emoji are
 * empty boxes on a machine without an emoji font (Debian's Chromium). The emoji
 * stays in the text, unseen, so a copy of a row or the summary still has it.
 * Hidden from screen readers, as the emoji were: the status's words always
 * follow it, and naming the icon too would read each status twice. The title
 * names it on hover.
 */
export function StatusIcon({ status }: { status: StatusId }) {
  const { icon, label } = STATUS_BY_ID[status];
  return (
    <span className="status-icon" data-status={status} title={label} aria-hidden="true">
      <svg viewBox="0 0 16 16" width="1em" height="1em" focusable="false">
        {isCircle(status) ? (
          <circle
            cx="8"
            cy="8"
            r="6.75"
            fill={CIRCLES[status].fill}
            stroke={CIRCLES[status].ring}
            strokeWidth="1.5"
          />
        ) : (
          // The deletions: the CLI's ✖, in the text's colour.
          <path
            d="M3.5 3.5 12.5 12.5 M12.5 3.5 3.5 12.5"
            stroke="currentColor"
            strokeWidth="2.5"
            strokeLinecap="round"
          />
        )}
      </svg>
      <span className="visually-hidden">{icon}</span>
    </span>
  );
}
