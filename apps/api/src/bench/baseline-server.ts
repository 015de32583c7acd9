// The yardstick for the list query: the least an endpoint can do to serve the same page. One
// hand-written SQL statement through a `pg` pool, rows shaped by hand into the JSON the GraphQL
// API answers for LIST_QUERY, served by bare node:http.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  calendarForPolicy,
  DEADLINE_STATE_LABELS,
  deadlineStatusOn,
  localDateOf,
  type Policy,
} from '@redress/domain';
import pg from 'pg';

/** The GraphQL page the baseline reproduces, field for field. */
export const LIST_QUERY = /* GraphQL */ `
  query List($first: Int!) {
    complaints(first: $first, orderBy: { field: RECEIVED_AT, direction: DESC }) {
      totalCount
      nodes {
        id
        reference
        version
        status
        stage
        receivedAt
        receivedOn
        category
        tenure
        assignee
        summary
        complainant {
          name
        }
        updatedAt
      }
    }
  }
`;

/** The same page with each complaint's next deadline, as the console's list shows it. */
export const DEADLINE_LIST_QUERY = LIST_QUERY.replace(
  'updatedAt\n',
  'updatedAt\n        nextDeadline {\n          stage\n          kind\n          dueOn\n          state\n          stateLabel\n          workingDaysLeft\n        }\n',
);

const SQL = `
  SELECT id, reference, version, status, stage, received_at, received_on::text AS received_on,
         category, tenure, assignee, summary, complainant_name, updated_at,
         count(*) OVER () AS total
    FROM complaint
   ORDER BY received_at DESC, id DESC
   LIMIT $1`;

const DEADLINE_SQL = `
  SELECT id, reference, version, status, stage, received_at, received_on::text AS received_on,
         category, tenure, assignee, summary, complainant_name, updated_at,
         next_due_on::text AS next_due_on, next_due_kind, next_due_stage, next_due_policy_id,
         next_due_policy_version, count(*) OVER () AS total
    FROM complaint
   ORDER BY received_at DESC, id DESC
   LIMIT $1`;

interface DeadlineRow extends Row {
  next_due_on: string | null;
  next_due_kind: string | null;
  next_due_stage: number | null;
  next_due_policy_id: string | null;
  next_due_policy_version: number | null;
}

interface Row {
  id: string;
  reference: string;
  version: number;
  status: string;
  stage: number;
  received_at: Date;
  received_on: string;
  category: string;
  tenure: string;
  assignee: string | null;
  summary: string;
  complainant_name: string;
  updated_at: Date;
  total: string;
}

// Stored values are the domain's ('partly-upheld'); GraphQL enums are PARTLY_UPHELD.
const enumName = (value: string): string => value.toUpperCase().replaceAll('-', '_');

export interface BaselineServer {
  readonly url: string;
  /** The same page with each complaint's next deadline (DEADLINE_LIST_QUERY). */
  readonly withDeadlinesUrl: string;
  stop(): Promise<void>;
}

export async function startBaselineServer(
  databaseUrl: string,
  poolSize: number,
): Promise<BaselineServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // Policy versions never change: read once, as the API's cache holds them.
  const policies = new Map(
    (await pool.query<{ body: Policy }>('SELECT body FROM policy')).rows.map(({ body }) => [
      `${body.id}@${body.version}`,
      body,
    ]),
  );
  // The deadline's state is the domain's rule, in its policy's working-day calendar: the least
  // an endpoint can do to give the same figures.
  const nextDeadline = (row: DeadlineRow, today: string) => {
    if (row.next_due_on === null) return null;
    const policy = policies.get(`${row.next_due_policy_id}@${row.next_due_policy_version}`);
    if (!policy) throw new Error(`policy ${row.next_due_policy_id} not found`);
    const status = deadlineStatusOn(
      { dueOn: row.next_due_on, metAt: null, metOn: null, stoppedAt: null },
      today,
      calendarForPolicy(policy),
      policy.warningDays,
    );
    return {
      stage: row.next_due_stage,
      kind: enumName(row.next_due_kind ?? ''),
      dueOn: row.next_due_on,
      state: enumName(status.state),
      stateLabel: DEADLINE_STATE_LABELS[status.state],
      workingDaysLeft: status.workingDaysLeft,
    };
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const withDeadlines = url.pathname === '/complaints-with-deadlines';
    if (req.method !== 'GET' || (url.pathname !== '/complaints' && !withDeadlines)) {
      res.writeHead(404).end();
      return;
    }
    const first = Math.min(200, Math.max(1, Number(url.searchParams.get('first') ?? 25)));
    const today = withDeadlines ? localDateOf(new Date()) : '';
    pool.query<DeadlineRow>(withDeadlines ? DEADLINE_SQL : SQL, [first]).then(
      ({ rows }) => {
        const body = JSON.stringify({
          data: {
            complaints: {
              totalCount: rows.length > 0 ? Number(rows[0]?.total) : 0,
              nodes: rows.map((row) => ({
                id: row.id,
                reference: row.reference,
                version: row.version,
                status: enumName(row.status),
                stage: row.stage,
                receivedAt: row.received_at.toISOString(),
                receivedOn: row.received_on,
                category: row.category,
                tenure: enumName(row.tenure),
                assignee: row.assignee,
                summary: row.summary,
                complainant: { name: row.complainant_name },
                updatedAt: row.updated_at.toISOString(),
                ...(withDeadlines ? { nextDeadline: nextDeadline(row, today) } : {}),
              })),
            },
          },
        });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/complaints`,
    withDeadlinesUrl: `http://127.0.0.1:${port}/complaints-with-deadlines`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
