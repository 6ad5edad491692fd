// A list's page in the URL (?page=2), so a reload, the back button or a shared
// link shows the same rows: one-based there for people, zero-based for the API.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The zero-based page `params` name; the first page when it names none or nonsense. */
function pageOf(params: URLSearchParams): number {
  return Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
}

/** The page in the URL and a setter that keeps the other parameters (the first page leaves it out). */
export function usePageParam(): [page: number, setPage: (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const setPage = useCallback(
    (next: number) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next > 0) updated.set('page', String(next + 1));
        else updated.delete('page');
        return updated;
      });
    },
    [setParams],
  );
  return [pageOf(params), setPage];
}
