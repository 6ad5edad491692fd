import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type {
  AnyConflictPolicy,
  Direction,
  Schedule,
  ScheduleApply,
  ScheduleRun,
  SelectionOfKinds,
} from './types';

const SCHEDULES_KEY = ['sync', 'schedules'] as const;

/**
 * How often the list is read again: the server runs schedules on its own, so
 * next runs, last jobs and missed runs change with nobody on this page.
 */
const REFRESH_MS = 5000;

/** The sync schedules, by name (GET /sync/schedules). */
export function useSchedules() {
  return useQuery<Schedule[], ApiProblem>({
    queryKey: SCHEDULES_KEY,
    queryFn: ({ signal }) => call(api.GET('/api/v1/sync/schedules', { signal })),
    refetchInterval: REFRESH_MS,
  });
}

/** A schedule's settings, as POST and PUT /sync/schedules take them. */
export interface ScheduleSettings {
  cron: string;
  peers: string[];
  selection: SelectionOfKinds;
  direction: Direction;
  conflictPolicy: AnyConflictPolicy;
  apply: ScheduleApply;
}

function body({ cron, peers, selection, direction, conflictPolicy, apply }: ScheduleSettings) {
  return { cron: cron.trim(), peers, selection, direction, conflict_policy: conflictPolicy, apply };
}

/** Creates a schedule (POST /sync/schedules); a taken name is a 409. */
export function useCreateSchedule() {
  const client = useQueryClient();
  return useMutation<Schedule, ApiProblem, ScheduleSettings & { name: string }>({
    mutationFn: ({ name, ...settings }) =>
      call(api.POST('/api/v1/sync/schedules', { body: { name: name.trim(), ...body(settings) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES_KEY }),
  });
}

/** Replaces a schedule's settings (PUT /sync/schedules/{name}); its next run follows the new cron. */
export function useUpdateSchedule() {
  const client = useQueryClient();
  return useMutation<Schedule, ApiProblem, ScheduleSettings & { name: string }>({
    mutationFn: ({ name, ...settings }) =>
      call(
        api.PUT('/api/v1/sync/schedules/{name}', {
          params: { path: { name } },
          body: body(settings),
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES_KEY }),
  });
}

/** Removes a schedule (DELETE /sync/schedules/{name}); its jobs stay. */
export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation<void, ApiProblem, string>({
    mutationFn: async (name) => {
      await call(api.DELETE('/api/v1/sync/schedules/{name}', { params: { path: { name } } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES_KEY }),
  });
}

/** Pauses (no runs until resumed) or resumes a schedule (POST .../pause, .../resume). */
export function usePauseSchedule() {
  const client = useQueryClient();
  return useMutation<Schedule, ApiProblem, { name: string; paused: boolean }>({
    mutationFn: ({ name, paused }) => {
      const options = { params: { path: { name } } };
      return call(
        paused
          ? api.POST('/api/v1/sync/schedules/{name}/pause', options)
          : api.POST('/api/v1/sync/schedules/{name}/resume', options),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES_KEY }),
  });
}

/**
 * Runs a schedule now, due or paused (POST .../run): answers once each peer's
 * job started. The jobs list has new jobs then, too.
 */
export function useRunSchedule() {
  const client = useQueryClient();
  return useMutation<ScheduleRun, ApiProblem, string>({
    mutationFn: (name) =>
      call(api.POST('/api/v1/sync/schedules/{name}/run', { params: { path: { name } } })),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: SCHEDULES_KEY }),
        client.invalidateQueries({ queryKey: ['sync', 'jobs'] }),
      ]);
    },
  });
}
