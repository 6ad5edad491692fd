import { defineConfig } from 'vitest/config';

// Browser journeys against real servers: slow to start (an embedded
// PostgreSQL per server), so long timeouts and one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    retry: 0,
  },
});
