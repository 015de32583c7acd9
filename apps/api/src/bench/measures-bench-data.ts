// The measures benchmark's data: a million complaints' read-model rows on PostgreSQL, in a
// database of their own that later runs reuse.
//
// How they are made: a few thousand real cases first, each history decided by the domain
// (the demo's decide and evolve) and written by the service's import, so that the projection
// stores every measure column and action row from the domain's caseMeasures exactly as the
// write path does. Those rows are then multiplied in SQL (INSERT ... SELECT over
// generate_series) under fresh ids and references, each copy moved back 0 to 4 whole years
// (every date and timestamp, and each reporting-year column by as many years), so the million
// spreads over six reporting years and the demo's three tenures. A copy keeps its original's
// answers (on time or not, working days) and its snapshot; it has no events or deadline rows,
// which no measure reads. The database keeps a marker row naming how it was made: a later run
// that finds the same marker uses it as it is (seconds instead of minutes).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { fixedClock } from '../clock.js';
import { createDataSource, type Database } from '../database/data-source.js';
import { MIGRATIONS } from '../database/migrations/index.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { loadDemoDataWithReport } from '../demo/demo-data.js';
import { createServices } from '../services.js';

/** Bumped whenever what is generated changes, so an older database is made again. */
const GENERATOR_VERSION = 1;
/** The day the originals are decided up to: fixed, so every run makes the same cases. */
export const BENCH_NOW = '2026-11-30T12:00:00Z';
const YEAR_SHIFTS = 5;
const SEED_BATCH = 500;

export interface MeasuresData {
  readonly url: string;
  readonly databaseName: string;
  readonly complaints: number;
  readonly originals: number;
  readonly actions: number;
  /** Found ready from an earlier run. */
  readonly reused: boolean;
  readonly seconds: number;
}

export interface MeasuresDataOptions {
  readonly serverUrl: string;
  /** How many complaints in all (default 1,000,000). */
  readonly complaints: number;
  /** How many decided by the domain before copying (default 3,000). */
  readonly originals: number;
  readonly log: (line: string) => void;
}

/** The benchmark's database, made unless an earlier run left one with the same marker. */
export async function ensureMeasuresData(options: MeasuresDataOptions): Promise<MeasuresData> {
  const started = performance.now();
  const databaseName = `redress_bench_measures_${options.complaints}`;
  const url = withDatabase(options.serverUrl, databaseName);
  const key = markerKey(options);
  const found = await readMarker(options.serverUrl, databaseName);
  if (found?.key === key) {
    return { ...found, url, databaseName, reused: true, seconds: secondsSince(started) };
  }
  await serverQuery(options.serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await serverQuery(options.serverUrl, `CREATE DATABASE ${databaseName}`);
  const database = await createDataSource({
    databaseUrl: url,
    poolSize: 4,
    applicationName: 'redress-bench-measures',
  });
  try {
    const originals = await decideOriginals(database, options);
    options.log(
      `      ${originals.toLocaleString('en-GB')} cases decided by the domain and written by the service (${secondsSince(started).toFixed(0)} s)`,
    );
    await copyOriginals(database, options.complaints - originals);
    await addInputs(database);
    await database.dataSource.query('VACUUM ANALYZE');
    const [counts] = (await database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM complaint) AS complaints,
              (SELECT count(*)::int FROM complaint_action_measure) AS actions`,
    )) as { complaints: number; actions: number }[];
    const complaints = counts?.complaints ?? 0;
    const actions = counts?.actions ?? 0;
    await database.dataSource.query(
      `CREATE TABLE bench_marker (key text PRIMARY KEY, complaints int, originals int, actions int)`,
    );
    await database.dataSource.query('INSERT INTO bench_marker VALUES ($1, $2, $3, $4)', [
      key,
      complaints,
      originals,
      actions,
    ]);
    return {
      url,
      databaseName,
      complaints,
      originals,
      actions,
      reused: false,
      seconds: secondsSince(started),
    };
  } finally {
    await database.close();
  }
}

function markerKey(options: MeasuresDataOptions): string {
  const latest =
    MIGRATIONS.map((migration) => migration.name)
      .sort()
      .at(-1) ?? 'none';
  return `v${GENERATOR_VERSION}:${latest}:${options.complaints}:${options.originals}`;
}

async function readMarker(
  serverUrl: string,
  databaseName: string,
): Promise<{ key: string; complaints: number; originals: number; actions: number } | null> {
  const exists = (await serverQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [
    databaseName,
  ])) as unknown[];
  if (exists.length === 0) return null;
  try {
    const rows = (await serverQuery(
      withDatabase(serverUrl, databaseName),
      'SELECT key, complaints, originals, actions FROM bench_marker',
    )) as { key: string; complaints: number; originals: number; actions: number }[];
    return rows[0] ?? null;
  } catch {
    // No marker: a run that stopped part way. It is made again.
    return null;
  }
}

/** The demo's cases, decided by the domain over the 18 months before BENCH_NOW. */
async function decideOriginals(database: Database, options: MeasuresDataOptions): Promise<number> {
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  const clock = fixedClock(BENCH_NOW);
  const services = createServices(database.dataSource, { clock, pubsub });
  await services.policies.ensurePresets();
  let made = 0;
  try {
    while (made < options.originals) {
      const report = await loadDemoDataWithReport(services, clock, {
        count: Math.min(SEED_BATCH, options.originals - made),
        onlyIfEmpty: false,
        seed: 17 + made,
      });
      made += report.complaints;
    }
  } finally {
    await pubsub.close();
  }
  return made;
}

interface Column {
  readonly name: string;
  readonly type: string;
}

async function columnsOf(database: Database, table: string): Promise<Column[]> {
  return (await database.dataSource.query(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
        ORDER BY ordinal_position`,
    [table],
  )) as Column[];
}

