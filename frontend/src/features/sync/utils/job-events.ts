// The events of a sync job's stream, decoded and folded into what the page
// shows. Pure, so the hook that reads the stream stays small and this is
// tested without one.
import { ApiProblem } from '@/api/problem';
import type { SseEvent } from '@/lib/sse';
import type {
  ConstraintConflict,
  ItemStatusId,
  JobCompleted,
  JobProgress,
  KindId,
  PhaseId,
  SideProgress,
} from '../api/types';
import { KINDS } from './comparison';
import { constraintConflictsOf } from './constraints';
import { ITEM_STATUS, PHASE_LABELS } from './format-job';

export type { PhaseId } from '../api/types';

/** The phases in order, from the map the compiler holds to the contract's list. */
export const PHASES = Object.keys(PHASE_LABELS) as PhaseId[];

export interface JobItem {
  /** As selections name kinds: nodes, clusters, ssh_keys, configurations. */
  kind: KindId;
  key: string;
  status: ItemStatusId;
}

function isItemStatus(value: unknown): value is ItemStatusId {
  return typeof value === 'string' && Object.hasOwn(ITEM_STATUS, value);
}

function isKind(value: unknown): value is KindId {
  return KINDS.some((kind) => kind.id === value);
}

export type JobEvent =
  | { type: 'phase'; phase: PhaseId }
  | { type: 'progress'; progress: Required<JobProgress> }
  | { type: 'item'; item: JobItem }
  | { type: 'completed'; result: JobCompleted }
  | {
      type: 'failed';
      problem: ApiProblem;
      durationMs?: number;
      /** A job refused before it moved anything, for the inventory rules it would break. */
      constraintConflicts: ConstraintConflict[];
    };

export interface JobEventsState {
  /**
   * connecting until the first event; running; completed or failed as the job
   * ended; interrupted when the stream broke before the job's end.
   */
  status: 'idle' | 'connecting' | 'running' | 'completed' | 'failed' | 'interrupted';
  /** The phases so far, in order; the last is the current one. */
  phases: PhaseId[];
  progress: Required<JobProgress> | null;
  /** The latest items (the server sends a sample for big jobs). */
  items: JobItem[];
  itemCount: number;
  result: JobCompleted | null;
  /** Why the job failed (failed), or why the stream could not be read (interrupted). */
  problem: ApiProblem | null;
  /** The rules a refused job would have broken (problem code constraint-conflicts), with fixes. */
  constraintConflicts: ConstraintConflict[];
  durationMs: number | null;
}

/** How many item lines the page keeps: enough to watch, few enough to render. */
export const MAX_ITEMS = 50;

export const IDLE: JobEventsState = {
  status: 'idle',
  phases: [],
  progress: null,
  items: [],
  itemCount: 0,
  result: null,
  problem: null,
  constraintConflicts: [],
  durationMs: null,
};

export const CONNECTING: JobEventsState = { ...IDLE, status: 'connecting' };

/** The problem code of a job refused, before it moved anything, for constraint conflicts. */
export const CONSTRAINT_CONFLICTS = 'constraint-conflicts';

/** The problem code of a job whose server stopped while it ran (a restart or a crash). */
export const JOB_INTERRUPTED = 'job-interrupted';

/**
 * The problem code of a scheduled run under `apply: only_if_conflict_free` whose
 * compare found conflicts: it applied nothing and waits for an operator.
 */
export const JOB_NEEDS_ATTENTION = 'needs-attention';

/** The problem code of a job an operator cancelled (DELETE /sync/jobs/{id}): an end, not a fault. */
export const JOB_CANCELLED = 'job-cancelled';

/** The problem code of a job the server's watchdog stopped because it made no progress. */
export const JOB_STALLED = 'job-stalled';

/** Whether the job ended refused before it moved anything: the comparison still holds. */
export function isRefused(state: JobEventsState): boolean {
  return state.status === 'failed' && state.problem?.code === CONSTRAINT_CONFLICTS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A failed event's RFC 9457 problem, as the one error type the app shows. */
export function problemOf(value: unknown): ApiProblem {
  const body = isRecord(value) ? value : {};
  const detail =
    text(body.detail) ?? text(body.title) ?? 'The sync failed; the server gave no reason.';
  return new ApiProblem({
    status: count(body.status),
    code: text(body.code) ?? 'sync-failed',
    title: text(body.title) ?? 'Sync failed',
    detail,
  });
}

/** One direction's progress; zero when a server that predates directions leaves it out. */
function sideProgress(value: unknown): SideProgress {
  return isRecord(value)
    ? { done: count(value.done), total: count(value.total) }
    : { done: 0, total: 0 };
}

/** One SSE event as a job event; null for what we do not know or cannot read. */
export function decodeJobEvent(event: SseEvent): JobEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  switch (event.event) {
    case 'phase': {
      const phase = PHASES.find((known) => known === data.phase);
      return phase ? { type: 'phase', phase } : null;
    }
    case 'progress':
      return {
        type: 'progress',
        progress: {
          done: count(data.done),
          total: count(data.total),
          bytes: count(data.bytes),
          pushed: sideProgress(data.pushed),
          pulled: sideProgress(data.pulled),
        },
      };
    case 'item':
      // A kind or status this app does not know is not one to show in its words.
      return isItemStatus(data.status) && isKind(data.kind)
        ? { type: 'item', item: { kind: data.kind, key: String(data.key), status: data.status } }
        : null;
    case 'completed':
      // The server's completed event; its shape is the contract's Completed schema.
      return { type: 'completed', result: data as unknown as JobCompleted };
    case 'failed':
      return {
        type: 'failed',
        problem: problemOf(data.problem),
        durationMs: typeof data.duration_ms === 'number' ? data.duration_ms : undefined,
        constraintConflicts: constraintConflictsOf(data.constraint_conflicts),
      };
    default:
      return null;
  }
}

export function applyJobEvent(state: JobEventsState, event: JobEvent): JobEventsState {
  const running = { ...state, status: 'running' as const };
  switch (event.type) {
    case 'phase':
      // A late subscriber is sent the phases so far: never list one twice.
      return state.phases.includes(event.phase)
        ? running
        : { ...running, phases: [...state.phases, event.phase] };
    case 'progress':
      return { ...running, progress: event.progress };
    case 'item':
      return {
        ...running,
        items: [...state.items, event.item].slice(-MAX_ITEMS),
        itemCount: state.itemCount + 1,
      };
    case 'completed':
      return {
        ...state,
        status: 'completed',
        result: event.result,
        durationMs: event.result.duration_ms ?? null,
      };
    case 'failed':
      return {
        ...state,
        status: 'failed',
        problem: event.problem,
        constraintConflicts: event.constraintConflicts,
        durationMs: event.durationMs ?? null,
      };
  }
}
