// A page of complaints with everything a list screen shows costs the same few SQL statements
// whether it holds 10 complaints or 200, and a write costs one statement more than reading the
// case. Statements are counted at the driver (test/statements-during.ts): every statement sent on
// the data source's connections, by TypeORM or on the raw connection (the prepared write path),
// on PGlite or PostgreSQL.
import type { Actor } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, type Variables } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { principalFor } from '../test/test-principals.js';

const PAGE = /* GraphQL */ `
  query Page($first: Int!) {
    complaints(first: $first, orderBy: { field: RECEIVED_AT, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        reference
        status
        stage
        assignee
        policy {
          id
          name
        }
        stages {
          number
          handler
          acknowledgedAt
          respondedAt
          outcome
          remedies {
            kind
            amountPence
          }
          extensions {
            workingDays
          }
          policy {
            id
          }
        }
        deadlines {
          stage
          kind
          dueOn
          state
          workingDaysLeft
          explanation
        }
        nextDeadline {
          dueOn
        }
        actions {
          id
          description
          dueOn
          completedAt
          overdue
        }
        events {
          version
          type
          at
          actor {
            id
          }
        }
      }
    }
  }
`;

interface Page {
  complaints: {
    totalCount: number;
    nodes: { id: string; stages: unknown[]; actions: unknown[]; events: unknown[] }[];
  };
}

const COMPLAINTS = 220;
const ACTOR: Actor = { kind: 'user', id: 'seed' };

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  await seed(api);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

/**
 * Cases in every shape a page meets: just logged, acknowledged, answered with an action agreed,
 * escalated to stage 2. Written through the services (the API's own write path) because this
 * test is about reading.
 */
async function seed({ services }: TestServer): Promise<void> {
  for (let i = 0; i < COMPLAINTS; i += 1) {
    // Two hours apart from 1 October, so every page of the list mixes all four shapes.
    const receivedAt = new Date(Date.UTC(2026, 9, 1, 8) + i * 2 * 3_600_000).toISOString();
    const { state } = await services.complaints.log(
      {
        receivedAt,
        channel: 'email',
        complainant: { name: `Resident ${i}`, type: 'tenant' },
        summary: `Repair ${i} not done`,
        desiredOutcome: 'The repair done',
        category: i % 2 === 0 ? 'repairs' : 'anti-social behaviour',
        tenure: 'lcra',
      },
      { by: principalFor(ACTOR), at: receivedAt },
    );
    const shape = i % 4;
    if (shape === 0) continue;
    const id = state.id;
    await services.complaints.execute(
      id,
      { type: 'assign', handler: 'Sam Patel' },
      { by: principalFor(ACTOR), at: '2026-10-30T09:00:00Z' },
    );
    await services.complaints.execute(
      id,
      { type: 'acknowledge' },
      { by: principalFor(ACTOR), at: '2026-10-30T10:00:00Z' },
    );
    if (shape === 1) continue;
    await services.complaints.execute(
      id,
      {
        type: 'respond',
        outcome: 'upheld',
        findings: 'Late.',
        remedies: [{ kind: 'apology', description: 'Sorry.' }],
      },
      { by: principalFor(ACTOR), at: '2026-11-10T10:00:00Z' },
    );
    await services.complaints.execute(
      id,
      {
        type: 'agree-action',
        actionId: `A-${i}`,
        description: 'Fix it.',
        owner: 'Repairs team',
        dueOn: '2026-12-18',
      },
      { by: principalFor(ACTOR), at: '2026-11-10T11:00:00Z' },
    );
    if (shape === 2) continue;
    await services.complaints.execute(
      id,
      { type: 'request-escalation', reason: 'Still broken.' },
      { by: principalFor(ACTOR), at: '2026-11-12T10:00:00Z' },
    );
  }
}

describe('complaints(first: N) with stages, deadlines, actions and events', () => {
  it('sends the same number of statements, at most 3, for N = 10, 50 and 200', async () => {
    // A first page warms what is loaded once per process (policies, prepared metadata).
    await gqlData<Page>(api.url, PAGE, { first: 5 });

    const counts: Record<number, number> = {};
    const log: string[] = [];
    for (const first of [10, 50, 200]) {
      let page: Page | undefined;
      const statements = await statementsDuring(api.dataSource, async () => {
        page = await gqlData<Page>(api.url, PAGE, { first });
      });
      // The page is really there and really deep, or the count would prove nothing.
      expect(page?.complaints.nodes).toHaveLength(first);
      expect(page?.complaints.totalCount).toBe(COMPLAINTS);
      expect(page?.complaints.nodes.some((n) => n.stages.length === 2)).toBe(true);
      expect(page?.complaints.nodes.some((n) => n.actions.length === 1)).toBe(true);
      counts[first] = statements.length;
      log.push(
        `first: ${first} -> ${statements.length} statement(s):`,
        ...statements.map((s) => `  ${s.replace(/\s+/g, ' ').slice(0, 200)}`),
      );
    }
    const report = log.join('\n');
    console.info(report);
    expect(counts[50], report).toBe(counts[10]);
    expect(counts[200], report).toBe(counts[10]);
    expect(counts[10], report).toBeLessThanOrEqual(3);
    expect(counts[10], report).toBeGreaterThan(0);
  });
});

