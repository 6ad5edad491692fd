// The one hook that follows a sync job live. The stream needs the bearer
// token, which EventSource cannot send, so it is read with fetch; leaving the
// page or switching to another job aborts that fetch, which closes the stream.
import { useEffect, useReducer, useState } from 'react';
import { ApiProblem, asApiProblem } from '@/api/problem';
import { readSse } from '@/lib/sse';
import { openJobEvents } from '../api/jobs';
import {
  CONNECTING,
  IDLE,
  applyJobEvent,
  decodeJobEvent,
  type JobEvent,
  type JobEventsState,
} from '../utils/job-events';

type Action =
  | { type: 'open' }
  | { type: 'event'; event: JobEvent }
  | { type: 'interrupted'; problem: ApiProblem };

interface Tracked {
  jobId: string | null;
  /** The stream the events came from; each effect run opens a new one. */
  stream: object | null;
  view: JobEventsState;
}

type StreamAction = Action & { jobId: string; stream: object };

function reduce(state: Tracked, action: StreamAction): Tracked {
  // Each stream starts from nothing: the server replays the phases and the
  // progress to a new reader, so a reconnect rebuilds the same picture.
  const view = state.stream === action.stream ? state.view : CONNECTING;
  const next = { jobId: action.jobId, stream: action.stream };
  switch (action.type) {
    case 'open':
      return { ...next, view };
    case 'event':
      return { ...next, view: applyJobEvent(view, action.event) };
    case 'interrupted':
      return { ...next, view: { ...view, status: 'interrupted', problem: action.problem } };
  }
}

async function follow(jobId: string, signal: AbortSignal, send: (action: Action) => void) {
  let ended = false;
  try {
    const body = await openJobEvents(jobId, signal);
    if (!body) throw new Error('the server sent no event stream');
    await readSse(body, (sse) => {
      const event = decodeJobEvent(sse);
      if (!event) return;
      if (event.type === 'completed' || event.type === 'failed') ended = true;
      send({ type: 'event', event });
    });
    if (!ended) {
      send({
        type: 'interrupted',
        problem: new ApiProblem({
          status: 0,
          code: 'stream-closed',
          title: 'Progress stream closed',
          detail: 'The progress stream closed before the job ended.',
        }),
      });
    }
  } catch (error) {
    if (!signal.aborted) send({ type: 'interrupted', problem: asApiProblem(error) });
  }
}

export interface JobEvents extends JobEventsState {
  /** Opens the stream again after it broke; the server replays where the job is. */
  reconnect: () => void;
}

/** Phase, progress, items and outcome of job `jobId`; idle while it is null. */
export function useJobEvents(jobId: string | null): JobEvents {
  const [state, dispatch] = useReducer(reduce, { jobId: null, stream: null, view: IDLE });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (jobId === null) return;
    const stream = {};
    const controller = new AbortController();
    const send = (action: Action) => {
      // Nothing from a stream the page has left may reach the state.
      if (!controller.signal.aborted) dispatch({ ...action, jobId, stream });
    };
    send({ type: 'open' });
    void follow(jobId, controller.signal, send);
    return () => controller.abort();
  }, [jobId, attempt]);

  // Until the effect has opened the stream of a new job, show that job connecting.
  const view = jobId === null ? IDLE : state.jobId === jobId ? state.view : CONNECTING;
  return { ...view, reconnect: () => setAttempt((n) => n + 1) };
}
