// The measures at a million complaints (started by run.ts, REDRESS_BENCH=measures): the TSM
// report through the API's real HTTP server against the same counts asked of PostgreSQL by
// hand-written SQL through `pg` (the baseline), and the CSV of the cases behind CH02 stage 1
// against a plain streamed read of the same rows. The data is made once (measures-bench-data.ts
// says how) and kept in its own database for the next run.
//
// PostgreSQL only (DATABASE_URL). The first run takes a few minutes, most of it copying; later
// runs find the database ready.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { systemPrincipal } from '../auth/principal.js';
import { fixedClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { createServer } from '../server.js';
import { createServices, type Services } from '../services.js';
import { BENCH_NOW, ensureMeasuresData, type MeasuresData } from './measures-bench-data.js';
import { httpClient, median, percentile } from './load.js';

const COMPLAINTS = Number(process.env.REDRESS_MEASURES_COMPLAINTS ?? 1_000_000);
const ORIGINALS = Number(process.env.REDRESS_MEASURES_ORIGINALS ?? 3_000);
const WARMUP = 5;
const RUNS = Number(process.env.REDRESS_MEASURES_RUNS ?? 25);
const CSV_RUNS = 3;
const PASSWORD = 'a long benchmark password nobody would guess';
/** The goal: the API within 1.2 times the baseline plus 20 ms, and under 500 ms. */
const GOAL = { factor: 1.2, plusMs: 20, underMs: 500 };

const TSM_FIELDS = `year tenure from to homes stage1Received stage2Received stage1Responded
  stage1RespondedOnTime stage1RespondedOnTimeWithoutExtensions stage2Responded
  stage2RespondedOnTime stage2RespondedOnTimeWithoutExtensions surveyRespondents surveySatisfied
  ch01Stage1 ch01Stage2 ch02Stage1 ch02Stage2 ch02Stage1WithoutExtensions
  ch02Stage2WithoutExtensions tp09`;

/**
 * The counts tsmReport answers, asked by hand in the fastest form found for them: one
 * sub-select per population, each an index-only scan of its year's range of the index that
 * carries its answers. (One pass with a FILTER per count reads the whole table instead: 1.4 s
 * at 1,000,000 cases against 0.16 s, docs/benchmarks.md.)
 */
const BASELINE_COUNTS = (tenure: boolean) => {
  const t = tenure ? ' AND tenure = $2' : '';
  return `
  SELECT r1."stage1Received", r2."stage2Received", s1."stage1Responded",
         s1."stage1RespondedOnTime", s1."stage1RespondedOnTimeWithoutExtensions",
         s2."stage2Responded", s2."stage2RespondedOnTime",
         s2."stage2RespondedOnTimeWithoutExtensions"
  FROM (SELECT count(*)::int AS "stage1Received" FROM complaint
         WHERE stage1_counted AND received_year = $1${t}) r1
  CROSS JOIN (SELECT count(*)::int AS "stage2Received" FROM complaint
               WHERE stage2_counted AND stage2_received_year = $1${t}) r2
  CROSS JOIN (SELECT count(*)::int AS "stage1Responded",
                     count(*) FILTER (WHERE stage1_on_time)::int AS "stage1RespondedOnTime",
                     count(*) FILTER (WHERE stage1_on_time_without_extensions)::int
                       AS "stage1RespondedOnTimeWithoutExtensions"
                FROM complaint WHERE stage1_responded_year = $1${t}) s1
  CROSS JOIN (SELECT count(*)::int AS "stage2Responded",
                     count(*) FILTER (WHERE stage2_on_time)::int AS "stage2RespondedOnTime",
                     count(*) FILTER (WHERE stage2_on_time_without_extensions)::int
                       AS "stage2RespondedOnTimeWithoutExtensions"
                FROM complaint WHERE stage2_responded_year = $1${t}) s2`;
};
const BASELINE_HOMES = (tenure: boolean) =>
  `SELECT sum(homes)::int AS homes FROM homes WHERE year = $1${tenure ? ' AND tenure = $2' : ''}`;
const BASELINE_SURVEY = (tenure: boolean) => `
  SELECT count(*) FILTER (WHERE complaint_handling IS NOT NULL)::int AS respondents,
         count(*) FILTER (WHERE complaint_handling IN ('very-satisfied', 'fairly-satisfied'))::int
           AS satisfied
    FROM survey_response
   WHERE reporting_year = $1 AND complained_in_last_12_months${tenure ? ' AND tenure = $2' : ''}`;

/** The rows of /exports/measures/CH02_STAGE1/cases.csv?part=denominator, read by hand. */
const BASELINE_CASES = `
  SELECT id, reference, 1 AS stage, tenure, category, received_on, stage1_responded_on,
         stage1_on_time, stage1_outcome, team_id
    FROM complaint WHERE stage1_responded_year = $1 ORDER BY reference`;

export async function measuresBenchmark(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  console.log(`(d) the measures at ${COMPLAINTS.toLocaleString('en-GB')} complaints`);
  if (!serverUrl) {
    console.log(
      '    skipped: DATABASE_URL is not set, and this benchmark measures PostgreSQL (a landlord with a million complaints does not run on PGlite).\n',
    );
    return;
  }
  const data = await ensureMeasuresData({
    serverUrl,
    complaints: COMPLAINTS,
    originals: ORIGINALS,
    log: (line) => console.log(line),
  });
  describeData(data);
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const database = await createDataSource({
      databaseUrl: data.url,
      poolSize: 10,
      applicationName: 'redress-bench-measures',
    });
    cleanups.push(() => database.close());
    const clock = fixedClock(BENCH_NOW);
    const pubsub = createPgPubSub(database.dataSource, database.listener);
    cleanups.push(() => pubsub.close());
    const services = createServices(database.dataSource, { clock, pubsub });
    const api = createServer({
      services,
      pubsub,
      clock,
      dataSource: database.dataSource,
      logger: pino({ level: 'error' }),
    });
    await api.start(0, '127.0.0.1');
    cleanups.push(() => api.stop());
    const apiUrl = api.url.replace('localhost', '127.0.0.1');
    const baseUrl = apiUrl.replace(/\/graphql$/, '');
    const client = httpClient(1);
    cleanups.push(async () => client.close());
    const authorization = await signInAnalyst(services);
    const pool = new pg.Pool({ connectionString: data.url, max: 3 });
    cleanups.push(() => pool.end());

    const year = await busiestYear(pool);
    console.log(
      `    reporting year ${year}-${String((year + 1) % 100).padStart(2, '0')}: ${(await yearSize(pool, year)).toLocaleString('en-GB')} complaints received in it`,
    );
    const loadBefore = loadavg()[0] ?? 0;
    for (const tenure of [null, 'lcra'] as const) {
      await tsmComparison({ client, apiUrl, authorization, pool, year, tenure });
    }
    await csvComparison({ baseUrl, authorization, pool, year });
    const load = Math.max(loadBefore, loadavg()[0] ?? 0);
    console.log(
      `    load average ${load.toFixed(1)} on ${availableParallelism()} cores${load > 6 ? ' (over 6: the machine was busy, read the times as upper bounds)' : ''}\n`,
    );
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
  }
}

