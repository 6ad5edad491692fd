// Sync jobs and inventory reads through a server's API, for the journeys'
// setup and their checks: what the page did is read back from both servers.
import { expect } from 'vitest';
import type { TestServer } from './servers';

interface JobView {
  status: string;
}

/**
 * A push of the named nodes from `from` to `to`, waited for until it completed:
 * the two servers' common past (their base) for what a journey changes next.
 * Returns the job's id, which `to` records in its history.
 */
export async function pushNodes(
  from: TestServer,
  to: TestServer,
  hostnames: string[],
): Promise<string> {
  const session = (await from.request('POST', '/api/v1/sync/sessions', {
    remote_url: to.url,
  })) as { session_id: string };
  const job = (await from.request('POST', '/api/v1/sync/jobs', {
    session_id: session.session_id,
    selection: { nodes: hostnames },
  })) as { job_id: string };
  for (let i = 0; i < 120; i++) {
    const view = (await from.request('GET', `/api/v1/sync/jobs/${job.job_id}`)) as JobView;
    if (view.status !== 'running') {
      expect(view.status).toBe('completed');
      return job.job_id;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the push did not end');
}

/** A node as the server has it, or null when it has none by that name. */
export async function nodeOn<T = Record<string, unknown>>(
  server: TestServer,
  hostname: string,
): Promise<T | null> {
  try {
    return (await server.request('GET', `/api/v1/nodes/${hostname}`)) as T;
  } catch (error) {
    if (String(error).includes('answered 404')) return null;
    throw error;
  }
}
