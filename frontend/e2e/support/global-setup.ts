// Vitest global setup for the browser tests: check the prerequisites, then
// build the app the servers will serve, so the tests never run a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM } from './browser';
import { BACKEND_JAR, FRONTEND, SCREENSHOTS } from './paths';

export default function globalSetup() {
  const missing: string[] = [];
  if (!existsSync(BACKEND_JAR)) {
    missing.push(
      `the backend jar ${BACKEND_JAR}: build it from the repository root with\n` +
        '    mvn -q -B -DskipTests package',
    );
  }
  if (!existsSync(CHROMIUM)) {
    missing.push(
      `a Chromium at ${CHROMIUM}: install it with\n    apt-get install -y chromium\n` +
        '  or point CHROMIUM_PATH at one',
    );
  }
  if (missing.length > 0) {
    throw new Error(`The browser tests need:\n  - ${missing.join('\n  - ')}`);
  }
  // Screenshots of this run only, none left over from an earlier one.
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  // The typescript-fetch client generated-clients.e2e.ts drives (a no-op when current).
  const client = spawnSync(
    process.execPath,
    [resolve(FRONTEND, 'scripts/generate-fetch-client.mjs')],
    {
      cwd: FRONTEND,
      stdio: 'inherit',
    },
  );
  if (client.status !== 0)
    throw new Error(`generating the typescript-fetch client failed (exit ${client.status})`);
  // A separate process: Vitest sets NODE_ENV=test, which would give a
  // development build of React.
  const vite = resolve(FRONTEND, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: FRONTEND,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status})`);
}