/** A copy's value of a column: moved back `m.shift` years where it is a day, instant or year. */
function shifted(column: Column, replace: Readonly<Record<string, string>>): string {
  const own = replace[column.name];
  if (own) return own;
  const value = `c.${column.name}`;
  if (column.type === 'date') return `(${value} - make_interval(years => m.shift))::date`;
  if (column.type.startsWith('timestamp')) return `${value} - make_interval(years => m.shift)`;
  if (column.name.endsWith('_year') && column.type === 'integer') return `${value} - m.shift`;
  return value;
}

/**
 * `wanted` copies of the decided cases, in rounds of one statement per table, with the tables'
 * secondary indexes dropped while they are filled and built again after (a million rows into
 * a dozen indexes row by row takes several times as long as building them once).
 */
async function copyOriginals(database: Database, wanted: number): Promise<void> {
  const ds = database.dataSource;
  const started = performance.now();
  const [{ n: originals = 0 } = {}] = (await ds.query(
    'SELECT count(*)::int AS n FROM complaint',
  )) as { n?: number }[];
  if (originals === 0 || wanted <= 0) return;
  const rounds = Math.ceil(wanted / originals);
  // References count up within each year after the originals' (CMP-YYYY-NNNNNN).
  await ds.query(`CREATE UNLOGGED TABLE bench_copy AS
    SELECT old_id, gen_random_uuid() AS new_id, round, shift,
           'CMP-' || ref_year || '-' || lpad((500000 + row_number() OVER (
             PARTITION BY ref_year ORDER BY round, received_at, old_id))::text, 6, '0') AS new_ref
      FROM (SELECT c.id AS old_id, c.received_at, g AS round, g % ${YEAR_SHIFTS} AS shift,
                   to_char(c.received_on - make_interval(years => g % ${YEAR_SHIFTS}), 'YYYY') AS ref_year
              FROM complaint c CROSS JOIN generate_series(1, ${rounds}) AS g
             ORDER BY g, c.received_at
             LIMIT ${wanted}) s`);
  await ds.query('CREATE INDEX ON bench_copy (round)');
  const indexes = await dropSecondaryIndexes(database, ['complaint', 'complaint_action_measure']);
  const complaintColumns = await columnsOf(database, 'complaint');
  const actionColumns = await columnsOf(database, 'complaint_action_measure');
  const complaintValues = complaintColumns
    .map((column) => shifted(column, { id: 'm.new_id', reference: 'm.new_ref' }))
    .join(', ');
  const actionValues = actionColumns
    .map((column) => shifted(column, { complaint_id: 'm.new_id' }))
    .join(', ');
  const perStatement = Math.max(1, Math.floor(100_000 / originals));
  for (let first = 1; first <= rounds; first += perStatement) {
    const last = Math.min(rounds, first + perStatement - 1);
    await ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO complaint (${complaintColumns.map((c) => c.name).join(', ')})
         SELECT ${complaintValues} FROM bench_copy m JOIN complaint c ON c.id = m.old_id
          WHERE m.round BETWEEN $1 AND $2`,
        [first, last],
      );
      await tx.query(
        `INSERT INTO complaint_action_measure (${actionColumns.map((c) => c.name).join(', ')})
         SELECT ${actionValues} FROM bench_copy m JOIN complaint_action_measure c ON c.complaint_id = m.old_id
          WHERE m.round BETWEEN $1 AND $2`,
        [first, last],
      );
    });
  }
  const copiedSeconds = secondsSince(started);
  for (const definition of indexes) {
    await ds.transaction(async (tx) => {
      await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
      await tx.query(definition);
    });
  }
  await ds.query('DROP TABLE bench_copy');
  console.log(
    `      ${wanted.toLocaleString('en-GB')} copies made in SQL (${copiedSeconds.toFixed(0)} s), ${indexes.length} indexes built again (${(secondsSince(started) - copiedSeconds).toFixed(0)} s)`,
  );
}

/** Drops the tables' indexes that back no constraint; returns the statements that make them. */
async function dropSecondaryIndexes(
  database: Database,
  tables: readonly string[],
): Promise<string[]> {
  const rows = (await database.dataSource.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
    [tables],
  )) as { name: string; definition: string }[];
  for (const row of rows) await database.dataSource.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}

/**
 * Homes for every year and tenure the complaints fall in, and survey responses for TP09 (a
 * third satisfied), so that every figure of the report has something to divide by.
 */
async function addInputs(database: Database): Promise<void> {
  await database.dataSource.query(
    `INSERT INTO homes (year, tenure, homes, updated_at, updated_by)
     SELECT y, t, CASE t WHEN 'lcra' THEN 124000 WHEN 'lcho' THEN 18500 ELSE 2600 END, now(), 'system:bench'
       FROM (SELECT DISTINCT received_year AS y FROM complaint WHERE received_year IS NOT NULL) years
       CROSS JOIN unnest(ARRAY['lcra', 'lcho', 'other']) AS t
     ON CONFLICT (year, tenure) DO NOTHING`,
  );
  await database.dataSource.query(
    `INSERT INTO survey_response (id, respondent, tenure, answered_on, reporting_year,
       complained_in_last_12_months, complaint_handling, recorded_at, recorded_by)
     SELECT gen_random_uuid(), 'R-' || y || '-' || lpad(i::text, 5, '0'),
            (ARRAY['lcra', 'lcra', 'lcra', 'lcho', 'other'])[1 + i % 5],
            make_date(y, 9, 1) + (i % 180), y, i % 4 <> 0,
            CASE WHEN i % 4 = 0 THEN NULL
                 ELSE (ARRAY['very-satisfied', 'fairly-satisfied', 'neither', 'fairly-dissatisfied',
                             'very-dissatisfied', 'very-dissatisfied'])[1 + i % 6] END,
            now(), 'system:bench'
       FROM (SELECT DISTINCT received_year AS y FROM complaint WHERE received_year IS NOT NULL) years
       CROSS JOIN generate_series(1, 2000) AS i
     ON CONFLICT DO NOTHING`,
  );
}

async function serverQuery(url: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
