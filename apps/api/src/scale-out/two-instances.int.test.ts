// Two API processes on one PostgreSQL database, as behind a load balancer: a subscriber on
// either hears every event whichever process wrote it, and with both deadline watchers running
// each alert is raised exactly once. Real processes (`node dist/main.js`), real ports.
//
// Needs a PostgreSQL server: PGlite is one process's database. Runs when DATABASE_URL is set
// (a fresh database is created on that server and dropped afterwards).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSubscriptions,
  gqlData,
  primeSubscription,
  type Subscription,
  type SubscriptionClient,
} from '../test/graphql-client.js';
import { ACKNOWLEDGE, ASSIGN, logInput } from '../test/complaint-operations.js';
import { spawnApiProcess, type ApiProcess } from '../test/test-server.js';
import { freePort, withPgClient } from '../test/server-tools.js';

const DATABASE_URL = process.env.DATABASE_URL;
const SKIP_REASON =
  'two API processes need a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run this test';
if (!DATABASE_URL) console.info(`scale-out/two-instances.int.test.ts skipped: ${SKIP_REASON}`);

const API_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WATCH_INTERVAL_MS = 200;
const OVERDUE_COMPLAINTS = 24;

const EVENTS = /* GraphQL */ `
  subscription {
    complaintEvents {
      complaintId
      version
      type
    }
  }
`;
const ALERTS = /* GraphQL */ `
  subscription {
    deadlineAlerts {
      complaintId
      stage
      kind
      alert
      dueOn
    }
  }
`;

interface EventMessage {
  complaintEvents: { complaintId: string; version: number; type: string };
}
interface AlertMessage {
  deadlineAlerts: {
    complaintId: string;
    stage: number;
    kind: string;
    alert: string;
    dueOn: string;
  };
}

