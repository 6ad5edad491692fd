import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from './sse';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  chunks.forEach((chunk) => parser.push(chunk));
  return events;
}

/** Every way of cutting `text` in two. */
function splitsOf(text: string): [string, string][] {
  return Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);
}

// As the backend writes it: no space after the colon.
const STREAM =
  'event:phase\ndata:{"phase":"connecting"}\n\n' +
  ':keep-alive\n\n' +
  'event:progress\ndata:{"done":1,"total":2,"bytes":300}\n\n';

const EXPECTED: SseEvent[] = [
  { event: 'phase', data: '{"phase":"connecting"}' },
  { event: 'progress', data: '{"done":1,"total":2,"bytes":300}' },
];

describe('SSE parser', () => {
  it('reads named events and skips comments', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events wherever a chunk ends, inside a line or between events', () => {
    for (const [first, second] of splitsOf(STREAM)) {
      expect(parse([first, second])).toEqual(EXPECTED);
    }
  });

  it('copes with one character at a time', () => {
    expect(parse([...STREAM])).toEqual(EXPECTED);
  });

  it('joins several data lines with a line feed', () => {
    expect(parse(['data: first\ndata:second\ndata\n\n'])).toEqual([
      { event: 'message', data: 'first\nsecond\n' },
    ]);
  });

  it('strips one space after the colon, not more', () => {
    expect(parse(['event: item\ndata:  two spaces\n\n'])).toEqual([
      { event: 'item', data: ' two spaces' },
    ]);
  });

  it('accepts CRLF and CR line endings, also when CR and LF arrive apart', () => {
    const crlf = 'event:phase\r\ndata:x\r\n\r\n';
    for (const [first, second] of splitsOf(crlf)) {
      expect(parse([first, second])).toEqual([{ event: 'phase', data: 'x' }]);
    }
    expect(parse(['event:phase\rdata:y\r\r'])).toEqual([{ event: 'phase', data: 'y' }]);
  });

  it('ignores a comment in the middle of an event, and an event without data', () => {
    expect(parse(['event:phase\n:keep-alive\ndata:z\n\nevent:empty\n\n'])).toEqual([
      { event: 'phase', data: 'z' },
    ]);
  });

  it('keeps the last event id', () => {
    expect(parse(['id: 7\ndata:a\n\ndata:b\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
    ]);
  });

  it('drops an event the stream ends in the middle of', () => {
    expect(parse(['data:complete\n\ndata:cut off'])).toEqual([
      { event: 'message', data: 'complete' },
    ]);
  });
});

describe('readSse', () => {
  it('decodes a character whose bytes arrive in two chunks', async () => {
    const bytes = new TextEncoder().encode('data:ip → 10.0.0.2\n\n');
    const arrow = bytes.indexOf(0xe2);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, arrow + 1));
        controller.enqueue(bytes.slice(arrow + 1));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(body, (event) => events.push(event));
    expect(events).toEqual([{ event: 'message', data: 'ip → 10.0.0.2' }]);
  });
});
