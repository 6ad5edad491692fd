// A list's page and search live in the URL (?page=2&search=web), so a reload,
// the back button or a shared link shows the same rows. Typing in the search
// box updates the URL only once the user pauses.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_DEBOUNCE_MS } from '@/config/paging';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { usePageParam } from '@/lib/use-page-param';

export function useListParams() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const search = params.get('search') ?? '';

  const [searchText, setSearchText] = useState(search);
  const debouncedSearch = useDebouncedValue(searchText, SEARCH_DEBOUNCE_MS);

  // Navigate only when the typed text changed: a navigation on arrival would
  // drop the state a form left for the list (its "saved" message).
  const applied = useRef(debouncedSearch);
  useEffect(() => {
    if (applied.current === debouncedSearch) return;
    applied.current = debouncedSearch;
    const wanted = debouncedSearch.trim();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (wanted) next.set('search', wanted);
        else next.delete('search');
        // A new search starts at its first page.
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [debouncedSearch, setParams]);

  return { page, search, searchText, setSearchText, setPage };
}