describe.skipIf(!DATABASE_URL)(`two API processes on one PostgreSQL`, () => {
  let databaseUrl: string;
  let databaseName: string;
  const processes: ApiProcess[] = [];
  const sockets: SubscriptionClient[] = [];
  let a: ApiProcess;
  let b: ApiProcess;
  let eventsOnA: Subscription<EventMessage>;
  let eventsOnB: Subscription<EventMessage>;
  let alertsOnA: Subscription<AlertMessage>;
  let alertsOnB: Subscription<AlertMessage>;

  beforeAll(async () => {
    // The test runs what `pnpm start` runs: the build of the code as it is now.
    await promisify(execFile)(process.execPath, [requireTsc(), '-p', 'tsconfig.build.json'], {
      cwd: API_ROOT,
    });

    databaseName = `redress_two_${randomBytes(6).toString('hex')}`;
    await withPgClient(DATABASE_URL ?? '', (client) =>
      client.query(`CREATE DATABASE ${databaseName}`),
    );
    const url = new URL(DATABASE_URL ?? '');
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();

    const env = { REDRESS_WATCH_INTERVAL_MS: String(WATCH_INTERVAL_MS) };
    // One after the other: the first runs the migrations, the second finds them done.
    a = await spawnApiProcess({ databaseUrl, port: await freePort(), env });
    processes.push(a);
    b = await spawnApiProcess({ databaseUrl, port: await freePort(), env });
    processes.push(b);

    const wsA = await connectSubscriptions(a.wsUrl);
    const wsB = await connectSubscriptions(b.wsUrl);
    sockets.push(wsA, wsB);
    eventsOnA = wsA.subscribe<EventMessage>(EVENTS);
    eventsOnB = wsB.subscribe<EventMessage>(EVENTS);
    alertsOnA = wsA.subscribe<AlertMessage>(ALERTS);
    alertsOnB = wsB.subscribe<AlertMessage>(ALERTS);
    // Both processes' subscribers are live once each has heard a write made through A.
    const probe = async (): Promise<void> => {
      await logThrough(a, daysAgo(40));
    };
    await primeSubscription(eventsOnA, probe);
    await primeSubscription(eventsOnB, probe);
    await primeSubscription(alertsOnA, probe);
    await primeSubscription(alertsOnB, probe);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await Promise.all(processes.map((api) => api.stop()));
    if (databaseName) {
      await withPgClient(DATABASE_URL ?? '', (client) =>
        client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
      );
    }
  }, 60_000);

  it('a subscriber on each process receives every event, whichever process wrote it', async () => {
    eventsOnA.clear();
    eventsOnB.clear();
    const complaint = await logThrough(a, daysAgo(1));
    await gqlData(b.url, ASSIGN, { id: complaint.id, handler: 'Sam Patel', expectedVersion: 1 });
    await gqlData(a.url, ACKNOWLEDGE, { id: complaint.id, expectedVersion: 2 });

    const expected = [
      { complaintId: complaint.id, version: 1, type: 'complaint-logged' },
      { complaintId: complaint.id, version: 2, type: 'complaint-assigned' },
      { complaintId: complaint.id, version: 3, type: 'complaint-acknowledged' },
    ];
    const of = (sub: Subscription<EventMessage>) =>
      sub.messages.map((m) => m.complaintEvents).filter((e) => e.complaintId === complaint.id);
    await eventsOnA.waitFor(() => of(eventsOnA).length >= 3, 10_000);
    await eventsOnB.waitFor(() => of(eventsOnB).length >= 3, 10_000);
    expect(of(eventsOnA)).toEqual(expected);
    expect(of(eventsOnB)).toEqual(expected);
  });

  it('raises each deadline alert exactly once with both watchers running', async () => {
    // Overdue from the start: received 30 days ago, never acknowledged. Logged through both.
    const ids = new Set<string>();
    for (let i = 0; i < OVERDUE_COMPLAINTS; i += 1) {
      const complaint = await logThrough(i % 2 === 0 ? a : b, daysAgo(30));
      ids.add(complaint.id);
    }
    const ours = (sub: Subscription<AlertMessage>) =>
      sub.messages.map((m) => m.deadlineAlerts).filter((alert) => ids.has(alert.complaintId));
    const acknowledgementsOverdue = (sub: Subscription<AlertMessage>) =>
      new Set(
        ours(sub)
          .filter((x) => x.kind === 'ACKNOWLEDGE' && x.alert === 'OVERDUE')
          .map((x) => x.complaintId),
      ).size;

    await alertsOnA.waitFor(
      () => acknowledgementsOverdue(alertsOnA) === OVERDUE_COMPLAINTS,
      20_000,
    );
    await alertsOnB.waitFor(
      () => acknowledgementsOverdue(alertsOnB) === OVERDUE_COMPLAINTS,
      20_000,
    );

    // Let both watchers run several more times over the same cases, then compare what was heard
    // with what the database recorded.
    const rows = await stableAlertRows(databaseUrl, [...ids]);
    await alertsOnA.waitFor(() => ours(alertsOnA).length >= rows.length, 5_000);
    await alertsOnB.waitFor(() => ours(alertsOnB).length >= rows.length, 5_000);

    const key = (x: {
      complaintId: string;
      stage: number;
      kind: string;
      alert: string;
      dueOn: string;
    }) =>
      `${x.complaintId}/${x.stage}/${x.kind.toUpperCase()}/${x.alert.toUpperCase().replace('-', '_')}/${x.dueOn}`;
    const heardOnA = ours(alertsOnA).map(key).sort();
    const heardOnB = ours(alertsOnB).map(key).sort();
    const recorded = rows.map(key).sort();

    expect(new Set(recorded).size).toBe(recorded.length);
    expect(heardOnA).toEqual(recorded);
    expect(heardOnB).toEqual(recorded);
    // Every case's acknowledgement alert is among them, once.
    expect(recorded.filter((k) => k.includes('/ACKNOWLEDGE/OVERDUE/'))).toHaveLength(
      OVERDUE_COMPLAINTS,
    );
    const raisers = new Set(rows.map((row) => row.raisedBy));
    console.info(
      `${rows.length} alerts raised once each, by watcher(s): ${[...raisers].join(', ')}`,
    );
  });
});

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

async function logThrough(api: ApiProcess, receivedAt: string): Promise<{ id: string }> {
  const data = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
    { input: logInput(receivedAt) },
  );
  return data.logComplaint;
}

interface AlertRow {
  complaintId: string;
  stage: number;
  kind: string;
  alert: string;
  dueOn: string;
  raisedBy: string | null;
}

/** The alert rows of these complaints, once the count has not moved for several watcher runs. */
async function stableAlertRows(databaseUrl: string, complaintIds: string[]): Promise<AlertRow[]> {
  return withPgClient(databaseUrl, async (client) => {
    let previous = -1;
    let steady = 0;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { rows } = await client.query<AlertRow>(
        `SELECT complaint_id AS "complaintId", stage, kind, alert, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
                raised_by AS "raisedBy"
           FROM deadline_alert WHERE complaint_id = ANY($1::uuid[])`,
        [complaintIds],
      );
      steady = rows.length === previous ? steady + 1 : 0;
      previous = rows.length;
      if (steady >= 5) return rows;
      await new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS));
    }
    throw new Error('The deadline_alert rows kept changing');
  });
}

function requireTsc(): string {
  return createRequire(import.meta.url).resolve('typescript/bin/tsc');
}
