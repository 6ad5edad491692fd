// A reader for text/event-stream bodies. EventSource would do this for us, but
// it cannot send an Authorization header, so streams the API protects are read
// with fetch and parsed here, following the WHATWG rules that matter to us:
// lines end in LF, CRLF or CR; a blank line ends an event; lines starting with
// ':' are comments; several data lines join with LF; an unfinished event at the
// end of the stream is dropped.

export interface SseEvent {
  /** The `event:` field; "message" when the server gave none. */
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feeds decoded text; it may stop anywhere, even inside a line. */
  push: (text: string) => void;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  // A chunk that ends in CR may be followed by the LF of the same line ending.
  let skipLeadingLf = false;
  let eventName = '';
  let data: string[] = [];
  let id: string | undefined;

  function dispatch() {
    if (data.length > 0) {
      onEvent({ event: eventName || 'message', data: data.join('\n'), ...(id ? { id } : {}) });
    }
    eventName = '';
    data = [];
  }

  function line(text: string) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` and unknown fields are ignored: we do not reconnect on our own.
  }

  return {
    push(text) {
      if (text === '') return;
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
      skipLeadingLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, i));
        if (char === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

/**
 * Reads a byte stream as server-sent events until it ends. Cancel it through
 * the signal of the fetch that opened it.
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const parser = createSseParser(onEvent);
  // Streaming mode keeps a multi-byte character split across chunks intact.
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}
