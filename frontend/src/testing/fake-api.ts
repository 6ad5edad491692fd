// A stand-in for the backend at the fetch level: tests declare the answers
// they need, and read back what the app sent.
import { vi } from 'vitest';

export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** Aborted when the app gives up on the request (a stream it closes). */
  signal: AbortSignal;
}

/** An answer may wait (a promise), so that a test sees the app while a call is on its way. */
type Answer = (
  request: SentRequest,
  params: Record<string, string>,
) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  answer: Answer;
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A list answered as an array, with how many match in X-Total-Count (GET /sync/jobs). */
export function countedJson(items: unknown[], total = items.length): Response {
  return json(200, items, { 'X-Total-Count': String(total) });
}

export function problem(
  status: number,
  fields: { code: string; detail: string; title?: string; errors?: unknown[] },
): Response {
  return new Response(
    JSON.stringify({
      type: `urn:live-sync:problem:${fields.code}`,
      title: fields.title ?? 'Problem',
      status,
      ...fields,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

export function validationProblem(errors: { field: string; message: string }[]): Response {
  return problem(400, {
    code: 'validation',
    title: 'Invalid request',
    detail: errors.length === 1 ? `${errors[0]?.field}: ${errors[0]?.message}` : 'invalid',
    errors,
  });
}

/** Installs a fake backend as the global fetch, answering the open server-info call. */
export function fakeApi() {
  const routes: Route[] = [];
  const sent: SentRequest[] = [];

  const fetch = vi.fn(async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const text = await input.clone().text();
    const request: SentRequest = {
      method: input.method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: input.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      signal: input.signal,
    };
    sent.push(request);
    // Later declarations win, so a test can override a default answer.
    for (const route of [...routes].reverse()) {
      const match = route.method === request.method ? route.pattern.exec(url.pathname) : null;
      if (match) {
        const params = Object.fromEntries(
          route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
        );
        return route.answer(request, params);
      }
    }
    return problem(404, {
      code: 'not-found',
      detail: `no fake for ${request.method} ${url.pathname}`,
    });
  });
  vi.stubGlobal('fetch', fetch);

  const api = {
    sent,
    /** `path` may hold `{name}` segments, e.g. `/api/v1/nodes/{key}`. */
    on(method: string, path: string, answer: Answer | Response) {
      const names: string[] = [];
      const source = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const respond: Answer = typeof answer === 'function' ? answer : () => answer.clone();
      routes.push({ method, pattern: new RegExp(`^${source}$`), names, answer: respond });
      return api;
    },
    /** The requests sent with this method to this exact path. */
    sentTo(method: string, path: string): SentRequest[] {
      return sent.filter((request) => request.method === method && request.path === path);
    },
  };
  api.on('GET', '/api/v1/sync/test', () =>
    json(200, { success: true, server_name: 'test-server', server_id: 'id-1', version: '1.0.0' }),
  );
  return api;
}

export type FakeApi = ReturnType<typeof fakeApi>;
