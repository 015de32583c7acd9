// End-to-end check of the README's start command: `pnpm start` on a fresh embedded database must
// come up healthy with demo data and take a complaint through the GraphQL API. Exits non-zero,
// with the reason, when it does not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.SMOKE_PORT ?? 4010);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'redress-smoke-'));
const startedAt = Date.now();

const server = spawn('pnpm', ['start'], {
  env: { ...process.env, PORT: String(port), REDRESS_DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
server.stdout.on('data', (chunk) => (output += chunk));
server.stderr.on('data', (chunk) => (output += chunk));

function stop() {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true });
}

function fail(message) {
  console.error(`smoke: FAILED: ${message}\n--- server output ---\n${output.slice(-4000)}`);
  stop();
  process.exit(1);
}

async function graphql(query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor': 'smoke-check' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) fail(`${query.trim().split('\n')[0]} answered ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`pnpm start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`/health did not answer 200 within ${timeoutMs / 1000} s`);
}

await waitForHealth(180_000);
const ready = ((Date.now() - startedAt) / 1000).toFixed(1);

const { complaints } = await graphql(`
  query {
    complaints(first: 5) {
      totalCount
      nodes {
        reference
        status
      }
    }
  }
`);
if (complaints.totalCount < 100)
  fail(`expected demo data, found ${complaints.totalCount} complaints`);

const { logComplaint } = await graphql(
  `
    mutation Log($input: LogComplaintInput!) {
      logComplaint(input: $input) {
        id
        reference
        status
        deadlines {
          kind
          dueOn
          state
        }
      }
    }
  `,
  {
    input: {
      receivedAt: new Date().toISOString(),
      channel: 'EMAIL',
      complainant: { name: 'Smoke Check', type: 'TENANT' },
      summary: 'The smoke check logs a complaint.',
      category: 'repairs',
      tenure: 'LCRA',
    },
  },
);
if (logComplaint.status !== 'RECEIVED' || logComplaint.deadlines.length === 0) {
  fail(`logComplaint returned ${JSON.stringify(logComplaint)}`);
}

console.log(
  `smoke: pnpm start healthy in ${ready} s with ${complaints.totalCount} demo complaints; logged ${logComplaint.reference}`,
);
stop();
process.exit(0);
