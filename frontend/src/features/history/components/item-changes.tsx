import { formatValue, fullValue, isLong } from '@/features/sync/utils/format-change';
import type { HistoryChange, HistoryItem } from '../api/types';

/**
 * Field by field, as the sync page writes changes: one line each
 * (`ip: 10.0.0.1 → 10.0.0.2`, lists as counts), the full values one click away
 * when the line cuts them.
 */
function ChangeList({ changes, label }: { changes: HistoryChange[]; label: string }) {
  return (
    <ul className="change-list history-changes" aria-label={label}>
      {changes.map(({ field, before, after }) => (
        <li key={field}>
          <span className="change-line">
            {field}: {formatValue(field, before)} → {formatValue(field, after)}
          </span>
          {(isLong(before) || isLong(after)) && (
            <details>
              <summary>Full values of {field}</summary>
              <dl className="change-values">
                <dt>Before</dt>
                <dd>
                  <pre>{fullValue(before)}</pre>
                </dd>
                <dt>After</dt>
                <dd>
                  <pre>{fullValue(after)}</pre>
                </dd>
              </dl>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * An item's fields before → after. A changed item lists what differs; a
 * created or deleted one has every field on one side only, so those fold away
 * behind their count.
 */
export function ItemChanges({ item }: { item: HistoryItem }) {
  const label = `Field changes of ${item.key}`;
  if (item.changes.length === 0) return <span className="muted">no field differs</span>;
  if (item.action === 'changed') return <ChangeList changes={item.changes} label={label} />;
  const count = item.changes.length;
  return (
    <details className="item-fields">
      <summary>
        {count} {count === 1 ? 'field' : 'fields'}{' '}
        {item.action === 'created' ? '(none before)' : '(none after)'}
        <span className="visually-hidden"> of {item.key}</span>
      </summary>
      <ChangeList changes={item.changes} label={label} />
    </details>
  );
}
