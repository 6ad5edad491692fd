import { SelectField, TextField } from '@/components/ui/field';
import type { useHistoryParams } from '../hooks/use-history-params';
import { OPERATION_IDS, OPERATIONS, isOperation } from '../utils/format-history';

export function HistoryFilters({ params }: { params: ReturnType<typeof useHistoryParams> }) {
  return (
    <div className="list-filters" role="search" aria-label="Filter the history">
      <SelectField
        path="history-operation"
        label="Operation"
        value={params.operation ?? ''}
        onChange={(event) =>
          params.setOperation(isOperation(event.target.value) ? event.target.value : '')
        }
      >
        <option value="">All operations</option>
        {OPERATION_IDS.map((id) => (
          <option key={id} value={id}>
            {OPERATIONS[id].filter}
          </option>
        ))}
      </SelectField>
      <TextField
        path="history-peer"
        label="Peer"
        type="search"
        autoComplete="off"
        value={params.peerText}
        onChange={(event) => params.setPeerText(event.target.value)}
        hint="The other server’s name or id, exactly"
      />
    </div>
  );
}
