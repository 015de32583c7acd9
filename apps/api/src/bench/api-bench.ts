// The API benchmark (started by run.ts): the API's throughput on PostgreSQL, in one run, against
// yardsticks measured in the same run on the same machine.
//
// (a) The list query `complaints(first: 50)` over HTTP against a raw `pg` + node:http endpoint
//     serving the same JSON: requests per second and p99 latency, and the ratio (goal >= 0.5).
//     Every request is signed in (an access token in `authorization`); the same list is also
//     served by a second server whose AuthService.authenticate answers the same principal at
//     once, so the cost of authentication (the token's signature, the session lookup) shows as
//     a ratio (goal: at most 5%).
// (b) Lifecycle mutations (log, acknowledge, respond) per second with a WebSocket subscriber to
//     every complaint event connected and counting, against none (goal >= 0.8 and >= 300/s).
//
// Uses DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres; creates a database of its
// own on that server and drops it at the end. Loopback only; bounded; stops by itself.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { systemClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub, type PgPubSub } from '../database/pg-pubsub.js';
import { createServer } from '../server.js';
import { createServices, type Services } from '../services.js';
import type { AuthService } from '../auth/auth.service.js';
import { ARGON2_PARAMETERS } from '../auth/passwords.js';
import { systemPrincipal, type Principal } from '../auth/principal.js';
import { connectSubscriptions } from '../test/graphql-client.js';
import { DEADLINE_LIST_QUERY, LIST_QUERY, startBaselineServer } from './baseline-server.js';
import { httpClient, median, runLoad, type LoadResult } from './load.js';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const CONCURRENCY = 16;
const SEEDED_COMPLAINTS = 500;
const PAGE_SIZE = 50;
// REDRESS_LIST_REQUESTS=300 shortens the list's rounds on a busy machine.
const LIST_REQUESTS = Number(process.env.REDRESS_LIST_REQUESTS ?? 1_500);
const LIST_WARMUP = Math.min(300, LIST_REQUESTS);
const CYCLES = 400;
const CYCLE_WARMUP = 100;
const ROUNDS = 3;
const POOL_SIZE = 10;

const LIST_GOAL = 0.5;
/** The page with each complaint's next deadline, against the raw endpoint serving the same. */
const DEADLINE_LIST_GOAL = 0.6;
const SUBSCRIPTIONS_GOAL = 0.8;
const MUTATIONS_PER_SECOND_GOAL = 300;
/** Authentication may cost at most this share of the list's throughput. */
const AUTH_COST_GOAL = 0.05;
/** Short pairs of rounds for the authentication cost, the order alternating within each pair. */
const AUTH_PAIRS = 10;
const AUTH_PAIR_REQUESTS = 300;
/** Calls of `authenticate` timed on their own. */
const AUTH_CALLS = 2_000;
const SIGN_INS = 7;
const PASSWORD = 'a long benchmark password nobody would guess';

const LOG = /* GraphQL */ `
  mutation ($input: LogComplaintInput!) {
    logComplaint(input: $input) {
      id
      version
    }
  }
`;
const ACKNOWLEDGE = /* GraphQL */ `
  mutation ($id: ID!, $expectedVersion: Int) {
    acknowledgeComplaint(id: $id, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`;
const RESPOND = /* GraphQL */ `
  mutation ($id: ID!, $expectedVersion: Int) {
    respondToComplaint(
      id: $id
      input: {
        outcome: UPHELD
        findings: "The repair was late."
        remedies: [{ kind: APOLOGY, description: "We are sorry." }]
      }
      expectedVersion: $expectedVersion
    ) {
      id
      version
    }
  }
`;
const EVENTS = /* GraphQL */ `
  subscription {
    complaintEvents {
      complaintId
      version
    }
  }
`;

