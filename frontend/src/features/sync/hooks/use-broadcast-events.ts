// Follows a broadcast live: reads its event stream with the shared SSE reader
// (readSse), as useJobEvents reads a job's, and folds the events into one row
// per peer. Leaving the page aborts the fetch, which closes the stream.
import { useEffect, useReducer } from 'react';
import { ApiProblem, asApiProblem } from '@/api/problem';
import { readSse } from '@/lib/sse';
import { openBroadcastEvents } from '../api/broadcasts';
import type { Broadcast } from '../api/types';
import {
  applyBroadcastEvent,
  decodeBroadcastEvent,
  initialBroadcastState,
  type BroadcastEvent,
  type BroadcastEventsState,
} from '../utils/broadcast-events';

type Action =
  | { type: 'open'; broadcast: Broadcast }
  | { type: 'event'; event: BroadcastEvent }
  | { type: 'interrupted'; problem: ApiProblem };

function reduce(state: BroadcastEventsState, action: Action): BroadcastEventsState {
  switch (action.type) {
    case 'open':
      // The stream replays each peer's state to a new reader: start from the GET.
      return { ...initialBroadcastState(action.broadcast), stream: 'connecting' };
    case 'event':
      return applyBroadcastEvent(state, action.event);
    case 'interrupted':
      return { ...state, stream: 'interrupted', problem: action.problem };
  }
}

async function follow(id: string, signal: AbortSignal, send: (action: Action) => void) {
  let ended = false;
  try {
    const body = await openBroadcastEvents(id, signal);
    if (!body) throw new Error('the server sent no event stream');
    await readSse(body, (sse) => {
      const event = decodeBroadcastEvent(sse);
      if (!event) return;
      if (event.type === 'finished') ended = true;
      send({ type: 'event', event });
    });
    if (!ended) {
      send({
        type: 'interrupted',
        problem: new ApiProblem({
          status: 0,
          code: 'stream-closed',
          title: 'Progress stream closed',
          detail: 'The progress stream closed before the broadcast ended.',
        }),
      });
    }
  } catch (error) {
    if (!signal.aborted) send({ type: 'interrupted', problem: asApiProblem(error) });
  }
}

/** Each peer's row of broadcast `broadcast`, live; idle until it is loaded. */
export function useBroadcastEvents(broadcast: Broadcast | undefined): BroadcastEventsState {
  const [state, dispatch] = useReducer(reduce, undefined, () => initialBroadcastState(undefined));
  const id = broadcast?.broadcast_id ?? null;

  useEffect(() => {
    if (!broadcast) return;
    const controller = new AbortController();
    const send = (action: Action) => {
      if (!controller.signal.aborted) dispatch(action);
    };
    send({ type: 'open', broadcast });
    void follow(broadcast.broadcast_id, controller.signal, send);
    return () => controller.abort();
    // One stream per broadcast: a refetch of the same one must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  return broadcast ? state : initialBroadcastState(undefined);
}
