// End-to-end check of the README's start command: `pnpm start` on a fresh embedded database must
// come up healthy with demo data, refuse an anonymous caller, let the first admin sign in and take
// a complaint through the GraphQL API, and print a demo partner key that sees only its own
// complaints; on the same port, `/` must be the console's page with its assets and a browser's
// GET of `/graphql` the explorer, loading nothing from elsewhere. Exits non-zero, with the reason,
// when it does not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.SMOKE_PORT ?? 4010);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'redress-smoke-'));
const startedAt = Date.now();
const admin = {
  email: 'smoke.admin@redress.localhost',
  password: 'a smoke check password, long enough',
};

const server = spawn('pnpm', ['start'], {
  env: {
    ...process.env,
    PORT: String(port),
    REDRESS_DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDRESS_ADMIN_EMAIL: admin.email,
    REDRESS_ADMIN_PASSWORD: admin.password,
  },
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

async function post(query, variables, authorization) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

let authorization;
async function graphql(query, variables, as = authorization) {
  const { body } = await post(query, variables, as);
  if (body.errors) fail(`${query.trim().split('\n')[0]} answered ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function waitForOutput(pattern, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(output);
    if (match) return match[1];
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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

// `pnpm start` builds the domain, the API and the console first: minutes on a busy machine.
await waitForHealth(300_000);
const ready = ((Date.now() - startedAt) / 1000).toFixed(1);

/** A page's HTML, with each script and stylesheet it names fetched and checked. */
async function checkPage(path, headers, what, marker) {
  const page = await fetch(`${base}${path}`, { headers });
  const html = await page.text();
  if (page.status !== 200 || !page.headers.get('content-type')?.startsWith('text/html')) {
    fail(`${what} at ${path} answered ${page.status} ${page.headers.get('content-type')}`);
  }
  if (!html.includes(marker))
    fail(`${what} at ${path} is not the build's page: ${html.slice(0, 300)}`);
  if (page.headers.get('cache-control') !== 'no-cache') fail(`${what} is cached`);
  const external = /(?:src|href)="(?:https?:)?\/\/[^"]*"/.exec(html);
  if (external) fail(`${what} loads from outside: ${external[0]}`);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  if (assets.length === 0) fail(`${what} names no asset`);
  for (const asset of assets) {
    const response = await fetch(`${base}${asset}`);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (response.status !== 200 || !/^text\/(javascript|css)/.test(type)) {
      fail(`${asset} answered ${response.status} ${type}`);
    }
    if (!response.headers.get('cache-control')?.includes('immutable'))
      fail(`${asset} is not cached`);
    if (/\bimport\s*\(?\s*["'](?:https?:)?\/\//.test(body)) fail(`${asset} imports from outside`);
  }
  return assets.length;
}
const consoleAssets = await checkPage('/', {}, 'the console', '<div id="root">');
await checkPage('/complaints', {}, 'a client route', '<div id="root">');
const explorerAssets = await checkPage(
  '/graphql',
  { accept: 'text/html' },
  'the explorer',
  'Redress GraphQL explorer',
);

const anonymous = await post('{ complaints(first: 1) { totalCount } }');
if (
  anonymous.status !== 401 ||
  anonymous.body.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED'
) {
  fail(`an anonymous caller was answered ${anonymous.status} ${JSON.stringify(anonymous.body)}`);
}
const { signIn } = await graphql(
  'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken user { role } } }',
  admin,
);
if (signIn.user.role !== 'ADMIN') fail(`the first admin signed in as ${signIn.user.role}`);
authorization = `Bearer ${signIn.accessToken}`;

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

// The demo partner key printed at first start sees the complaints it logged, and no others.
// Printed just after the API says it is ready, so it may follow the first healthy answer.
const key = await waitForOutput(/Demo partner key[^\n]*?: (rk_\S+)/, 15_000);
if (!key) fail('pnpm start printed no demo partner key');
const asKey = `Bearer ${key}`;
const before = await graphql('{ complaints(first: 1) { totalCount } }', {}, asKey);
if (before.complaints.totalCount !== 0) {
  fail(`the demo key saw ${before.complaints.totalCount} complaints it did not log`);
}

console.log(
  `smoke: pnpm start healthy in ${ready} s with ${complaints.totalCount} demo complaints; anonymous refused, the first admin signed in and logged ${logComplaint.reference}; the demo partner key sees only its own; / served the console (${consoleAssets} assets) and GET /graphql the explorer (${explorerAssets} assets), nothing from elsewhere`,
);
stop();
process.exit(0);