describe('the count of a complaints page', () => {
  const LIST = (selection: string) => /* GraphQL */ `
    query List($first: Int!, $after: String) {
      complaints(first: $first, after: $after, orderBy: { field: NEXT_DUE_ON, direction: ASC }) {
        nodes { id reference nextDeadline { dueOn state workingDaysLeft } }
        pageInfo { hasNextPage endCursor }
        ${selection}
      }
    }
  `;
  type Answer = {
    complaints: {
      nodes: { id: string }[];
      pageInfo: { endCursor: string | null };
      totalCount?: number;
      totalCountIsExact?: boolean;
    };
  };

  it('is not taken unless asked for, and then in one bounded statement, on the first page and after a cursor', async () => {
    const first = await gqlData<Answer>(api.url, LIST(''), { first: 50 });
    for (const after of [null, first.complaints.pageInfo.endCursor]) {
      const without = await statementsDuring(api.dataSource, () =>
        gqlData<Answer>(api.url, LIST(''), { first: 50, after }),
      );
      const report = without.map(oneLine).join('\n');
      expect(without.length, report).toBeGreaterThan(0);
      // No window over every filtered row, and no count of its own.
      expect(
        without.filter((sql) => /count\(|OVER\s*\(/i.test(sql)),
        report,
      ).toEqual([]);
      let answer: Answer | undefined;
      const withCount = await statementsDuring(api.dataSource, async () => {
        answer = await gqlData<Answer>(api.url, LIST('totalCount totalCountIsExact'), {
          first: 50,
          after,
        });
      });
      const counts = withCount.filter((sql) => /count\(/i.test(sql));
      expect(counts, withCount.map(oneLine).join('\n')).toHaveLength(1);
      expect(counts[0]).toMatch(/LIMIT \$\d+\) AS bounded/);
      expect(withCount.length).toBe(without.length + 1);
      expect(answer?.complaints.totalCount).toBe(COMPLAINTS);
      expect(answer?.complaints.totalCountIsExact).toBe(true);
      expect(answer?.complaints.nodes).toHaveLength(50);
    }
  });
});

describe('a write through the API', () => {
  // Only what the write itself decides is asked for: no field that needs a read of its own.
  const READ = /* GraphQL */ `
    query Read($id: ID!) {
      complaint(id: $id) {
        id
        version
      }
    }
  `;
  const LOG = /* GraphQL */ `
    mutation Log($input: LogComplaintInput!) {
      logComplaint(input: $input) {
        id
        version
      }
    }
  `;
  const STEPS: ReadonlyArray<{
    name: string;
    document: string;
    variables: Variables;
    /** Statements beyond the write's one: assigning looks the assignee up first. */
    extra?: number;
  }> = [
    {
      name: 'assignComplaint',
      document: `mutation ($id: ID!) { assignComplaint(id: $id, handler: "Sam Patel") { id version } }`,
      variables: {},
      extra: 1,
    },
    {
      name: 'acknowledgeComplaint',
      document: `mutation ($id: ID!) {
        acknowledgeComplaint(id: $id, outcomeSought: "A boiler that works.") { id version }
      }`,
      variables: {},
    },
    {
      name: 'respondToComplaint',
      document: `mutation ($id: ID!, $input: RespondInput!) {
        respondToComplaint(id: $id, input: $input) { id version }
      }`,
      variables: {
        input: {
          outcome: 'UPHELD',
          findings: 'Late.',
          remedies: [{ kind: 'APOLOGY', description: 'Sorry.' }],
        },
      },
    },
    {
      name: 'agreeAction',
      document: `mutation ($id: ID!, $input: AgreeActionInput!) {
        agreeAction(complaintId: $id, input: $input) { id version }
      }`,
      variables: { input: { description: 'Fix it.', owner: 'Repairs team', dueOn: '2026-12-18' } },
    },
    {
      name: 'requestEscalation',
      document: `mutation ($id: ID!) { requestEscalation(id: $id, reason: "Still broken.") { id version } }`,
      variables: {},
    },
  ];

  it('sends one statement more than reading the case: the write, after the read (or the reference)', async () => {
    let id = '';
    const logged = await statementsDuring(api.dataSource, async () => {
      const data = await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, {
        input: {
          receivedAt: '2026-11-30T10:00:00Z',
          channel: 'EMAIL',
          complainant: { name: 'Jordan Ellis', type: 'TENANT' },
          summary: 'The boiler is still broken.',
          category: 'repairs',
          tenure: 'LCRA',
        },
      });
      id = data.logComplaint.id;
    });
    // Whatever every request costs (finding the caller, say) is in the read as in each write.
    const read = await statementsDuring(api.dataSource, () => gqlData(api.url, READ, { id }));
    const counts: Record<string, number> = { logComplaint: logged.length };
    const log = [`read -> ${read.length}`, ...read.map(oneLine)];
    log.push(`logComplaint -> ${logged.length}`, ...logged.map(oneLine));
    for (const step of STEPS) {
      const statements = await statementsDuring(api.dataSource, () =>
        gqlData(api.url, step.document, { id, ...step.variables }),
      );
      counts[step.name] = statements.length;
      log.push(`${step.name} -> ${statements.length}`, ...statements.map(oneLine));
    }
    const report = log.join('\n');
    console.info(report);
    expect(read.length, report).toBeGreaterThan(0);
    const expected = Object.fromEntries([
      ['logComplaint', read.length + 1],
      ...STEPS.map((step) => [step.name, read.length + 1 + (step.extra ?? 0)]),
    ]);
    expect(counts, report).toEqual(expected);
    // Every step was written, or the counts would prove nothing.
    const after = await gqlData<{ complaint: { version: number } }>(api.url, READ, { id });
    expect(after.complaint.version, report).toBe(1 + STEPS.length);
  });
});

function oneLine(statement: string): string {
  return `  ${statement.replace(/\s+/g, ' ').slice(0, 160)}`;
}
