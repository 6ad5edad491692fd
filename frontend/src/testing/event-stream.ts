// A text/event-stream response the test writes into piece by piece, behaving
// as fetch does when the request is aborted: the body fails with AbortError.

export interface EventStream {
  response: Response;
  /** Sends raw text, cut wherever the test likes. */
  write: (text: string) => void;
  /** Sends one complete event. */
  event: (name: string, data: unknown) => void;
  close: () => void;
}

export function eventStream(signal?: AbortSignal): EventStream {
  const encoder = new TextEncoder();
  let sink!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      sink = controller;
    },
  });
  signal?.addEventListener('abort', () => {
    if (!open) return;
    open = false;
    sink.error(new DOMException('The operation was aborted.', 'AbortError'));
  });
  const write = (text: string) => {
    if (open) sink.enqueue(encoder.encode(text));
  };
  return {
    response: new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream' },
    }),
    write,
    event: (name, data) => write(`event:${name}\ndata:${JSON.stringify(data)}\n\n`),
    close: () => {
      if (!open) return;
      open = false;
      sink.close();
    },
  };
}
