// A plain HTTP proxy in front of a server that passes every request on but
// holds the ones a test names, never answering them: a sync job waiting on
// such a request runs until someone stops it.
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** Resolves once a request to hold came in. */
  held: Promise<void>;
  close: () => Promise<void>;
}

/** `hold` is a method and a path prefix, e.g. `POST /api/v1/sync/receive/stream`. */
export async function holdingProxy(target: string, hold: string): Promise<HoldingProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let sawHeld!: () => void;
  const held = new Promise<void>((resolve) => {
    sawHeld = resolve;
  });
  const matches = (request: IncomingMessage) =>
    `${request.method} ${request.url ?? ''}`.startsWith(hold);

  const server = createServer((request, response) => {
    if (matches(request)) {
      sawHeld();
      return;
    }
    const onward = forward(
      {
        host: to.hostname,
        port: to.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    onward.on('error', () => response.destroy());
    request.pipe(onward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
