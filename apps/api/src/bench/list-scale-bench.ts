// The list at scale (started by run.ts): every page the console's complaint list requests, timed
// on PostgreSQL at 10,000 complaints and again at 100,000, each with and without totalCount. The
// complaints are the demo's (the domain's decide and evolve, written by the service's bulk
// import: the same rows the write path writes), received over the 18 months before now.
//
// PostgreSQL only (DATABASE_URL): it creates a database of its own on that server and drops it at
// the end. A few minutes, most of it seeding.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { addCalendarDays, dayOfWeek, localDateOf, replay, upgradeState } from '@redress/domain';
import pg from 'pg';
import { pino } from 'pino';
import { systemPrincipal } from '../auth/principal.js';
import { systemClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { loadDemoDataWithReport } from '../demo/demo-data.js';
import { createServer } from '../server.js';
import { createServices, type Services } from '../services.js';
import { httpClient, percentile } from './load.js';

// REDRESS_SCALE_SIZES=2000,5000 tries it smaller.
const SIZES: readonly number[] = process.env.REDRESS_SCALE_SIZES?.split(',').map(Number) ?? [
  10_000, 100_000,
];
/** Cases seeded per import: one statement each, a few seconds. */
const SEED_BATCH = Number(process.env.REDRESS_SCALE_BATCH ?? 500);
const PAGE_SIZE = 50;
const WARMUP = 5;
const RUNS = 25;
const GOAL_MS = 20;
const PASSWORD = 'a long benchmark password nobody would guess';

/** What the console's list shows of each complaint: the deadline chip among it. */
const NODE_FIELDS = `id reference status stage receivedAt category assignee
  complainant { name }
  nextDeadline { stage kind dueOn state stateLabel workingDaysLeft }`;

interface PageSpec {
  readonly name: string;
  readonly args: string;
  /** Signed in as a handler (their own queue), not as an admin. */
  readonly asHandler?: boolean;
}

export async function listScaleBenchmark(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `(c) the complaint list at ${SIZES.map((n) => n.toLocaleString('en-GB')).join(' and ')} complaints`,
  );
  if (!serverUrl) {
    console.log(
      '    skipped: DATABASE_URL is not set, and this benchmark measures PostgreSQL (PGlite is for one person on a laptop, not a large landlord).\n',
    );
    return;
  }
  const databaseName = `redress_scale_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const database = await createDataSource({
      databaseUrl: url.toString(),
      poolSize: 4,
      applicationName: 'redress-bench-scale',
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
    const client = httpClient(1);
    cleanups.push(async () => client.close());

    const results = new Map<string, number[]>();
    let seeded = 0;
    let seedSeconds = 0;
    let decideMs = 0;
    let copiedSample = 0;
    let writeMs = 0;
    let specs: PageSpec[] = [];
    let tokens: { admin: string; handler: string; handlerName: string } | undefined;
    for (const size of SIZES) {
      const started = performance.now();
      // Past the first size, the decided cases are copied in SQL under new ids and references.
      if (seeded >= (SIZES[0] ?? 0)) {
        const { copied, sample } = await copyCases(database.dataSource, size - seeded);
        await checkCopies(services, sample);
        seeded += copied;
        copiedSample = sample.length;
      }
      while (seeded < size) {
        const count = Math.min(SEED_BATCH, size - seeded);
        const report = await loadDemoDataWithReport(services, systemClock, {
          count,
          onlyIfEmpty: false,
          seed: 9 + seeded,
          staffPassword: PASSWORD,
        });
        seeded += report.complaints;
        decideMs += report.timings.decideMs;
        writeMs += report.timings.writeMs;
      }
      // As autovacuum leaves a table between bursts of writes: the GIN index's pending list
      // merged (a bulk load leaves it long, and every text search then reads all of it).
      await database.dataSource.query('VACUUM ANALYZE');
      seedSeconds += (performance.now() - started) / 1000;
      const [{ n = 0 } = {}] = (await database.dataSource.query(
        'SELECT count(*)::int AS n FROM complaint',
      )) as { n?: number }[];
      console.log(
        `    seeded ${n.toLocaleString('en-GB')} complaints (${seedSeconds.toFixed(0)} s so far: ${(decideMs / 1000).toFixed(0)} s deciding histories, ${(writeMs / 1000).toFixed(0)} s importing them, the rest copying${copiedSample > 0 ? `; ${copiedSample} copies checked against the fold of their events` : ''})`,
      );
      tokens ??= await signIn(services, database.dataSource);
      if (specs.length === 0) specs = await pageSpecs(database.dataSource, tokens.handlerName);
      const { admin: adminToken, handler } = tokens;
      const post = async (query: string, asHandler: boolean): Promise<unknown> => {
        const answer = await client.post(apiUrl, JSON.stringify({ query }), {
          authorization: asHandler ? handler : adminToken,
        });
        const body = JSON.parse(answer.body) as { data?: unknown; errors?: unknown };
        if (answer.status !== 200 || body.errors) {
          throw new Error(`The API answered ${answer.status}: ${answer.body.slice(0, 400)}`);
        }
        return body.data;
      };
      // The cursor page continues after the first page's last complaint.
      const first = (await post(
        `{ complaints(first: ${PAGE_SIZE}) { pageInfo { endCursor } } }`,
        false,
      )) as { complaints: { pageInfo: { endCursor: string } } };
      const pages = [
        ...specs,
        {
          name: 'a cursor page (the second)',
          args: `first: ${PAGE_SIZE}, after: ${JSON.stringify(first.complaints.pageInfo.endCursor)}`,
        },
      ];
      for (const page of pages) {
        for (const withCount of [true, false]) {
          const query = `{ complaints(${page.args}) {
              ${withCount ? 'totalCount' : ''}
              nodes { ${NODE_FIELDS} }
              pageInfo { hasNextPage endCursor }
            } }`;
          for (let i = 0; i < WARMUP; i += 1) await post(query, page.asHandler === true);
          const times: number[] = [];
          for (let i = 0; i < RUNS; i += 1) {
            const t0 = performance.now();
            await post(query, page.asHandler === true);
            times.push(performance.now() - t0);
          }
          const key = `${page.name}|${withCount}`;
          results.set(key, [
            ...(results.get(key) ?? []),
            percentile(
              times.sort((a, b) => a - b),
              0.5,
            ),
          ]);
        }
      }
      if (size === SIZES[SIZES.length - 1]) {
        printTable(pages, results);
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
    // REDRESS_SCALE_KEEP=1 keeps the database, to EXPLAIN its statements afterwards.
    if (process.env.REDRESS_SCALE_KEEP === '1') console.log(`    kept database ${databaseName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
}

function printTable(pages: readonly PageSpec[], results: ReadonlyMap<string, number[]>): void {
  const [small, large] = SIZES.map((n) => n.toLocaleString('en-GB'));
  console.log(
    `    median ms over ${RUNS} requests, one at a time, over HTTP on loopback (first: ${PAGE_SIZE}, with each complaint's next deadline)`,
  );
  console.log(
    `    ${'page'.padEnd(44)} ${`${small}: with count`.padStart(20)} ${'without'.padStart(8)}   ${`${large}: with count`.padStart(21)} ${'without'.padStart(8)}`,
  );
  let worst = 0;
  for (const page of pages) {
    const withCount = results.get(`${page.name}|true`) ?? [];
    const without = results.get(`${page.name}|false`) ?? [];
    worst = Math.max(worst, ...withCount, ...without);
    const cell = (values: number[], index: number, width: number) =>
      (values[index] === undefined ? '-' : (values[index] as number).toFixed(1)).padStart(width);
    console.log(
      `    ${page.name.padEnd(44)} ${cell(withCount, 0, 20)} ${cell(without, 0, 8)}   ${cell(withCount, 1, 21)} ${cell(without, 1, 8)}`,
    );
  }
  console.log(
    `    slowest: ${worst.toFixed(1)} ms (goal <= ${GOAL_MS} ms for every page: ${worst <= GOAL_MS ? 'met' : 'NOT met'})\n`,
  );
}

/** An admin, and the handler with the most cases (for "mine"), both signed in. */
async function signIn(
  services: Services,
  dataSource: Parameters<typeof createServices>[0],
): Promise<{ admin: string; handler: string; handlerName: string }> {
  const email = 'admin@scale.redress.invalid';
  await services.users.createUnchecked(systemPrincipal('bench'), {
    email,
    name: 'Scale Admin',
    role: 'ADMIN',
    password: PASSWORD,
  });
  const from = { address: '127.0.0.1', userAgent: 'bench' };
  const adminToken = (await services.auth.signIn(email, PASSWORD, from)).accessToken;
  const [busiest] = (await dataSource.query(
    `SELECT u.email, c.assignee FROM complaint c JOIN app_user u ON u.id = c.assignee_id
      GROUP BY u.email, c.assignee ORDER BY count(*) DESC LIMIT 1`,
  )) as { email: string; assignee: string }[];
  if (!busiest) throw new Error('No demo case has a handler.');
  const handlerToken = (await services.auth.signIn(busiest.email, PASSWORD, from)).accessToken;
  return {
    admin: `Bearer ${adminToken}`,
    handler: `Bearer ${handlerToken}`,
    handlerName: busiest.assignee,
  };
}

/** The pages the console's list requests, with values the data holds. */
async function pageSpecs(
  dataSource: Parameters<typeof createServices>[0],
  handlerName: string,
): Promise<PageSpec[]> {
  const [category] = (await dataSource.query(
    'SELECT category FROM complaint GROUP BY category ORDER BY count(*) DESC LIMIT 1',
  )) as { category: string }[];
  const today = localDateOf(new Date());
  // The end of this week: the Sunday after today (today itself on a Sunday).
  const endOfWeek = addCalendarDays(today, (7 - dayOfWeek(today)) % 7);
  const list = (filter: string, order = '') =>
    `first: ${PAGE_SIZE}${filter ? `, filter: { ${filter} }` : ''}${order ? `, orderBy: ${order}` : ''}`;
  const handler = JSON.stringify(handlerName);
  return [
    { name: 'first page (newest first)', args: list('') },
    { name: 'overdue', args: list('overdue: true') },
    { name: 'due this week', args: list(`dueBefore: "${endOfWeek}"`) },
    { name: 'stage 2', args: list('stage: 2') },
    { name: 'status acknowledged', args: list('status: [ACKNOWLEDGED]') },
    {
      name: `category "${category?.category ?? 'repairs'}"`,
      args: list(`category: ${JSON.stringify(category?.category ?? 'repairs')}`),
    },
    { name: 'assignee (as an admin)', args: list(`assignee: ${handler}`) },
    {
      name: "mine (the handler's own, in their queue)",
      args: list(`assignee: ${handler}`),
      asHandler: true,
    },
    { name: 'text "mould"', args: list('text: "mould"') },
    {
      name: 'ordered by next due date',
      args: list('', '{ field: NEXT_DUE_ON, direction: ASC }'),
    },
    {
      name: 'overdue, by next due date',
      args: list('overdue: true', '{ field: NEXT_DUE_ON, direction: ASC }'),
    },
  ];
}

/**
 * Copies of the cases decided so far, under new ids and references, until `wanted` more: each
 * the rows the write path writes for the same history logged under that id and reference (the
 * case's row and snapshot, its events, its deadline rows), in three statements a round. Deciding
 * and importing through the service runs at about 150 cases a second on a busy two-core machine:
 * 100,000 would take a quarter of an hour. Cases merged with another, or converted from a service
 * request, name another record, and are not copied.
 */
async function copyCases(
  dataSource: Parameters<typeof createServices>[0],
  wanted: number,
): Promise<{ copied: number; sample: string[] }> {
  const sample: string[] = [];
  const columns = (
    (await dataSource.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'complaint'
          AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    )) as { column_name: string }[]
  ).map((row) => row.column_name);
  const value = (column: string): string => {
    if (column === 'id') return 'm.new_id';
    if (column === 'reference') return 'm.new_ref';
    if (column === 'state')
      return 'replace(replace(c.state::text, m.old_id::text, m.new_id::text), m.old_ref, m.new_ref)::jsonb';
    return `c.${column}`;
  };
  let copied = 0;
  while (copied < wanted) {
    await dataSource.transaction(async (manager) => {
      await manager.query('DROP TABLE IF EXISTS copy_map');
      await manager.query(
        `CREATE TEMP TABLE copy_map ON COMMIT DROP AS
         SELECT c.id AS old_id, gen_random_uuid() AS new_id, c.reference AS old_ref,
                'CMP-' || split_part(c.reference, '-', 2) || '-' ||
                  lpad(nextval('complaint_reference_seq')::text, 6, '0') AS new_ref
           FROM complaint c
          WHERE c.merged_into_id IS NULL AND c.service_request_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM complaint_event e
                             WHERE e.complaint_id = c.id
                               AND e.type IN ('merged-into', 'duplicate-absorbed'))
          ORDER BY c.received_at
          LIMIT $1`,
        [wanted - copied],
      );
      const [{ n = 0 } = {}] = (await manager.query('SELECT count(*)::int AS n FROM copy_map')) as {
        n?: number;
      }[];
      await manager.query(
        `INSERT INTO complaint (${columns.join(', ')})
         SELECT ${columns.map(value).join(', ')} FROM complaint c JOIN copy_map m ON m.old_id = c.id`,
      );
      await manager.query(
        `INSERT INTO complaint_event
           (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id, actor_name)
         SELECT m.new_id, e.version, e.type,
                replace(replace(e.payload::text, m.old_id::text, m.new_id::text), m.old_ref, m.new_ref)::jsonb,
                e.occurred_at, e.actor_kind, e.actor_id, e.actor_name
           FROM complaint_event e JOIN copy_map m ON m.old_id = e.complaint_id
          ORDER BY e.occurred_at, m.new_id, e.version`,
      );
      await manager.query(
        `INSERT INTO complaint_event_personal (complaint_id, version, personal)
         SELECT m.new_id, p.version, p.personal
           FROM complaint_event_personal p JOIN copy_map m ON m.old_id = p.complaint_id`,
      );
      await manager.query(
        `INSERT INTO complaint_deadline
           (complaint_id, stage, kind, due_on, warn_on, met_at, provisional, stopped_at,
            last_alert, last_alert_on)
         SELECT m.new_id, d.stage, d.kind, d.due_on, d.warn_on, d.met_at, d.provisional,
                d.stopped_at, d.last_alert, d.last_alert_on
           FROM complaint_deadline d JOIN copy_map m ON m.old_id = d.complaint_id`,
      );
      const picked = (await manager.query(
        'SELECT new_id FROM copy_map ORDER BY random() LIMIT 40',
      )) as { new_id: string }[];
      sample.push(...picked.map((row) => row.new_id));
      copied += n;
    });
  }
  return { copied, sample };
}

/** A sample of the copies read back equal to the fold of their own events, by the domain. */
async function checkCopies(services: Services, sample: readonly string[]): Promise<void> {
  const events = await services.complaints.eventsFor(sample);
  for (const id of sample) {
    const record = await services.complaints.repository.findById(id);
    const folded = replay((events.get(id) ?? []).map((event) => event.payload));
    if (!record || !folded || !isDeepStrictEqual(upgradeState(folded), record.state)) {
      throw new Error(`The copied case ${id} does not read back as the fold of its events.`);
    }
  }
}
