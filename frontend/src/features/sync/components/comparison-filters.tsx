import { SearchBox } from '@/components/ui/search-box';
import { SelectField } from '@/components/ui/field';
import type { KindId } from '../api/types';
import { KINDS, STATUSES, type Filters, type StatusFilter } from '../utils/comparison';

interface ComparisonFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ComparisonFilters({ filters, onChange }: ComparisonFiltersProps) {
  return (
    <div className="comparison-filters" role="search" aria-label="Filter the comparison">
      <SelectField
        path="filter-status"
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ ...filters, status: event.target.value as StatusFilter })}
      >
        <option value="differences">All differences</option>
        <option value="all">Everything, identical too</option>
        {STATUSES.map((status) => (
          // Words only: an option holds text, and the emoji are boxes without an emoji font.
          <option key={status.id} value={status.id}>
            {status.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        path="filter-kind"
        label="Kind"
        value={filters.kind}
        onChange={(event) => onChange({ ...filters, kind: event.target.value as KindId | 'all' })}
      >
        <option value="all">All kinds</option>
        {KINDS.map((kind) => (
          <option key={kind.id} value={kind.id}>
            {kind.label}
          </option>
        ))}
      </SelectField>
      <SearchBox
        label="Search by name"
        value={filters.search}
        onChange={(search) => onChange({ ...filters, search })}
      />
    </div>
  );
}
