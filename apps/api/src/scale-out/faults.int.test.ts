// Faults under load: the PostgreSQL server restarted (fast) or killed (kill -9 of the
// postmaster) while a partner writes, and the API process killed (kill -9) while it writes. After
// each: the API answers again (within 5 s of the database being back), subscribers hear events
// again, every write that was answered with success is in the database, and no case is
// half-written (its version is its number of events, and the read model is their fold).
//
// The test owns its PostgreSQL server: a throwaway cluster (initdb, pg_ctl) on a free loopback
// port in a temporary folder, since restarting or killing the shared server would break every
// other test. The API is the built one (`node dist/main.js`, built by Turbo before `test`).
// Runs when DATABASE_URL is set, i.e. in the PostgreSQL pass, where PostgreSQL's server
// binaries are installed; DATABASE_URL itself is not used.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { replay, type ComplaintEvent, type ComplaintState } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { createServices } from '../services.js';
import { connectSubscriptions, type SubscriptionClient } from '../test/graphql-client.js';
import { logInput } from '../test/complaint-operations.js';
import { newPartnerKey, type PartnerKey } from '../test/test-principals.js';
import { API_MAIN, spawnApiProcess, type ApiProcess } from '../test/test-server.js';
import { freePort, withPgClient } from '../test/server-tools.js';

const run = promisify(execFile);
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.info(
    'scale-out/faults.int.test.ts skipped: it runs in the PostgreSQL pass (DATABASE_URL set), on a PostgreSQL cluster of its own',
  );
}

/** The promise under test: answering again this soon after the database is back. */
const RECOVERY_LIMIT_MS = 5_000;
/** Concurrent writers: a partner's import, kept small on a shared machine. */
const WRITERS = 3;
/** Bounds on each load, whatever happens: requests, and how long it may run. */
const MAX_REQUESTS = 4_000;
const MAX_LOAD_MS = 90_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** How long PostgreSQL stays down after kill -9 before it is started again. */
const CRASH_OUTAGE_MS = 7_000;
/** Successful writes before a fault, and after recovery, so the fault lands mid-load. */
const WRITES_AROUND_FAULT = 20;

// Light answers: the load is about writes, not about reading cases back.
const LOG = `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id version } }`;
const STEPS = [
  `mutation ($id: ID!, $v: Int) { r: acknowledgeComplaint(id: $id, expectedVersion: $v) { id version } }`,
  `mutation ($id: ID!, $v: Int) { r: extendResponseDeadline(id: $id, workingDays: 2, reason: "Waiting for a surveyor", expectedVersion: $v) { id version } }`,
  `mutation ($id: ID!, $v: Int) { r: extendResponseDeadline(id: $id, workingDays: 2, reason: "The surveyor's report is late", expectedVersion: $v) { id version } }`,
  `mutation ($id: ID!, $v: Int) { r: withdrawComplaint(id: $id, reason: "Resolved informally", expectedVersion: $v) { id version } }`,
];
const EVENTS = `subscription { complaintEvents { complaintId version } }`;