function describeData(data: MeasuresData): void {
  console.log(
    data.reused
      ? `    database ${data.databaseName} reused (its marker matched: ${data.complaints.toLocaleString('en-GB')} complaints, ${data.actions.toLocaleString('en-GB')} action rows; ${data.seconds.toFixed(1)} s to check)`
      : `    database ${data.databaseName} made in ${data.seconds.toFixed(0)} s: ${data.originals.toLocaleString('en-GB')} cases decided by the domain and written by the service (the projection's measure columns), copied in SQL to ${data.complaints.toLocaleString('en-GB')} under new ids and references, moved back 0-4 years; ${data.actions.toLocaleString('en-GB')} action rows. Kept for the next run.`,
  );
}

interface TsmRun {
  readonly client: ReturnType<typeof httpClient>;
  readonly apiUrl: string;
  readonly authorization: string;
  readonly pool: pg.Pool;
  readonly year: number;
  readonly tenure: 'lcra' | null;
}

async function tsmComparison(run: TsmRun): Promise<void> {
  const { client, apiUrl, authorization, pool, year, tenure } = run;
  const query = `{ tsmReport(year: ${year}${tenure ? `, tenure: ${tenure.toUpperCase()}` : ''}) { ${TSM_FIELDS} } }`;
  const viaApi = async (): Promise<Record<string, unknown>> => {
    const answer = await client.post(apiUrl, JSON.stringify({ query }), { authorization });
    const body = JSON.parse(answer.body) as { data?: { tsmReport: Record<string, unknown> } };
    if (answer.status !== 200 || !body.data) {
      throw new Error(`tsmReport answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    }
    return body.data.tsmReport;
  };
  const params = tenure ? [year, tenure] : [year];
  const byHand = async (): Promise<Record<string, unknown>> => {
    const [counts, homes, survey] = await Promise.all([
      pool.query(BASELINE_COUNTS(tenure !== null), params),
      pool.query(BASELINE_HOMES(tenure !== null), params),
      pool.query(BASELINE_SURVEY(tenure !== null), params),
    ]);
    return {
      ...(counts.rows[0] as object),
      homes: (homes.rows[0] as { homes: number | null }).homes,
      surveyRespondents: (survey.rows[0] as { respondents: number }).respondents,
      surveySatisfied: (survey.rows[0] as { satisfied: number }).satisfied,
    };
  };
  const api = await timed(viaApi);
  const baseline = await timed(byHand);
  // The two must count the same, or the comparison means nothing.
  for (const [field, value] of Object.entries(baseline.last)) {
    if (api.last[field] !== value) {
      throw new Error(
        `tsmReport's ${field} is ${String(api.last[field])}; the hand-written SQL counts ${String(value)}.`,
      );
    }
  }
  const apiMs = median(api.times);
  const baselineMs = median(baseline.times);
  const allowed = Math.min(GOAL.factor * baselineMs + GOAL.plusMs, GOAL.underMs);
  const met = apiMs <= GOAL.factor * baselineMs + GOAL.plusMs && apiMs < GOAL.underMs;
  const counted = api.last as { stage1Received: number; stage1Responded: number };
  console.log(
    `    tsmReport(${tenure ? `tenure: ${tenure.toUpperCase()}` : 'all tenures'}): ${counted.stage1Received.toLocaleString('en-GB')} received at stage 1, ${counted.stage1Responded.toLocaleString('en-GB')} responded to`,
  );
  console.log(
    `      API over HTTP: median ${apiMs.toFixed(1)} ms (p95 ${percentile(
      [...api.times].sort((a, b) => a - b),
      0.95,
    ).toFixed(1)});` +
      ` the same counts by hand through pg: median ${baselineMs.toFixed(1)} ms; ratio ${(apiMs / baselineMs).toFixed(2)}x` +
      ` (goal <= ${GOAL.factor}x + ${GOAL.plusMs} ms = ${allowed.toFixed(1)} ms, under ${GOAL.underMs} ms: ${met ? 'met' : 'NOT met'})`,
  );
}

