import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { PostgresSkipReporter } from './src/test/postgres-skip-reporter.js';

// graphql 16 has no `exports` map, so vite could load its ESM build for our code and its CJS build
// for type-graphql: two copies, and "Cannot use GraphQLSchema from another module or realm".
// One path for every importer keeps one copy.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    include: ['src/**/*.test.ts'],
    // With DATABASE_URL set, a skipped test fails the run (src/test/postgres-skip-reporter.ts).
    reporters: ['default', new PostgresSkipReporter()],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
