import type { HistoryItem } from '../api/types';
import { ACTIONS } from '../utils/format-history';
import { kindNoun } from '@/features/sync/utils/format-job';
import { ItemChanges } from './item-changes';

export function HistoryItems({ items, busy }: { items: HistoryItem[]; busy: boolean }) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="item-table history-items" role="table">
        <caption className="visually-hidden">Items the entry changed</caption>
        <thead role="rowgroup">
          <tr role="row">
            {['Item', 'What happened', 'Before → after'].map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => (
            <tr key={`${item.kind}/${item.key}`} role="row" data-action={item.action}>
              <td role="cell" data-label="Item" className="key-cell">
                {kindNoun(item.kind)} <strong>{item.key}</strong>
              </td>
              <td role="cell" data-label="What happened">
                <span className="action-badge" data-action={item.action}>
                  <span aria-hidden="true">{ACTIONS[item.action].icon} </span>
                  {ACTIONS[item.action].words}
                </span>
              </td>
              <td role="cell" data-label="Before → after">
                <ItemChanges item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
