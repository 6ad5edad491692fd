// The events of a broadcast's stream, decoded and folded into one row per
// peer. Pure, like job-events, so the hook that reads the stream stays small.
import { ApiProblem } from '@/api/problem';
import type { SseEvent } from '@/lib/sse';
import type {
  Broadcast,
  BroadcastPeerResult,
  BroadcastPeerStatus,
  JobCompleted,
} from '../api/types';
import { problemOf } from './job-events';

export interface BroadcastPeerRow {
  peer: string;
  status: BroadcastPeerStatus;
  jobId: string | null;
  done: number;
  total: number;
  bytes: number;
  result: JobCompleted | null;
  problem: ApiProblem | null;
}

export type BroadcastEvent =
  | { type: 'peer'; peer: BroadcastPeerResult }
  | { type: 'progress'; peer: string; done: number; total: number; bytes: number }
  | { type: 'finished'; completed: number; failed: number; peers: BroadcastPeerResult[] };

export interface BroadcastEventsState {
  /** connecting until the first event; interrupted when the stream broke before finished. */
  stream: 'idle' | 'connecting' | 'open' | 'finished' | 'interrupted';
  /** In the order the broadcast named them. */
  rows: BroadcastPeerRow[];
  finished: { completed: number; failed: number } | null;
  /** Why the stream could not be read (interrupted). */
  problem: ApiProblem | null;
}

export const PEER_STATUS_TEXT: Record<BroadcastPeerStatus, string> = {
  pending: 'pending',
  connecting: 'connecting',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
};

const STATUSES = Object.keys(PEER_STATUS_TEXT) as BroadcastPeerStatus[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function peerResultOf(value: unknown): BroadcastPeerResult | null {
  if (!isRecord(value) || typeof value.peer !== 'string') return null;
  const status = STATUSES.find((known) => known === value.status);
  if (!status) return null;
  return {
    peer: value.peer,
    status,
    job_id: typeof value.job_id === 'string' ? value.job_id : null,
    result: isRecord(value.result) ? value.result : null,
    problem: isRecord(value.problem) ? value.problem : null,
  };
}

/** A peer's state as its row shows it, keeping the progress counted so far. */
function rowOf(result: BroadcastPeerResult, before?: BroadcastPeerRow): BroadcastPeerRow {
  const completed = result.status === 'completed' && result.result ? result.result : null;
  return {
    peer: result.peer,
    status: result.status,
    jobId: result.job_id ?? before?.jobId ?? null,
    done: before?.done ?? 0,
    total: before?.total ?? 0,
    bytes: before?.bytes ?? 0,
    result: completed as unknown as JobCompleted | null,
    problem: result.status === 'failed' ? problemOf(result.problem) : null,
  };
}

/** The rows a broadcast starts from: its peers as GET /sync/broadcasts/{id} gave them. */
export function initialBroadcastState(broadcast: Broadcast | undefined): BroadcastEventsState {
  return {
    stream: 'idle',
    rows: (broadcast?.peers ?? []).map((peer) => rowOf(peer)),
    finished: null,
    problem: null,
  };
}

/** One SSE event as a broadcast event; null for what we do not know or cannot read. */
export function decodeBroadcastEvent(event: SseEvent): BroadcastEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  switch (event.event) {
    case 'peer': {
      const peer = peerResultOf(data.peer);
      return peer ? { type: 'peer', peer } : null;
    }
    case 'progress':
      return typeof data.peer === 'string'
        ? {
            type: 'progress',
            peer: data.peer,
            done: count(data.done),
            total: count(data.total),
            bytes: count(data.bytes),
          }
        : null;
    case 'finished':
      return {
        type: 'finished',
        completed: count(data.completed),
        failed: count(data.failed),
        peers: Array.isArray(data.peers)
          ? data.peers.flatMap((peer) => peerResultOf(peer) ?? [])
          : [],
      };
    default:
      return null;
  }
}

function upsert(
  rows: BroadcastPeerRow[],
  peer: string,
  change: (before: BroadcastPeerRow | undefined) => BroadcastPeerRow,
): BroadcastPeerRow[] {
  const index = rows.findIndex((row) => row.peer === peer);
  if (index === -1) return [...rows, change(undefined)];
  return rows.map((row, at) => (at === index ? change(row) : row));
}

export function applyBroadcastEvent(
  state: BroadcastEventsState,
  event: BroadcastEvent,
): BroadcastEventsState {
  switch (event.type) {
    case 'peer':
      return {
        ...state,
        stream: 'open',
        rows: upsert(state.rows, event.peer.peer, (before) => rowOf(event.peer, before)),
      };
    case 'progress':
      return {
        ...state,
        stream: 'open',
        rows: upsert(state.rows, event.peer, (before) => ({
          ...(before ??
            rowOf({
              peer: event.peer,
              status: 'running',
              job_id: null,
              result: null,
              problem: null,
            })),
          done: event.done,
          total: event.total,
          bytes: event.bytes,
        })),
      };
    case 'finished': {
      let rows = state.rows;
      for (const peer of event.peers)
        rows = upsert(rows, peer.peer, (before) => rowOf(peer, before));
      return {
        ...state,
        stream: 'finished',
        rows,
        finished: { completed: event.completed, failed: event.failed },
      };
    }
  }
}
