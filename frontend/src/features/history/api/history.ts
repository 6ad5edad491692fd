import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { HistoryDetail, HistoryPage, Operation, RollbackKeep, RollbackResult } from './types';

export interface HistoryQuery {
  page: number;
  size: number;
  operation?: Operation;
  /** A peer's server id or name, matched exactly. */
  peer?: string;
  /** The job that moved the entries. */
  job?: string;
}

/** Entries newest first (GET /sync/history), the current page kept on screen while the next loads. */
export function useHistoryList(query: HistoryQuery) {
  return useQuery<HistoryPage, ApiProblem>({
    queryKey: ['history', 'list', query],
    queryFn: ({ signal }) => call(api.GET('/api/v1/sync/history', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One entry and a page of its items with their field changes (GET /sync/history/{id}). */
export function useHistoryEntry(id: string, page: number, size: number) {
  return useQuery<HistoryDetail, ApiProblem>({
    queryKey: ['history', 'entry', id, { page, size }],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/sync/history/{id}', {
          params: { path: { id }, query: { page, size } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export interface RollbackRequest {
  dryRun: boolean;
  /** Overwrite the items changed again since the entry (those not kept). */
  force?: boolean;
  /** Items to leave as they are now. */
  keep?: RollbackKeep[];
}

/** The inventory lists a rollback can change, by their query keys. */
const INVENTORY_KEYS = ['nodes', 'clusters', 'ssh-keys', 'configurations'];

/**
 * Rolls entry `id` back on this server (POST /sync/history/{id}/rollback), or
 * previews that as a dry run. A real rollback refreshes the history (the entry
 * is now rolled back, and there is a new one) and the inventory it changed.
 */
export function useRollback(id: string) {
  const client = useQueryClient();
  return useMutation<RollbackResult, ApiProblem, RollbackRequest>({
    mutationFn: ({ dryRun, force = false, keep = [] }) =>
      call(
        api.POST('/api/v1/sync/history/{id}/rollback', {
          params: { path: { id } },
          body: { dry_run: dryRun, force, ...(keep.length > 0 ? { keep } : {}) },
        }),
      ),
    onSuccess: async (result) => {
      if (result.dry_run) return;
      await Promise.all([
        client.invalidateQueries({ queryKey: ['history'] }),
        ...INVENTORY_KEYS.map((name) => client.invalidateQueries({ queryKey: [name] })),
      ]);
    },
  });
}
