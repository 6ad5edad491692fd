import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/session';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, problem, type FakeApi } from '@/testing/fake-api';
import { completedEvent } from '@/testing/sync-factories';
import { useJobEvents } from './use-job-events';

const EVENTS = '/api/v1/sync/jobs/{id}/events';

let api: FakeApi;
let streams: EventStream[];

beforeEach(() => {
  session.start('operator-token', 3600);
  streams = [];
  api = fakeApi().on('GET', EVENTS, (request) => {
    const stream = eventStream(request.signal);
    streams.push(stream);
    return stream.response;
  });
});

function sentToEvents(jobId: string) {
  return api.sentTo('GET', `/api/v1/sync/jobs/${jobId}/events`);
}

async function streamOpened(count = 1): Promise<EventStream> {
  await waitFor(() => expect(streams).toHaveLength(count));
  return streams[count - 1] as EventStream;
}

describe('useJobEvents', () => {
  it('stays idle without a job', () => {
    const { result } = renderHook(() => useJobEvents(null));
    expect(result.current.status).toBe('idle');
    expect(api.sent.filter((request) => request.path.includes('/events'))).toHaveLength(0);
  });

  it('sends the bearer token and follows the job to its end, whatever the chunks', async () => {
    const { result } = renderHook(() => useJobEvents('job-1'));
    expect(result.current.status).toBe('connecting');
    const stream = await streamOpened();
    const [request] = sentToEvents('job-1');
    expect(request?.headers.get('Authorization')).toBe('Bearer operator-token');
    expect(request?.headers.get('Accept')).toBe('text/event-stream');

    // Cut inside a field name, inside the JSON, and between the two line feeds.
    stream.write('event:pha');
    stream.write('se\ndata:{"phase":"connecting"}\n');
    stream.write('\nevent:phase\ndata:{"phase":"fet');
    stream.write('ching"}\n\n:keep-alive\n\n');
    await waitFor(() => expect(result.current.phases).toEqual(['connecting', 'fetching']));
    expect(result.current.status).toBe('running');

    stream.event('progress', { done: 1, total: 2, bytes: 512 });
    stream.event('item', { kind: 'nodes', key: 'node-01', status: 'sent' });
    await waitFor(() => expect(result.current.itemCount).toBe(1));
    expect(result.current.progress).toMatchObject({ done: 1, total: 2, bytes: 512 });
    expect(result.current.items).toEqual([{ kind: 'nodes', key: 'node-01', status: 'sent' }]);

    stream.event('completed', completedEvent({ verified: true }));
    stream.close();
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.result?.verified).toBe(true);
    expect(result.current.problem).toBeNull();
  });

  it('reports a failed job with its problem in words', async () => {
    const { result } = renderHook(() => useJobEvents('job-1'));
    const stream = await streamOpened();
    stream.event('phase', { phase: 'connecting' });
    stream.event('failed', {
      problem: {
        status: 502,
        code: 'remote-unreachable',
        title: 'Remote unreachable',
        detail: 'http://b:5000 refused the connection',
      },
      duration_ms: 40,
    });
    stream.close();
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.problem?.detail).toBe('http://b:5000 refused the connection');
    expect(result.current.problem?.code).toBe('remote-unreachable');
    expect(result.current.durationMs).toBe(40);
  });

  it('aborts the fetch when the component unmounts', async () => {
    const { unmount } = renderHook(() => useJobEvents('job-1'));
    await streamOpened();
    const [request] = sentToEvents('job-1');
    expect(request?.signal.aborted).toBe(false);
    unmount();
    expect(request?.signal.aborted).toBe(true);
  });

  it('closes the old stream and starts afresh when the job changes', async () => {
    const { result, rerender } = renderHook(({ jobId }) => useJobEvents(jobId), {
      initialProps: { jobId: 'job-1' },
    });
    const first = await streamOpened();
    first.event('phase', { phase: 'connecting' });
    await waitFor(() => expect(result.current.phases).toEqual(['connecting']));

    rerender({ jobId: 'job-2' });
    expect(result.current.status).toBe('connecting');
    expect(result.current.phases).toEqual([]);
    expect(sentToEvents('job-1')[0]?.signal.aborted).toBe(true);
    await streamOpened(2);
    expect(sentToEvents('job-2')[0]?.signal.aborted).toBe(false);
  });

  it('says when the stream breaks before the end, and reconnects to the replay', async () => {
    const { result } = renderHook(() => useJobEvents('job-1'));
    const first = await streamOpened();
    first.event('phase', { phase: 'connecting' });
    first.event('phase', { phase: 'fetching' });
    first.close();
    await waitFor(() => expect(result.current.status).toBe('interrupted'));
    expect(result.current.problem?.detail).toMatch(/closed before the job ended/);

    act(() => result.current.reconnect());
    const second = await streamOpened(2);
    // A new reader gets the phases so far again: they are not listed twice.
    second.event('phase', { phase: 'connecting' });
    second.event('phase', { phase: 'fetching' });
    second.event('phase', { phase: 'comparing' });
    await waitFor(() =>
      expect(result.current.phases).toEqual(['connecting', 'fetching', 'comparing']),
    );
    expect(result.current.problem).toBeNull();
  });

  it('shows why the stream could not be opened', async () => {
    api.on(
      'GET',
      EVENTS,
      problem(404, { code: 'not-found', detail: "sync job 'job-9' does not exist" }),
    );
    const { result } = renderHook(() => useJobEvents('job-9'));
    await waitFor(() => expect(result.current.status).toBe('interrupted'));
    expect(result.current.problem?.detail).toBe("sync job 'job-9' does not exist");
  });
});
