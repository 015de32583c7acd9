// The console's browser checks: real headless Chromium against the real server (see stack.mjs).
// One file at a time: they share one API and its data, and the machine's two cores.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.mjs'],
    globalSetup: ['e2e/global-setup.mjs'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 300_000,
  },
});