export async function apiBenchmark(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
  const databaseName = `redress_bench_${randomBytes(6).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, databaseName);

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const cleanups: (() => Promise<void>)[] = [];
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  };
  const interrupted = (): void => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    console.log(
      `Redress API benchmark: PostgreSQL ${rows[0]?.server_version ?? '?'} at ${new URL(serverUrl).host}, ` +
        `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'})`,
    );
    console.log(`Database ${databaseName}, created for this run and dropped at the end.`);
    // Other work on the machine skews both sides of each comparison: say how busy it was.
    console.log(
      `Load average at start: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
    );

    const database = await createDataSource({
      databaseUrl,
      poolSize: POOL_SIZE,
      applicationName: 'redress-bench',
    });
    cleanups.push(() => database.close());
    const pubsub = createPgPubSub(database.dataSource, database.listener);
    const services = createServices(database.dataSource, { clock: systemClock, pubsub });
    await services.policies.ensurePresets();
    const api = createServer({
      services,
      pubsub,
      clock: systemClock,
      dataSource: database.dataSource,
      logger: pino({ level: 'error' }),
    });
    await api.start(0, '127.0.0.1');
    cleanups.push(() => api.stop());
    const apiUrl = api.url.replace('localhost', '127.0.0.1');
    const wsUrl = apiUrl.replace(/^http/, 'ws');

    const { authorization, principal } = await signInAdmin(services);
    // The same API, with authentication answered at once by the principal it would find.
    const unauthenticated = createServer({
      services: { ...services, auth: authenticatedAs(services.auth, principal) },
      pubsub,
      clock: systemClock,
      dataSource: database.dataSource,
      logger: pino({ level: 'error' }),
    });
    await unauthenticated.start(0, '127.0.0.1');
    cleanups.push(() => unauthenticated.stop());
    const noAuthUrl = unauthenticated.url.replace('localhost', '127.0.0.1');

    const seedStarted = Date.now();
    await seed(services, SEEDED_COMPLAINTS);
    console.log(
      `Seeded ${SEEDED_COMPLAINTS} complaints in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s.\n`,
    );

    const baseline = await startBaselineServer(databaseUrl, POOL_SIZE);
    cleanups.push(() => baseline.stop());
    const client = httpClient(CONCURRENCY);
    cleanups.push(async () => client.close());

    // REDRESS_API_ONLY=deadlines runs only the page with deadlines against its raw endpoint.
    const deadlinesOnly = process.env.REDRESS_API_ONLY === 'deadlines';
    if (!deadlinesOnly)
      await listBenchmark(
        client,
        apiUrl,
        noAuthUrl,
        `${baseline.url}?first=${PAGE_SIZE}`,
        { authorization },
        { services, dataSource: database.dataSource, pubsub, authorization },
      );
    await deadlinePageBenchmark(client, apiUrl, `${baseline.withDeadlinesUrl}?first=${PAGE_SIZE}`, {
      authorization,
    });
    if (!deadlinesOnly) await mutationBenchmark(client, apiUrl, wsUrl, authorization);
    console.log(
      `\nLoad average at end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await cleanUp();
  }
}

// ---------------------------------------------------------------------------------------------
// (a) the list query

