// A list's filters in the URL (?status=failed&peer=server-b&page=2), so a
// reload, the back button or a link shows the same list: one setter for all of
// them, and free-text fields that update the URL only once the user pauses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_DEBOUNCE_MS } from '@/config/paging';
import { useDebouncedValue } from '@/lib/use-debounced-value';

export type SetFilter = (name: string, value: string, replace?: boolean) => void;

/** Sets (or, empty, removes) one filter; a new filter starts at the first page. */
export function useSetFilter(): SetFilter {
  const [, setParams] = useSearchParams();
  return useCallback(
    (name: string, value: string, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          next.delete('page');
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
}

/**
 * A free-text filter: its value in the URL, and the text being typed, which
 * reaches the URL (replacing the entry, not adding one) once typing pauses.
 */
export function useTextFilter(name: string, setFilter: SetFilter) {
  const [params] = useSearchParams();
  const value = params.get(name) ?? '';
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const applied = useRef(debounced);
  useEffect(() => {
    if (applied.current === debounced) return;
    applied.current = debounced;
    setFilter(name, debounced.trim(), true);
  }, [debounced, name, setFilter]);
  return { value, text, setText };
}
