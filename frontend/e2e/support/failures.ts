// What a failed journey leaves behind to explain itself: a screenshot of the
// page (e2e/screenshots/<name>-failure.png) and the end of each server's log.
import type { Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import type { TestBrowser } from './browser';
import { tail, type TestServer } from './servers';

export interface FailureContext {
  /** The journey's browser; none for a journey without one. */
  browser?: TestBrowser;
  /** The page to shoot; the browser's own by default. */
  page?: Page;
  servers: (TestServer | undefined)[];
}

/**
 * For every test of the file: on failure, the screenshot and the servers'
 * log tails. `context` is read at the failure, as the browser and servers
 * are started in the file's beforeAll, after this is called.
 *
 *   explainFailures('sync', () => ({ browser, servers: [a, b] }));
 */
export function explainFailures(name: string, context: () => FailureContext): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      const { browser, page, servers } = context();
      await browser?.screenshot(`${name}-failure`, page).catch(() => undefined);
      for (const server of servers) {
        if (server)
          console.error(`server ${server.label} ${server.name}:\n${tail(server.output())}`);
      }
    });
  });
}