describe.skipIf(!DATABASE_URL)('faults under load, on PostgreSQL (a cluster of its own)', () => {
  let cluster: Cluster;
  let api: ApiProcess;
  let apiPort: number;
  let key: PartnerKey;
  /** Every write answered with success, over all the tests: complaint id -> highest version. */
  const acknowledged = new Map<string, number>();
  const apiEnv = {
    // The limiter stays in the path (it is part of every write) but never refuses the load.
    REDRESS_RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
    REDRESS_RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  };
  const startApi = (): Promise<ApiProcess> =>
    spawnApiProcess({ databaseUrl: cluster.url, port: apiPort, env: apiEnv });

  beforeAll(async () => {
    if (!existsSync(API_MAIN)) {
      throw new Error(
        `${API_MAIN} is missing: build the API first (pnpm test runs the build through Turbo).`,
      );
    }
    cluster = await startCluster();
    apiPort = await freePort();
    api = await startApi(); // runs the migrations
    key = await createPartnerKey(cluster.url);
  }, 120_000);

  afterAll(async () => {
    // A test that failed half-way leaves its writers running: stop them first.
    await Promise.all([...runningLoads].map((load) => load.stop()));
    await api?.stop();
    await cluster?.destroy();
  }, 60_000);

  it('answers within 5 s after PostgreSQL restarts (pg_ctl restart -m fast), keeping every acknowledged write', async () => {
    const load = startLoad(api.url, key.headers, acknowledged);
    await load.succeeded(WRITES_AROUND_FAULT);
    const faultAt = Date.now();
    await cluster.restartFast();
    const backAt = Date.now();
    const recovery = await measureRecovery(api, key, load, backAt);
    await load.succeeded(load.successes() + WRITES_AROUND_FAULT);
    const totals = await load.stop();
    report('pg_ctl restart -m fast', backAt - faultAt, recovery, totals);

    expect(recovery.firstWriteMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(recovery.healthMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(recovery.eventsHeardMs).toBeLessThan(RECOVERY_LIMIT_MS);
    await expectNothingLostOrHalfWritten(cluster.url, acknowledged);
  }, 120_000);

  it('answers within 5 s after PostgreSQL is killed (kill -9 of the postmaster) and started again, keeping every acknowledged write', async () => {
    const load = startLoad(api.url, key.headers, acknowledged);
    await load.succeeded(WRITES_AROUND_FAULT);
    const faultAt = Date.now();
    await cluster.crashAndStart();
    const backAt = Date.now();
    const recovery = await measureRecovery(api, key, load, backAt);
    await load.succeeded(load.successes() + WRITES_AROUND_FAULT);
    const totals = await load.stop();
    report('kill -9 of the postmaster, then start', backAt - faultAt, recovery, totals);

    expect(recovery.firstWriteMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(recovery.healthMs).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(recovery.eventsHeardMs).toBeLessThan(RECOVERY_LIMIT_MS);
    await expectNothingLostOrHalfWritten(cluster.url, acknowledged);
  }, 120_000);

  it('keeps every acknowledged write and half-writes no case when the API process is killed (kill -9) mid-load, on PostgreSQL', async () => {
    const load = startLoad(api.url, key.headers, acknowledged);
    await load.succeeded(WRITES_AROUND_FAULT);
    const killedAt = Date.now();
    process.kill(-api.pid, 'SIGKILL'); // the process group: the API and anything it started
    await api.stop(); // waits for the exit
    api = await startApi();
    const startedAt = Date.now();
    const firstWriteAt = await load.firstSuccessStartedAfter(startedAt, 30_000);
    await load.succeeded(load.successes() + WRITES_AROUND_FAULT);
    const totals = await load.stop();
    console.info(
      `Fault: kill -9 of the API: a new process was healthy ${startedAt - killedAt} ms after the kill, ` +
        `its first write answered ${firstWriteAt - startedAt} ms later; ` +
        `${totals.succeeded} writes answered, ${totals.failed} failed`,
    );

    await expectNothingLostOrHalfWritten(cluster.url, acknowledged);
  }, 120_000);
});

interface Recovery {
  /** From the database being back to the first write (sent after that) answered with success. */
  readonly firstWriteMs: number;
  /** From the database being back to GET /health answering 200. */
  readonly healthMs: number;
  /** From the database being back to a new subscriber hearing an event. */
  readonly eventsHeardMs: number;
}

async function measureRecovery(
  api: ApiProcess,
  key: PartnerKey,
  load: Load,
  backAt: number,
): Promise<Recovery> {
  const limit = 20_000;
  const [firstWriteAt, healthyAt, heardAt] = await Promise.all([
    load.firstSuccessStartedAfter(backAt, limit),
    healthyAfter(api.baseUrl, limit),
    eventHeardAfter(api.wsUrl, key.connectionParams, limit),
  ]);
  return {
    firstWriteMs: firstWriteAt - backAt,
    healthMs: healthyAt - backAt,
    eventsHeardMs: heardAt - backAt,
  };
}

function report(fault: string, outageMs: number, recovery: Recovery, totals: LoadTotals): void {
  console.info(
    `Fault: ${fault}: the database was back after ${outageMs} ms; then the first write answered ` +
      `in ${recovery.firstWriteMs} ms, /health in ${recovery.healthMs} ms, a subscriber heard an ` +
      `event in ${recovery.eventsHeardMs} ms; ${totals.succeeded} writes answered, ${totals.failed} failed`,
  );
}

// ---------------------------------------------------------------------------------------------
// The load: writers that log a case and take it through its steps, each step naming the version
// it read. A failed step leaves the case (the write may or may not have committed: only answered
// writes are promised) and the writer logs a new one.

interface LoadTotals {
  readonly succeeded: number;
  readonly failed: number;
}

interface Load {
  successes(): number;
  /** Resolves once this many writes of this load have answered with success. */
  succeeded(count: number): Promise<void>;
  /** When the first write sent at or after `since` answered with success. */
  firstSuccessStartedAfter(since: number, timeoutMs: number): Promise<number>;
  stop(): Promise<LoadTotals>;
}

const runningLoads = new Set<Load>();

function startLoad(
  url: string,
  headers: Readonly<Record<string, string>>,
  acknowledged: Map<string, number>,
): Load {
  const answered: Array<{ sentAt: number; answeredAt: number }> = [];
  let failed = 0;
  let requests = 0;
  let stopped = false;
  const endAt = Date.now() + MAX_LOAD_MS;
  const more = (): boolean => !stopped && requests < MAX_REQUESTS && Date.now() < endAt;

  const write = async (query: string, variables: Record<string, unknown>) => {
    requests += 1;
    const sentAt = Date.now();
    const result = await post(url, headers, query, variables);
    if (!result) {
      failed += 1;
      await sleep(50);
      return null;
    }
    answered.push({ sentAt, answeredAt: Date.now() });
    if ((acknowledged.get(result.id) ?? 0) < result.version) {
      acknowledged.set(result.id, result.version);
    }
    return result;
  };

  const writer = async (): Promise<void> => {
    while (more()) {
      const receivedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
      let current = await write(LOG, { input: logInput(receivedAt) });
      for (const step of STEPS) {
        if (!current || !more()) break;
        current = await write(step, { id: current.id, v: current.version });
      }
    }
  };
  const writers = Promise.all(Array.from({ length: WRITERS }, writer));

  const waitUntil = async <T>(
    found: () => T | undefined,
    timeoutMs: number,
    what: string,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = found();
      if (value !== undefined) return value;
      if (!more()) break;
      await sleep(20);
    }
    throw new Error(`${what}: ${answered.length} writes answered, ${failed} failed`);
  };

  const load: Load = {
    successes: () => answered.length,
    async succeeded(count) {
      await waitUntil(
        () => (answered.length >= count ? true : undefined),
        60_000,
        `Fewer than ${count} writes answered`,
      );
    },
    firstSuccessStartedAfter(since, timeoutMs) {
      return waitUntil(
        () => {
          let first: number | undefined;
          for (const a of answered) {
            if (a.sentAt >= since && (first === undefined || a.answeredAt < first)) {
              first = a.answeredAt;
            }
          }
          return first;
        },
        timeoutMs,
        `No write sent after the fault answered within ${timeoutMs} ms`,
      );
    },
    async stop() {
      stopped = true;
      await writers;
      runningLoads.delete(load);
      return { succeeded: answered.length, failed };
    },
  };
  runningLoads.add(load);
  return load;
}

/** One write; its complaint's id and version when it answered with success, else null. */
async function post(
  url: string,
  headers: Readonly<Record<string, string>>,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ id: string; version: number } | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as {
      data?: Record<string, { id: string; version: number } | null> | null;
      errors?: unknown[];
    };
    const answer = body.data ? Object.values(body.data)[0] : null;
    if (response.status !== 200 || body.errors?.length || !answer) return null;
    return answer;
  } catch {
    return null; // refused, reset or timed out: not acknowledged
  }
}

