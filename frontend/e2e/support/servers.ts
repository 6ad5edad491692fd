// Real backend servers for the browser tests: the built jar, each in a fresh
// temporary directory where it starts its own embedded PostgreSQL (no
// DATABASE_URL), serving the built app from frontend/dist.
//
//   const [a, b] = await startServers('A', 'B');
//   ...
//   await stopServers(a, b);
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKEND_JAR, DIST } from './paths';

/** Servers that are to sync share this secret unless a test says otherwise. */
export const SYNC_PASSWORD = 'e2e-sync-secret';
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-secret';

const STARTUP_TIMEOUT_MS = 150_000;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 200_000;

export interface TestServer {
  /** The test's name for it, e.g. "A". */
  label: string;
  /** Its SERVER_NAME, unique per run. */
  name: string;
  url: string;
  /** Calls the API as the operator (logs in once) and returns the parsed body. */
  request: (method: string, path: string, body?: unknown) => Promise<unknown>;
  /** What the server printed; the end of it explains a failure. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  syncPassword?: string;
}

/** Starts the servers in parallel; if one cannot start, the others are stopped again. */
export async function startServers(...labels: string[]): Promise<TestServer[]> {
  const started = await Promise.allSettled(labels.map((label) => startServer(label)));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopServers(
      ...started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    );
    throw failed.reason;
  }
  return started.map((result) => (result as PromiseFulfilledResult<TestServer>).value);
}

export async function stopServers(...servers: (TestServer | undefined)[]): Promise<void> {
  await Promise.all(servers.map((server) => (server ? server.stop() : Promise.resolve())));
}

export async function startServer(label: string, options: ServerOptions = {}): Promise<TestServer> {
  const workDir = await mkdtemp(join(tmpdir(), `live-sync-e2e-${label}-`));
  const port = await freePort();
  const name = `e2e-${label.toLowerCase()}-${process.pid}-${port}`;
  const url = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Settings from the developer's shell must not leak in: no shared database,
  // no key file or remote from elsewhere.
  for (const key of ['DATABASE_URL', 'MASTER_KEY_FILE', 'SYNC_REMOTE_URL', 'ADMIN_USERNAME']) {
    delete env[key];
  }
  Object.assign(env, {
    ADMIN_USERNAME,
    ADMIN_PASSWORD,
    SERVER_PORT: String(port),
    SERVER_NAME: name,
    SYNC_PASSWORD: options.syncPassword ?? SYNC_PASSWORD,
    WEB_ROOT: DIST,
  });

  const child = spawn('java', ['-jar', BACKEND_JAR], {
    cwd: workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      // Said in the output, so that a test failing against a dead server says why.
      if (!stopping)
        collect(Buffer.from(`\n[e2e] the server exited (code ${code}, signal ${signal})\n`));
      resolve(code);
    }),
  );

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    stopped ??= stopProcess(child, exited).finally(() =>
      rm(workDir, { recursive: true, force: true, maxRetries: 3 }),
    );
    return stopped;
  };

  try {
    await waitUntilHealthy(url, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  let token: string | undefined;
  const request = async (method: string, path: string, body?: unknown) => {
    token ??= await login(url);
    const response = await fetch(url + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  return { label, name, url, request, output: () => output, stop };
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(
  url: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`the server exited with ${exitCode} while starting:\n${tail(output())}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `the server at ${url} was not healthy after ${STARTUP_TIMEOUT_MS} ms:\n${tail(output())}`,
  );
}

/** SIGTERM, so the server shuts its embedded PostgreSQL down; SIGKILL only if it hangs. */
async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref(),
  );
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export function tail(text: string, lines = 60): string {
  return text.split('\n').slice(-lines).join('\n');
}
