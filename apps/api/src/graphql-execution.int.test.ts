// An operation runs through graphql-js the first time and compiled after (graphql-execution.ts).
// A partner must not be able to tell: each operation below is sent several times, and every
// answer, data and errors, status included, is the first one again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILE_AFTER_RUNS } from './graphql-execution.js';
import { gql, gqlData, type Variables } from './test/graphql-client.js';
import { COMPLAINT_FIELDS } from './test/complaint-operations.js';
import { startTestServer, type TestServer } from './test/test-server.js';

let api: TestServer;
let id: string;

const LOG = /* GraphQL */ `
  mutation Log($input: LogComplaintInput!) {
    logComplaint(input: $input) {
      id
    }
  }
`;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  const input = {
    receivedAt: '2026-11-20T10:00:00Z',
    channel: 'EMAIL',
    complainant: { name: 'Jordan Ellis', type: 'TENANT', vulnerable: true },
    representative: { name: 'Sam Ellis', role: 'FAMILY', consentGiven: true },
    summary: 'Damp in the back bedroom.',
    desiredOutcome: 'A dry bedroom.',
    category: 'repairs',
    tenure: 'LCRA',
  };
  const logged = await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, { input });
  id = logged.logComplaint.id;
  await gqlData(api.url, `mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`, { id });
});

afterAll(async () => {
  await api?.stop();
});

interface Case {
  readonly query: string;
  readonly variables?: () => Variables;
}

const CASES: Record<string, Case> = {
  'a page with computed fields, fragments and directives': {
    query: /* GraphQL */ `
      query Page($first: Int!, $withEvents: Boolean!) {
        complaints(first: $first, orderBy: { field: RECEIVED_AT, direction: DESC }) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              ...ComplaintFields
              statusLabel
              complainant {
                name
                vulnerable
              }
              representative {
                name
                role
              }
              nextDeadline {
                dueOn
                state
              }
              events @include(if: $withEvents) {
                type
              }
            }
          }
        }
      }
      ${COMPLAINT_FIELDS}
    `,
    variables: () => ({ first: 5, withEvents: false }),
  },
  'a complaint by id, with aliases': {
    query: /* GraphQL */ `
      query One($id: ID!) {
        complaint(id: $id) {
          ref: reference
          due: deadlines {
            dueOn
            explanation
          }
          __typename
        }
      }
    `,
    variables: () => ({ id }),
  },
  'a refusal of the domain (POLICY_REFUSED)': {
    query: `mutation Again($id: ID!) { acknowledgeComplaint(id: $id) { id version } }`,
    variables: () => ({ id }),
  },
  'a complaint that does not exist (NOT_FOUND)': {
    query: `mutation Missing($id: ID!) { acknowledgeComplaint(id: $id) { id } }`,
    variables: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'a variable that does not fit its type (BAD_USER_INPUT, HTTP 400)': {
    query: `query Day($date: LocalDate!) { isWorkingDay(date: $date) }`,
    variables: () => ({ date: '2026-02-30' }),
  },
  'an input the resolver refuses (BAD_USER_INPUT with its field)': {
    query: LOG,
    variables: () => ({
      input: {
        receivedAt: '2026-11-20T10:00:00Z',
        channel: 'EMAIL',
        complainant: { name: 'Jordan Ellis', type: 'TENANT' },
        summary: '   ',
        category: 'repairs',
        tenure: 'LCRA',
      },
    }),
  },
  'a query on the calendar': {
    query: `query { christmas: isWorkingDay(date: "2026-12-25") next: addWorkingDays(from: "2026-12-24", days: 1) }`,
  },
  // Compiled code is generated from the document: a literal must stay a value.
  'a literal that reads like code': {
    query: 'query { complaintByReference(reference: "x\\"); process.exit(1); //`${1}`") { id } }',
  },
  'introspection, as tools send it': {
    query: `query { __schema { queryType { name } types { name kind fields { name } } } }`,
  },
};

describe('an operation run again, once compiled', () => {
  it.each(Object.entries(CASES))('answers %s the same', async (_name, { query, variables }) => {
    const answers = [];
    for (let run = 0; run < COMPILE_AFTER_RUNS + 2; run += 1) {
      answers.push(await gql(api.url, query, variables?.() ?? {}));
    }
    const [first, ...rest] = answers;
    for (const later of rest) expect(later).toEqual(first);
  });

  it('keeps the codes partners rely on', async () => {
    const codes = async (name: keyof typeof CASES) => {
      const { query, variables } = CASES[name] ?? { query: '' };
      const answer = await gql(api.url, query, variables?.() ?? {});
      return { status: answer.status, codes: answer.errors?.map((e) => e.extensions?.code) };
    };
    expect(await codes('a refusal of the domain (POLICY_REFUSED)')).toEqual({
      status: 200,
      codes: ['POLICY_REFUSED'],
    });
    expect(await codes('a complaint that does not exist (NOT_FOUND)')).toEqual({
      status: 200,
      codes: ['NOT_FOUND'],
    });
    expect(await codes('a variable that does not fit its type (BAD_USER_INPUT, HTTP 400)')).toEqual(
      { status: 400, codes: ['BAD_USER_INPUT'] },
    );
    expect(
      await codes('an input the resolver refuses (BAD_USER_INPUT with its field)'),
    ).toMatchObject({ codes: ['BAD_USER_INPUT'] });
    const literal = CASES['a literal that reads like code'];
    expect(await gql(api.url, literal?.query ?? '')).toEqual({
      status: 200,
      data: { complaintByReference: null },
    });
  });
});