async function listBenchmark(
  client: ReturnType<typeof httpClient>,
  apiUrl: string,
  noAuthUrl: string,
  baselineUrl: string,
  headers: Record<string, string>,
  authSide: {
    readonly services: Services;
    readonly dataSource: Parameters<typeof createServices>[0];
    readonly pubsub: PgPubSub;
    readonly authorization: string;
  },
): Promise<void> {
  const { services, dataSource, pubsub, authorization } = authSide;
  const body = JSON.stringify({ query: LIST_QUERY, variables: { first: PAGE_SIZE } });
  const post = (url: string) => async (): Promise<string> => {
    const answer = await client.post(url, body, headers);
    if (answer.status !== 200)
      throw new Error(`API answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer.body;
  };
  const viaApi = post(apiUrl);
  const viaApiWithoutAuth = post(noAuthUrl);
  const viaBaseline = async (): Promise<string> => {
    const answer = await client.get(baselineUrl);
    if (answer.status !== 200)
      throw new Error(`baseline answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer.body;
  };

  // Same rows, same fields, same values: otherwise the comparison means nothing.
  const [fromApi, fromBaseline] = [
    JSON.parse(await viaApi()) as unknown,
    JSON.parse(await viaBaseline()) as unknown,
  ];
  if (!isDeepStrictEqual(fromApi, fromBaseline)) {
    throw new Error(
      `The baseline does not serve the same JSON as the API.\nAPI:      ${JSON.stringify(fromApi).slice(0, 600)}\n` +
        `baseline: ${JSON.stringify(fromBaseline).slice(0, 600)}`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(fromApi));
  console.log(
    `(a) complaints(first: ${PAGE_SIZE}) over HTTP: ${LIST_REQUESTS} requests per round, ${CONCURRENCY} in flight, ` +
      `${ROUNDS} rounds alternating; both answer the same ${(bytes / 1024).toFixed(1)} KiB of JSON.`,
  );

  // Compared as values: the two answers' bytes may differ (a trailing newline).
  if (!isDeepStrictEqual(JSON.parse(await viaApiWithoutAuth()) as unknown, fromApi)) {
    throw new Error('The API without authentication does not serve the same page.');
  }
  await runLoad(LIST_WARMUP, CONCURRENCY, async () => void (await viaApi()));
  await runLoad(LIST_WARMUP, CONCURRENCY, async () => void (await viaApiWithoutAuth()));
  await runLoad(LIST_WARMUP, CONCURRENCY, async () => void (await viaBaseline()));

  const apiRounds: LoadResult[] = [];
  const noAuthRounds: LoadResult[] = [];
  const baselineRounds: LoadResult[] = [];
  console.log(
    '    round   GraphQL API req/s   p99 ms   |   authentication bypassed req/s   |   raw pg + node:http req/s   p99 ms',
  );
  for (let round = 1; round <= ROUNDS; round += 1) {
    const a = await runLoad(LIST_REQUESTS, CONCURRENCY, async () => void (await viaApi()));
    const n = await runLoad(
      LIST_REQUESTS,
      CONCURRENCY,
      async () => void (await viaApiWithoutAuth()),
    );
    const b = await runLoad(LIST_REQUESTS, CONCURRENCY, async () => void (await viaBaseline()));
    apiRounds.push(a);
    noAuthRounds.push(n);
    baselineRounds.push(b);
    console.log(
      `    ${round}       ${fmt(a.perSecond, 9)}       ${fmt(a.p99Ms, 6, 1)}   |   ${fmt(n.perSecond, 9)}                       |   ${fmt(b.perSecond, 9)}                ${fmt(b.p99Ms, 6, 1)}`,
    );
  }
  // Each round's pair ran back to back, so their ratio holds better than the medians'.
  const authCost =
    1 - median(apiRounds.map((a, i) => a.perSecond / (noAuthRounds[i]?.perSecond ?? a.perSecond)));
  const apiRate = median(apiRounds.map((r) => r.perSecond));
  const baseRate = median(baselineRounds.map((r) => r.perSecond));
  const ratio = apiRate / baseRate;
  console.log(
    `    median  ${fmt(apiRate, 9)}       ${fmt(median(apiRounds.map((r) => r.p99Ms)), 6, 1)}   |   ` +
      `${fmt(baseRate, 9)}                ${fmt(median(baselineRounds.map((r) => r.p99Ms)), 6, 1)}`,
  );
  console.log(
    `    API / raw throughput: ${ratio.toFixed(2)}x (goal >= ${LIST_GOAL}x: ${ratio >= LIST_GOAL ? 'met' : 'NOT met'})`,
  );
  console.log(
    `    authentication costs ${(authCost * 100).toFixed(1)}% of the list's throughput (median of the rounds' ratios; ` +
      `goal <= ${AUTH_COST_GOAL * 100}%: ${authCost <= AUTH_COST_GOAL ? 'met' : 'NOT met'})`,
  );

  // Rounds of 1,500 drift by more than 5% on a busy machine: short pairs, each run in the other
  // order from the last (so drift within a pair favours neither), say more.
  const pairRatios: number[] = [];
  for (let pair = 0; pair < AUTH_PAIRS; pair += 1) {
    const run = (via: () => Promise<string>) =>
      runLoad(AUTH_PAIR_REQUESTS, CONCURRENCY, async () => void (await via()));
    const first = pair % 2 === 0 ? await run(viaApi) : await run(viaApiWithoutAuth);
    const second = pair % 2 === 0 ? await run(viaApiWithoutAuth) : await run(viaApi);
    const [withAuth, without] = pair % 2 === 0 ? [first, second] : [second, first];
    pairRatios.push(withAuth.perSecond / without.perSecond);
  }
  const pairedCost = 1 - median(pairRatios);
  console.log(
    `    in ${AUTH_PAIRS} pairs of ${AUTH_PAIR_REQUESTS} requests, the order alternating: authentication costs ` +
      `${(pairedCost * 100).toFixed(1)}% (median; pairs from ${((1 - Math.max(...pairRatios)) * 100).toFixed(0)}% ` +
      `to ${((1 - Math.min(...pairRatios)) * 100).toFixed(0)}%; goal <= ${AUTH_COST_GOAL * 100}%: ` +
      `${pairedCost <= AUTH_COST_GOAL ? 'met' : 'NOT met'})`,
  );

  // What one call costs the event loop, times the requests it serves a second: the share of
  // the list's throughput authentication takes, without the rounds' noise. A call that reads the
  // database also waits, which the loop spends on other requests: an upper bound for that one.
  const perCall = async (auth: AuthService): Promise<number> => {
    await auth.authenticate(authorization);
    const started = performance.now();
    for (let n = 0; n < AUTH_CALLS; n += 1) await auth.authenticate(authorization);
    return ((performance.now() - started) * 1000) / AUTH_CALLS;
  };
  const kept = await perCall(services.auth);
  const uncached = createServices(dataSource, {
    clock: systemClock,
    pubsub,
    credentialTtlMs: 0,
  }).auth;
  const readEachTime = await perCall(uncached);
  console.log(
    `    authenticate() per call: ${kept.toFixed(1)} µs as served (credential cache), ${readEachTime.toFixed(0)} µs ` +
      `verifying the token and reading the session each time; at ${apiRate.toFixed(0)} req/s that is ` +
      `${((kept * apiRate) / 1e4).toFixed(2)}% and at most ${((readEachTime * apiRate) / 1e4).toFixed(1)}% of the event loop\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// (a') the page the console's list requests: with each complaint's next deadline

async function deadlinePageBenchmark(
  client: ReturnType<typeof httpClient>,
  apiUrl: string,
  baselineUrl: string,
  headers: Record<string, string>,
): Promise<void> {
  const post = (query: string) => {
    const body = JSON.stringify({ query, variables: { first: PAGE_SIZE } });
    return async (): Promise<string> => {
      const answer = await client.post(apiUrl, body, headers);
      if (answer.status !== 200)
        throw new Error(`API answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      return answer.body;
    };
  };
  const withDeadlines = post(DEADLINE_LIST_QUERY);
  const without = post(LIST_QUERY);
  const viaBaseline = async (): Promise<string> => {
    const answer = await client.get(baselineUrl);
    if (answer.status !== 200)
      throw new Error(`baseline answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer.body;
  };
  const fromApi = JSON.parse(await withDeadlines()) as unknown;
  const fromBaseline = JSON.parse(await viaBaseline()) as unknown;
  if (!isDeepStrictEqual(fromApi, fromBaseline)) {
    throw new Error(
      `The baseline does not serve the same page with deadlines as the API.\nAPI:      ${JSON.stringify(fromApi).slice(0, 900)}\n` +
        `baseline: ${JSON.stringify(fromBaseline).slice(0, 900)}`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(fromApi));
  console.log(
    `(a') the same page with each complaint's nextDeadline { stage kind dueOn state stateLabel workingDaysLeft }: ` +
      `${LIST_REQUESTS} requests per round, ${CONCURRENCY} in flight, ${ROUNDS} rounds; both answer the same ${(bytes / 1024).toFixed(1)} KiB.`,
  );
  for (const via of [withDeadlines, without, viaBaseline]) {
    await runLoad(LIST_WARMUP, CONCURRENCY, async () => void (await via()));
  }
  const api: LoadResult[] = [];
  const plain: LoadResult[] = [];
  const raw: LoadResult[] = [];
  console.log(
    '    round   with deadlines req/s   p99 ms   |   without req/s   |   raw pg + node:http req/s   p99 ms',
  );
  for (let round = 1; round <= ROUNDS; round += 1) {
    const a = await runLoad(LIST_REQUESTS, CONCURRENCY, async () => void (await withDeadlines()));
    const p = await runLoad(LIST_REQUESTS, CONCURRENCY, async () => void (await without()));
    const b = await runLoad(LIST_REQUESTS, CONCURRENCY, async () => void (await viaBaseline()));
    api.push(a);
    plain.push(p);
    raw.push(b);
    console.log(
      `    ${round}       ${fmt(a.perSecond, 9)}            ${fmt(a.p99Ms, 6, 1)}   |   ${fmt(p.perSecond, 9)}       |   ${fmt(b.perSecond, 9)}                ${fmt(b.p99Ms, 6, 1)}`,
    );
  }
  const rate = median(api.map((r) => r.perSecond));
  const plainRate = median(plain.map((r) => r.perSecond));
  const rawRate = median(raw.map((r) => r.perSecond));
  const ratio = rate / rawRate;
  console.log(
    `    median  ${fmt(rate, 9)}            ${fmt(median(api.map((r) => r.p99Ms)), 6, 1)}   |   ${fmt(plainRate, 9)}       |   ${fmt(rawRate, 9)}                ${fmt(median(raw.map((r) => r.p99Ms)), 6, 1)}`,
  );
  console.log(
    `    with deadlines / raw throughput: ${ratio.toFixed(2)}x (goal >= ${DEADLINE_LIST_GOAL}x: ${ratio >= DEADLINE_LIST_GOAL ? 'met' : 'NOT met'}); ` +
      `with / without deadlines: ${(rate / plainRate).toFixed(2)}x\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b) lifecycle mutations, subscriptions off and on

async function mutationBenchmark(
  client: ReturnType<typeof httpClient>,
  apiUrl: string,
  wsUrl: string,
  authorization: string,
): Promise<void> {
  const call = async (
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> => {
    const answer = await client.post(apiUrl, JSON.stringify({ query, variables }), {
      authorization,
    });
    const parsed = JSON.parse(answer.body) as {
      data?: Record<string, { id: string; version: number }>;
      errors?: unknown;
    };
    const value = parsed.data ? Object.values(parsed.data)[0] : undefined;
    if (answer.status !== 200 || parsed.errors || !value) {
      throw new Error(`mutation failed (${answer.status}): ${answer.body.slice(0, 400)}`);
    }
    return value;
  };
  // Each cycle's complaint id goes into `ids`, so the subscriber's count covers these writes only.
  const cycleInto = (ids: Set<string>) => async (): Promise<void> => {
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
    const logged = await call(LOG, { input: complaintInput(receivedAt) });
    ids.add(logged.id);
    const acknowledged = await call(ACKNOWLEDGE, {
      id: logged.id,
      expectedVersion: logged.version,
    });
    await call(RESPOND, { id: logged.id, expectedVersion: acknowledged.version });
  };
  const cycle = cycleInto(new Set());

  console.log(
    `(b) lifecycle mutations (log + acknowledge + respond = 3 per cycle) over HTTP: ${CYCLES} cycles per round, ` +
      `${CONCURRENCY} cycles in flight, ${ROUNDS} rounds alternating off/on.`,
  );
  await runLoad(CYCLE_WARMUP, CONCURRENCY, cycle);

  const off: number[] = [];
  const on: number[] = [];
  console.log('    round   subscriptions off mut/s   |   on mut/s   events delivered');
  for (let round = 1; round <= ROUNDS; round += 1) {
    const withoutSubscriber = await runLoad(CYCLES, CONCURRENCY, cycle);

    const socket = await connectSubscriptions(wsUrl, { authorization });
    const events = socket.subscribe<{ complaintEvents: { complaintId: string } }>(EVENTS);
    // Live once it has heard a write of its own.
    await waitForFirstEvent(events, cycle);
    const measured = new Set<string>();
    const withSubscriber = await runLoad(CYCLES, CONCURRENCY, cycleInto(measured));
    const expected = CYCLES * 3;
    const heard = (messages: readonly { complaintEvents: { complaintId: string } }[]) =>
      messages.filter((m) => measured.has(m.complaintEvents.complaintId)).length;
    await events.waitFor((messages) => heard(messages) >= expected, 30_000).catch(() => undefined);
    const delivered = heard(events.messages);
    await socket.close();

    const offRate = (withoutSubscriber.count * 3) / withoutSubscriber.seconds;
    const onRate = (withSubscriber.count * 3) / withSubscriber.seconds;
    off.push(offRate);
    on.push(onRate);
    console.log(
      `    ${round}       ${fmt(offRate, 9)}                 |   ${fmt(onRate, 8)}   ${delivered} of ${expected}`,
    );
    if (delivered !== expected)
      throw new Error(`The subscriber received ${delivered} events; ${expected} were committed.`);
  }
  const offRate = median(off);
  const onRate = median(on);
  const ratio = onRate / offRate;
  console.log(`    median  ${fmt(offRate, 9)}                 |   ${fmt(onRate, 8)}`);
  console.log(
    `    on / off: ${ratio.toFixed(2)}x (goal >= ${SUBSCRIPTIONS_GOAL}x: ${ratio >= SUBSCRIPTIONS_GOAL ? 'met' : 'NOT met'}); ` +
      `with subscriptions on: ${onRate.toFixed(0)} mutations/s (goal >= ${MUTATIONS_PER_SECOND_GOAL}/s: ` +
      `${onRate >= MUTATIONS_PER_SECOND_GOAL ? 'met' : 'NOT met'})`,
  );
}

async function waitForFirstEvent(
  events: { waitForCount(count: number, timeoutMs?: number): Promise<unknown> },
  write: () => Promise<void>,
): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await write();
    try {
      await events.waitForCount(1, 250);
      return;
    } catch {
      // The subscription is not registered yet: write again.
    }
  }
  throw new Error('The subscriber heard nothing');
}

// ---------------------------------------------------------------------------------------------

/** An admin, signed in as a person would be; prints what one sign-in costs. */
async function signInAdmin(
  services: Services,
): Promise<{ authorization: string; principal: Principal }> {
  const email = 'admin@bench.redress.invalid';
  await services.users.createUnchecked(systemPrincipal('bench'), {
    email,
    name: 'Bench Admin',
    role: 'ADMIN',
    password: PASSWORD,
  });
  const times: number[] = [];
  let accessToken = '';
  for (let n = 0; n < SIGN_INS; n += 1) {
    const started = performance.now();
    ({ accessToken } = await services.auth.signIn(email, PASSWORD, {
      address: '127.0.0.1',
      userAgent: 'bench',
    }));
    times.push(performance.now() - started);
  }
  const { memoryCost, timeCost, parallelism } = ARGON2_PARAMETERS;
  console.log(
    `Sign-in (argon2id m = ${memoryCost} KiB, t = ${timeCost}, p = ${parallelism}): median ${median(times).toFixed(0)} ms ` +
      `of ${SIGN_INS} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), verification and session included.\n`,
  );
  const authorization = `Bearer ${accessToken}`;
  return { authorization, principal: await services.auth.authenticate(authorization) };
}

/** The auth service with `authenticate` answering one principal at once: no token, no lookup. */
function authenticatedAs(auth: AuthService, principal: Principal): AuthService {
  const bypassed = Object.create(auth) as AuthService;
  bypassed.authenticate = async () => principal;
  return bypassed;
}

/** Complaints in several states, received a minute apart over the last days. */
async function seed(services: Services, count: number): Promise<void> {
  const by = systemPrincipal('bench');
  const now = Date.now();
  for (let i = 0; i < count; i += 1) {
    const receivedAt = new Date(now - (count - i) * 60_000 - 86_400_000).toISOString();
    const { state } = await services.complaints.log(
      {
        receivedAt,
        channel: i % 3 === 0 ? 'phone' : 'email',
        complainant: { name: `Resident ${i}`, type: 'tenant' },
        summary: `The repair reported in week ${i % 52} is still not done.`,
        desiredOutcome: 'The repair done, with a date for it',
        category: ['repairs', 'anti-social behaviour', 'communication'][i % 3] ?? 'repairs',
        tenure: i % 5 === 0 ? 'lcho' : 'lcra',
      },
      { by, at: receivedAt },
    );
    if (i % 2 === 0) {
      await services.complaints.execute(
        state.id,
        { type: 'assign', handler: `Handler ${i % 7}` },
        { by },
      );
    }
    if (i % 4 === 0) {
      await services.complaints.execute(state.id, { type: 'acknowledge' }, { by });
    }
  }
}

function complaintInput(receivedAt: string): Record<string, unknown> {
  return {
    receivedAt,
    channel: 'EMAIL',
    complainant: { name: 'Jordan Ellis', type: 'TENANT', email: 'jordan.ellis@example.org' },
    summary: 'Damp and mould in the back bedroom are still there after three repair visits.',
    desiredOutcome: 'Fix the damp for good.',
    category: 'repairs',
    tenure: 'LCRA',
  };
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function fmt(value: number, width: number, digits = 0): string {
  return value.toFixed(digits).padStart(width);
}