/** WARMUP calls, then RUNS timed one at a time; the last answer kept to compare. */
async function timed<T>(call: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  let last = await call();
  for (let i = 1; i < WARMUP; i += 1) last = await call();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    last = await call();
    times.push(performance.now() - started);
  }
  return { times, last };
}

interface CsvRun {
  readonly baseUrl: string;
  readonly authorization: string;
  readonly pool: pg.Pool;
  readonly year: number;
}

async function csvComparison({ baseUrl, authorization, pool, year }: CsvRun): Promise<void> {
  const url = `${baseUrl}/exports/measures/CH02_STAGE1/cases.csv?year=${year}&part=denominator`;
  const download = async (): Promise<{ rows: number; bytes: number }> => {
    const response = await fetch(url, { headers: { authorization } });
    if (response.status !== 200 || !response.body) {
      throw new Error(
        `${url} answered ${response.status}: ${(await response.text()).slice(0, 400)}`,
      );
    }
    let lines = 0;
    let bytes = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    // The header row is not a case.
    return { rows: lines - 1, bytes };
  };
  const byHand = async (): Promise<{ rows: number; bytes: number }> => {
    const connection = await pool.connect();
    try {
      return await new Promise((resolve, reject) => {
        let rows = 0;
        let bytes = 0;
        // Rows handed over one by one as they arrive, none kept: a cursor-like plain read.
        const query = new pg.Query(BASELINE_CASES, [year]);
        query.on('row', (row: Record<string, unknown>) => {
          rows += 1;
          bytes += Object.values(row).join(',').length + 1;
        });
        query.on('end', () => resolve({ rows, bytes }));
        query.on('error', reject);
        void connection.query(query);
      });
    } finally {
      connection.release();
    }
  };
  const measure = async (read: () => Promise<{ rows: number; bytes: number }>) => {
    const rates: number[] = [];
    let rows = 0;
    let bytes = 0;
    for (let i = 0; i < CSV_RUNS; i += 1) {
      const started = performance.now();
      ({ rows, bytes } = await read());
      rates.push(rows / ((performance.now() - started) / 1000));
    }
    return { rate: median(rates), rows, bytes };
  };
  const api = await measure(download);
  const baseline = await measure(byHand);
  if (api.rows !== baseline.rows) {
    throw new Error(
      `The CSV holds ${api.rows} cases; the hand-written SQL reads ${baseline.rows}.`,
    );
  }
  console.log(
    `    cases behind CH02 stage 1 (the denominator), ${api.rows.toLocaleString('en-GB')} rows, ${(api.bytes / 1e6).toFixed(1)} MB of CSV:` +
      ` the API's CSV over HTTP ${Math.round(api.rate).toLocaleString('en-GB')} rows/s;` +
      ` the same rows streamed by hand through pg ${Math.round(baseline.rate).toLocaleString('en-GB')} rows/s (${(api.rate / baseline.rate).toFixed(2)}x; median of ${CSV_RUNS})`,
  );
}

async function busiestYear(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query(
    `SELECT received_year AS year FROM complaint WHERE received_year IS NOT NULL
      GROUP BY received_year ORDER BY count(*) DESC, received_year DESC LIMIT 1`,
  );
  const year = (rows[0] as { year?: number } | undefined)?.year;
  if (year === undefined) throw new Error('The benchmark database holds no complaints.');
  return year;
}

async function yearSize(pool: pg.Pool, year: number): Promise<number> {
  const { rows } = await pool.query(
    'SELECT count(*)::int AS n FROM complaint WHERE received_year = $1',
    [year],
  );
  return (rows[0] as { n: number }).n;
}

/** An analyst (measures:read), signed in through the real sign-in. */
async function signInAnalyst(services: Services): Promise<string> {
  const email = `analyst.${Date.now()}@measures.redress.invalid`;
  await services.users.createUnchecked(systemPrincipal('bench'), {
    email,
    name: 'Measures Analyst',
    role: 'ANALYST',
    password: PASSWORD,
  });
  const signedIn = await services.auth.signIn(email, PASSWORD, {
    address: '127.0.0.1',
    userAgent: 'bench',
  });
  return `Bearer ${signedIn.accessToken}`;
}
