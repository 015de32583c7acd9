// Reports read from a real streaming replica (DATABASE_REPLICA_URL): a primary and a standby made
// from the local PostgreSQL binaries (src/test/streaming-replica.ts), the API's own server over
// them. Cases are written through the primary; the figures and a CSV export are read back
// through the replica's connection, and shown to come from there by holding the standby's
// replay: while it is held, the primary has a case the figures and the CSV do not count. The same on PGlite and PostgreSQL runs: the
// pair is made here, whatever DATABASE_URL says. Where the binaries are absent, the test says why
// and returns early (the one test allowed to).
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { fixedClock, systemClock } from '../clock.js';
import { PolicyRepository } from '../policies/policy.repository.js';
import { PolicyService } from '../policies/policy.service.js';
import { createServer } from '../server.js';
import { createServices } from '../services.js';
import { LOG_COMPLAINT, logInput } from '../test/complaint-operations.js';
import { gqlData } from '../test/graphql-client.js';
import { findPostgresBinaries, startStreamingPair } from '../test/streaming-replica.js';
import { signInNewUser } from '../test/test-principals.js';
import { createDataSource, type Database } from './data-source.js';
import { createPgPubSub } from './pg-pubsub.js';
import { ReplicaError } from './replica.js';
import { transactionsOf } from './transactions.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const TSM_REPORT = /* GraphQL */ `
  query Tsm($year: Int!) {
    tsmReport(year: $year) {
      year
      stage1Received
      ch01Stage1
    }
  }
`;

/** The database the application uses on the primary: `postgres` stays empty, for the schema check. */
function onDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function scalar<T>(database: Database['reads'], sql: string): Promise<T> {
  const [row] = (await database.query(sql)) as { v: T }[];
  return row?.v as T;
}

describe('reports on a read replica', () => {
  it('reads the figures from a streaming standby while cases are written to the primary', async () => {
    const binaries = findPostgresBinaries();
    if (!('dir' in binaries)) {
      console.log(`The replica test did not run: ${binaries.absent}.`);
      return;
    }
    const pair = await startStreamingPair(binaries.dir);
    cleanups.push(() => pair.stop());
    const admin = await import('pg').then(({ default: pg }) => new pg.Client(pair.primaryUrl));
    await admin.connect();
    await admin.query('CREATE DATABASE redress');
    await admin.end();
    const primaryUrl = onDatabase(pair.primaryUrl, 'redress');
    const replicaUrl = onDatabase(pair.replicaUrl, 'redress');

    // The replica must hold the primary's schema: its empty `postgres` database is refused.
    await pair.waitForReplay();
    const emptyReplica = createDataSource({
      databaseUrl: primaryUrl,
      replicaUrl: pair.replicaUrl,
      replicaCatchUpMs: 500,
      poolSize: 2,
    });
    await expect(emptyReplica).rejects.toBeInstanceOf(ReplicaError);
    await expect(emptyReplica).rejects.toThrow(/holds no Redress schema/);

    const database = await createDataSource({
      databaseUrl: primaryUrl,
      replicaUrl,
      poolSize: 4,
      applicationName: 'redress-test',
    });
    cleanups.push(() => database.close());
    await new PolicyService(
      new PolicyRepository(database.dataSource),
      transactionsOf(database.dataSource),
    ).ensurePresets();
    const clock = fixedClock('2026-06-15T09:00:00Z');
    const pubsub = createPgPubSub(database.dataSource, database.listener);
    await pubsub.ready;
    cleanups.push(() => pubsub.close());
    const services = createServices(database.dataSource, {
      clock,
      authClock: systemClock,
      pubsub,
      reads: database.reads,
    });
    const server = createServer({
      services,
      pubsub,
      clock,
      dataSource: database.dataSource,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    await server.start(0, '127.0.0.1');
    cleanups.push(() => server.stop());
    const url = server.url.replace('localhost', '127.0.0.1');
    const { headers } = await signInNewUser(services, 'ANALYST');
    const { headers: handler } = await signInNewUser(services, 'ADMIN');

    // The read connection is the standby's: in recovery, and refusing writes; the main one is not.
    expect(await scalar<boolean>(database.reads, 'SELECT pg_is_in_recovery() AS v')).toBe(true);
    expect(await scalar<boolean>(database.dataSource, 'SELECT pg_is_in_recovery() AS v')).toBe(
      false,
    );
    expect(await scalar<string>(database.reads, "SELECT current_setting('port') AS v")).toBe(
      new URL(pair.replicaUrl).port,
    );
    await expect(database.reads.query("INSERT INTO migration VALUES (0, 0, 'x')")).rejects.toThrow(
      /read-only/,
    );

    const log = (receivedAt: string) =>
      gqlData(url, LOG_COMPLAINT, { input: logInput(receivedAt) }, handler);
    for (const day of ['2026-04-07', '2026-05-12', '2026-06-01']) await log(`${day}T10:00:00Z`);
    await pair.waitForReplay();
    const tsm = async () =>
      (
        await gqlData<{ tsmReport: { year: number; stage1Received: number } }>(
          url,
          TSM_REPORT,
          { year: 2026 },
          headers,
        )
      ).tsmReport;
    expect(await tsm()).toMatchObject({ year: 2026, stage1Received: 3 });
    // The CSV of the cases behind CH01 stage 1: a header row, then one row a case.
    const csvCases = async (): Promise<number> => {
      const response = await fetch(
        `${url.replace(/\/graphql$/, '')}/exports/measures/CH01_STAGE1/cases.csv?year=2026&part=numerator`,
        { headers },
      );
      const body = await response.text();
      expect(response.status, body).toBe(200);
      return body.trim().split('\n').length - 1;
    };
    expect(await csvCases()).toBe(3);

    // Replay held: a fourth case is on the primary and not on the standby, and the figure
    // still counts three, so it was read from the standby.
    await pair.pauseReplay();
    await log('2026-06-10T10:00:00Z');
    const onPrimary = await scalar<number>(
      database.dataSource,
      'SELECT count(*)::int AS v FROM complaint WHERE received_year = 2026 AND stage1_counted',
    );
    expect(onPrimary).toBe(4);
    expect(await tsm()).toMatchObject({ stage1Received: 3 });
    expect(await csvCases()).toBe(3);

    // Replay resumed: once the standby has caught up, the figure counts the fourth.
    await pair.resumeReplay();
    await pair.waitForReplay();
    expect(await tsm()).toMatchObject({ stage1Received: 4 });
    expect(await csvCases()).toBe(4);

    // A start just after a migration: the standby has not replayed it yet. It is waited for,
    // and refused with what to do once the wait is over.
    await pair.pauseReplay();
    await database.dataSource.query(
      "INSERT INTO migration (timestamp, name) VALUES (9999999999999, 'Later9999999999999')",
    );
    const behind = { databaseUrl: primaryUrl, replicaUrl, migrate: false, poolSize: 2 };
    await expect(createDataSource({ ...behind, replicaCatchUpMs: 300 })).rejects.toThrow(
      /replica's schema is at migration \d+, the primary's at 9999999999999/,
    );
    const caughtUp = createDataSource({ ...behind, replicaCatchUpMs: 20_000 });
    setTimeout(() => void pair.resumeReplay(), 1_000);
    const later = await caughtUp;
    expect(
      await scalar<string>(later.reads, 'SELECT max(timestamp)::text AS v FROM migration'),
    ).toBe('9999999999999');
    await later.close();
  }, 90_000);
});