async function healthyAfter(baseUrl: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return Date.now();
    } catch {
      // Not answering yet.
    }
    await sleep(50);
  }
  throw new Error(`GET ${baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
}

/**
 * When a new subscriber first hears an event of the load. A subscriber that was live while LISTEN
 * was cut off is ended (SUBSCRIPTION_INTERRUPTED): as a partner's client would, subscribe again.
 */
async function eventHeardAfter(
  wsUrl: string,
  connectionParams: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let socket: SubscriptionClient | null = null;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      try {
        socket ??= await connectSubscriptions(wsUrl, connectionParams);
        const subscription = socket.subscribe<unknown>(EVENTS);
        try {
          await subscription.waitForCount(1, Math.max(1, deadline - Date.now()));
          return Date.now();
        } finally {
          subscription.unsubscribe();
        }
      } catch (error) {
        lastError = error;
        // The socket may have gone with the failure: open a new one.
        await socket?.close().catch(() => undefined);
        socket = null;
        await sleep(50);
      }
    }
  } finally {
    await socket?.close().catch(() => undefined);
  }
  throw new Error(`No subscriber heard an event within ${timeoutMs} ms: ${String(lastError)}`);
}

// ---------------------------------------------------------------------------------------------
// What must hold after each fault, read straight from the database.

interface ComplaintRow {
  id: string;
  version: number;
  status: string;
  state: ComplaintState;
}

async function expectNothingLostOrHalfWritten(
  url: string,
  acknowledged: ReadonlyMap<string, number>,
): Promise<void> {
  const { complaints, events } = await withPgClient(url, async (client) => ({
    complaints: (
      await client.query<ComplaintRow>('SELECT id, version, status, state FROM complaint')
    ).rows,
    events: (
      await client.query<{ complaintId: string; payload: ComplaintEvent }>(
        `SELECT complaint_id AS "complaintId", payload FROM complaint_event
          ORDER BY complaint_id, version`,
      )
    ).rows,
  }));
  const byId = new Map(complaints.map((c) => [c.id, c]));
  const history = new Map<string, ComplaintEvent[]>();
  for (const { complaintId, payload } of events) {
    const list = history.get(complaintId) ?? [];
    list.push(payload);
    history.set(complaintId, list);
  }

  const lost = [...acknowledged]
    .filter(([id, version]) => (byId.get(id)?.version ?? 0) < version)
    .map(([id, version]) => `${id}: answered version ${version}, found ${byId.get(id)?.version}`);
  expect(lost, 'acknowledged writes missing from the database').toEqual([]);

  const halfWritten = complaints.flatMap((row) => {
    const own = history.get(row.id) ?? [];
    const folded = replay(own);
    const problems = [
      own.length !== row.version && `${own.length} events`,
      folded?.version !== row.version && `the events fold to version ${folded?.version}`,
      folded?.status !== row.status && `the events fold to status ${folded?.status}`,
      folded?.stage !== row.state.stage && `the events fold to stage ${folded?.stage}`,
      row.state.version !== row.version && `its snapshot says version ${row.state.version}`,
      row.state.status !== row.status && `its snapshot says ${row.state.status}`,
      folded?.lastEventAt !== row.state.lastEventAt &&
        `its snapshot's last event is at ${row.state.lastEventAt}, the events' at ${folded?.lastEventAt}`,
    ].filter((problem): problem is string => typeof problem === 'string');
    return problems.length > 0
      ? [`${row.id} (version ${row.version}, ${row.status}): ${problems.join(', ')}`]
      : [];
  });
  expect(halfWritten, 'cases whose read model disagrees with their events').toEqual([]);

  const orphans = [...history.keys()].filter((id) => !byId.has(id));
  expect(orphans, 'events of complaints that have no read model').toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------
// A throwaway PostgreSQL cluster. initdb and postgres refuse to run as root: as root (development
// and CI) they run as the `postgres` user, in a folder it owns.

interface Cluster {
  readonly url: string;
  restartFast(): Promise<void>;
  /** kill -9 of the postmaster, then start again (crash recovery). */
  crashAndStart(): Promise<void>;
  destroy(): Promise<void>;
}

async function startCluster(): Promise<Cluster> {
  const bin = await serverBinaries();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'redress-faults-'));
  if (asRoot) {
    const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
    await chown(dir, uid, gid);
  }
  const port = await freePort();
  const log = join(dir, 'server.log');
  const tool = (name: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args])
      : run(join(bin, name), args);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB`;
  const pgCtl = (...args: string[]) => tool('pg_ctl', ['-D', dir, '-l', log, '-w', ...args]);
  const start = () => pgCtl('-o', options, 'start');

  await tool('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  await start();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restartFast() {
      await pgCtl('-m', 'fast', 'restart');
    },
    async crashAndStart() {
      const postmaster = Number(
        (await readFile(join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      process.kill(postmaster, 'SIGKILL');
      // Down for a while, as when a supervisor restarts it: long enough for the API's reconnect
      // attempts to back off.
      await sleep(CRASH_OUTAGE_MS);
      // Until the old postmaster is gone and its backends have noticed, a new postmaster refuses
      // the data folder. Bounded retries, not a fixed wait.
      let lastError: unknown;
      for (let attempt = 0; attempt < 40; attempt += 1) {
        try {
          await start();
          return;
        } catch (error) {
          lastError = error;
          await sleep(100);
        }
      }
      throw new Error(`PostgreSQL did not start again after kill -9: ${String(lastError)}`);
    },
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function serverBinaries(): Promise<string> {
  const found = await run('pg_config', ['--bindir']).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
  if (found && existsSync(join(found, 'initdb'))) return found;
  throw new Error(
    `PostgreSQL's server binaries (initdb, pg_ctl) were not found (pg_config --bindir: "${found}"): install the postgresql package.`,
  );
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}

/** An API key of a partner that logs cases, takes their steps and listens to events. */
async function createPartnerKey(url: string): Promise<PartnerKey> {
  const database = await createDataSource({ databaseUrl: url, migrate: false, poolSize: 2 });
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  try {
    await pubsub.ready;
    const services = createServices(database.dataSource, { clock: systemClock, pubsub });
    return await newPartnerKey(services, [
      'complaints:read',
      'complaints:write',
      'events:subscribe',
    ]);
  } finally {
    await pubsub.close();
    await database.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
