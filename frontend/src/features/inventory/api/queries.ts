// TanStack Query hooks for any kind of item. Cached lists and items of a kind
// share the kind's name as their first key, so one invalidation after a write
// refreshes everything that could show the change.
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ApiProblem } from '@/api/problem';
import type { ItemPage, ItemResource, ListQuery } from './resource';

export function useItemList<V, I>(
  resource: ItemResource<V, I>,
  query: ListQuery,
): UseQueryResult<ItemPage<V>, ApiProblem> {
  return useQuery({
    queryKey: [resource.name, 'list', query],
    queryFn: () => resource.list(query),
    // Keep the current rows on screen while the next page or search loads.
    placeholderData: keepPreviousData,
  });
}

export function useItem<V, I>(
  resource: ItemResource<V, I>,
  key: string | undefined,
): UseQueryResult<V, ApiProblem> {
  return useQuery({
    queryKey: [resource.name, 'item', key],
    queryFn: () => resource.get(key ?? ''),
    enabled: key !== undefined,
    // An edit form starts from what the server has now, not from a cache.
    staleTime: 0,
  });
}

/** Creates an item, or replaces the one at `key`. */
export function useSaveItem<V, I>(resource: ItemResource<V, I>) {
  const client = useQueryClient();
  return useMutation<V, ApiProblem, { key?: string; body: I }>({
    mutationFn: ({ key, body }) =>
      key === undefined ? resource.create(body) : resource.replace(key, body),
    // Refetch the kind's lists too, though no list is on screen while a form
    // is: the form goes back to its list next, which must not show the old row.
    onSuccess: () => client.invalidateQueries({ queryKey: [resource.name], refetchType: 'all' }),
  });
}

export function useDeleteItem<V, I>(resource: ItemResource<V, I>) {
  const client = useQueryClient();
  return useMutation<void, ApiProblem, string>({
    mutationFn: (key) => resource.remove(key),
    onSuccess: () => client.invalidateQueries({ queryKey: [resource.name] }),
  });
}
