// The one place that talks HTTP to the backend. Features call `call(api.GET(...))`
// and get either the typed body or a thrown ApiProblem.
import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '@/lib/session';
import type { paths } from './generated/schema';
import { networkProblem, problemFromResponse } from './problem';

const LOGIN_PATH = '/api/v1/auth/login';

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, schemaPath }) {
    // A 401 anywhere but the login itself means the token expired or the
    // server restarted: drop it, and the protected routes send the user to
    // the login page. A failed login is just a wrong password.
    if (response.status === 401 && schemaPath !== LOGIN_PATH) session.end('expired');
  },
};

export interface ApiClientOptions {
  /** Defaults to this page's origin: the backend serves the app and the API together. */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    // Looked up per call, so tests can stub the global fetch at any time.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });
  client.use(authMiddleware);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data on success, else throws an ApiProblem. */
export async function call<T>(pending: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await pending;
  } catch (cause) {
    throw networkProblem(cause);
  }
  if (!result.response.ok) throw problemFromResponse(result.response, result.error);
  return result.data as T;
}

/** A list as the API pages it: one page's items, and how many match in all. */
export interface Counted<T> {
  items: T[];
  total: number;
}

/**
 * As `call`, for a list that answers with an array and says in the
 * X-Total-Count header how many match; without the header, the items are all.
 */
export async function callCounted<T>(pending: Promise<ClientResult<T[]>>): Promise<Counted<T>> {
  const items = await call(pending);
  const { response } = await pending;
  const total = Number.parseInt(response.headers.get('X-Total-Count') ?? '', 10);
  return { items, total: Number.isNaN(total) ? items.length : total };
}
