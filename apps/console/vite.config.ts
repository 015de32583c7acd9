import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './precompress';

// In development Vite serves the console and hands /graphql (HTTP and the graphql-ws socket) to
// the API, so the console and the API share one origin and the refresh cookie just works.
const api = process.env.REDRESS_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, changeOrigin: true, ws: true },
      // The measures' CSV exports, the annual report and attachments are plain HTTP routes.
      '/exports': { target: api, changeOrigin: true },
      '/reports': { target: api, changeOrigin: true },
      '/attachments': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Each resource's pages are lazy imports (see the folders' index files), so every route is
    // its own chunk and the first paint loads only the shell.
    chunkSizeWarningLimit: 1500,
    // Two pages: the console, and the GraphQL explorer the API serves at GET /graphql for
    // browsers (apps/api/src/static/console-files.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        explorer: fileURLToPath(new URL('explorer.html', import.meta.url)),
      },
    },
  },
  resolve: {
    // graphql 16 has no exports map: keep one copy so `validate` and the schema share a realm.
    alias: { graphql: createRequire(import.meta.url).resolve('graphql') },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20_000,
  },
});
