// What a hostile or careless caller meets: every limit of the API, refused before anything runs,
// coded, with HTTP 400, over HTTP and over WebSocket alike; and what a normal tool sends at
// start-up still answered.
import { MAX_EXPLANATION_LENGTH, MAX_EXTENSION_WORKING_DAYS } from '@redress/domain';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILE_AFTER_RUNS } from '../graphql-execution.js';
import { MAX_RESPONSE_BYTES } from './operation-limits.js';
import {
  connectSubscriptions,
  gql,
  gqlData,
  gqlError,
  type GraphQLErrorBody,
} from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { MAX_ALIASES, MAX_DEPTH, MAX_FIELDS, MAX_MUTATION_FIELDS } from './operation-limits.js';
import { MAX_OFFSET, MAX_PAGE_SIZE } from './input-check.js';

let api: TestServer;
let complaintId: string;

const LOG = /* GraphQL */ `
  mutation Log($input: LogComplaintInput!) {
    logComplaint(input: $input) {
      id
    }
  }
`;

function logInput(changes: Record<string, unknown> = {}) {
  return {
    receivedAt: '2026-11-20T10:00:00Z',
    channel: 'EMAIL',
    complainant: { name: 'Jordan Ellis', type: 'TENANT' },
    summary: 'Damp in the back bedroom.',
    desiredOutcome: 'A dry bedroom.',
    category: 'repairs',
    tenure: 'LCRA',
    ...changes,
  };
}

async function complaintCount(): Promise<number> {
  const data = await gqlData<{ complaints: { totalCount: number } }>(
    api.url,
    '{ complaints { totalCount } }',
  );
  return data.complaints.totalCount;
}

/** POSTs a body as it is, for what `gql` does not send (operationName). */
async function post(body: Record<string, unknown>) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] },
  };
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  const logged = await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, {
    input: logInput(),
  });
  complaintId = logged.logComplaint.id;
  await gqlData(api.url, `mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }`, {
    id: complaintId,
  });
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('introspection', () => {
  it.each([
    ['as graphql-js, react-admin and IDEs send it', {}],
    [
      'with every option, as codegen tools send it',
      {
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      },
    ],
  ])('is answered in full %s', async (_name, options) => {
    const result = await gql<{ __schema: { types: unknown[] } }>(
      api.url,
      getIntrospectionQuery(options),
    );
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.types.length).toBeGreaterThan(50);
  });

  it('is refused when aliased over and over, at once and without answering it', async () => {
    // The request that made a 216 MB answer: 12,500 aliased __schema selections, 989 KB.
    const selections = Array.from(
      { length: 12_500 },
      (_, i) => `s${i}: __schema { types { name } }`,
    );
    const query = `{ ${selections.join(' ')} }`;
    expect(query.length).toBeLessThan(1024 * 1024);
    // Over the parser's token limit, it is refused before anything walks it.
    const error = await gqlError(api.url, query);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(error.message).toMatch(/more th\w+ 15000 tokens/);
    // Under it, the alias limit refuses the same attack before running it.
    const fewer = `{ ${selections.slice(0, 1_000).join(' ')} }`;
    const aliased = await gqlError(api.url, fewer);
    expect(aliased.status).toBe(400);
    expect(aliased.extensions).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      aliases: 1_000,
      maximumAliases: MAX_ALIASES,
    });
  });

  it('counts in the fields: a few full copies of the schema are refused', async () => {
    const full = getIntrospectionQuery().replace(/^\s*query IntrospectionQuery \{\s*__schema/, '');
    const [body, fragments] = [
      full.slice(0, full.indexOf('fragment')),
      full.slice(full.indexOf('fragment')),
    ];
    const copies = Array.from(
      { length: 5 },
      (_, i) => `c${i}: __schema ${body.trim().slice(0, -1)}`,
    );
    const error = await gqlError(api.url, `query { ${copies.join('\n')} }\n${fragments}`);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_FIELDS', maximumFields: MAX_FIELDS });
  });

  it('is refused nested past the depth limit', async () => {
    let selection = 'name';
    for (let i = 0; i < MAX_DEPTH; i++) selection = `ofType { ${selection} }`;
    const error = await gqlError(api.url, `{ __type(name: "Complaint") { ${selection} } }`);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_DEEP',
      depth: MAX_DEPTH + 2,
      maximumDepth: MAX_DEPTH,
    });
  });
});

describe('the cost of an operation', () => {
  it('counts every alias and every item of a page, feedbackItems included', async () => {
    const page =
      'feedbackItems(first: 200) { nodes { id kind summary category channel receivedAt } }';
    const aliases = Array.from({ length: 40 }, (_, i) => `f${i}: ${page}`);
    const error = await gqlError(api.url, `{ ${aliases.join(' ')} }`);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(error.extensions?.complexity).toBeGreaterThan(40 * 200 * 7);
  });

  it('refuses a document of more fields than the limit, aliases or not', async () => {
    // Eleven fragments, each spreading the next twice: 1,024 fields in a few lines.
    const fragments = Array.from({ length: 11 }, (_, i) =>
      i < 10
        ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`
        : 'fragment F10 on Query { __typename }',
    );
    const error = await gqlError(api.url, `{ ...F0 }\n${fragments.join('\n')}`);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_FIELDS', fields: 1024 });
  });
});

describe('writes per request', () => {
  it(`refuses more than ${MAX_MUTATION_FIELDS} mutations in one request, writing nothing`, async () => {
    const before = await complaintCount();
    const writes = Array.from(
      { length: MAX_MUTATION_FIELDS + 1 },
      (_, i) => `w${i}: logComplaint(input: $input) { id }`,
    );
    const error = await gqlError(
      api.url,
      `mutation ($input: LogComplaintInput!) { ${writes.join(' ')} }`,
      { input: logInput() },
    );
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({
      code: 'TOO_MANY_MUTATIONS',
      mutations: MAX_MUTATION_FIELDS + 1,
      maximumMutations: MAX_MUTATION_FIELDS,
    });
    expect(await complaintCount()).toBe(before);
  });

  it(`runs ${MAX_MUTATION_FIELDS} in one request`, async () => {
    const before = await complaintCount();
    const writes = Array.from(
      { length: MAX_MUTATION_FIELDS },
      (_, i) => `w${i}: logComplaint(input: $input) { id }`,
    );
    await gqlData(api.url, `mutation ($input: LogComplaintInput!) { ${writes.join(' ')} }`, {
      input: logInput(),
    });
    expect(await complaintCount()).toBe(before + MAX_MUTATION_FIELDS);
  });
});

describe('text that cannot be stored', () => {
  const BAD_TEXT: [string, string][] = [
    ['a lone surrogate, cut inside an emoji', 'Mould \ud83d'],
    ['a NUL character', 'Mould\u0000 in the bathroom'],
  ];

  it.each(BAD_TEXT)(
    'is refused naming the field, in an input-object variable: %s',
    async (_n, text) => {
      const before = await complaintCount();
      const error = await gqlError(api.url, LOG, {
        input: logInput({ complainant: { name: text, type: 'TENANT' } }),
      });
      expect(error.status).toBe(400);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.complainant.name',
      });
      expect(await complaintCount()).toBe(before);
    },
  );

  it.each(BAD_TEXT)('is refused naming the argument, as a plain variable: %s', async (_n, text) => {
    const error = await gqlError(api.url, 'query ($id: ID!) { complaint(id: $id) { id } }', {
      id: text,
    });
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('is refused naming the field, written in the document', async () => {
    const error = await gqlError(
      api.url,
      `mutation ($id: ID!) {
        respondToComplaint(id: $id, input: {
          outcome: UPHELD, findings: "Found",
          remedies: [{ kind: APOLOGY, description: "Sorry" }, { kind: APOLOGY, description: "x\\u0000" }]
        }) { id }
      }`,
      { id: complaintId },
    );
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.remedies[1].description',
    });
  });

  it('is refused in a list variable', async () => {
    const error = await gqlError(
      api.url,
      'query ($f: ComplaintFilter) { complaints(filter: $f) { totalCount } }',
      { f: { text: 'ok', category: 'bad\u0000' } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.category' });
  });
});

describe('dates outside the supported range (1990-01-01 to 2199-12-31)', () => {
  it.each([
    ['9999-12-31', 'from'],
    ['0000-01-01', 'from'],
    ['1989-12-31', 'from'],
  ])('refuses %s as a variable, naming the field', async (from, field) => {
    const error = await gqlError(
      api.url,
      'query ($from: LocalDate!) { addWorkingDays(from: $from, days: 10) }',
      { from },
    );
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain('1990-01-01 to 2199-12-31');
  });

  it('refuses one written in the document, naming the field', async () => {
    const error = await gqlError(api.url, '{ addWorkingDays(from: "9999-12-31", days: 10) }');
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('answers at both ends of the range', async () => {
    const data = await gqlData<{ first: string; last: string }>(
      api.url,
      '{ first: addWorkingDays(from: "1990-01-01", days: 1) last: addWorkingDays(from: "2199-12-31", days: 10) }',
    );
    expect(data).toEqual({ first: '1990-01-02', last: '2200-01-15' });
  });

  it('refuses a complaint received in 1900, naming the field', async () => {
    const error = await gqlError(api.url, LOG, {
      input: logInput({ receivedAt: '1900-01-01T10:00:00Z' }),
    });
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivedAt' });
  });

  it('refuses a filter date of year 0', async () => {
    const error = await gqlError(
      api.url,
      '{ complaints(filter: { receivedFrom: "0000-01-01" }) { totalCount } }',
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.receivedFrom',
    });
  });
});

describe('extending a deadline', () => {
  const EXTEND = /* GraphQL */ `
    mutation ($id: ID!, $days: Int!) {
      extendResponseDeadline(
        id: $id
        workingDays: $days
        reason: "Survey"
        exceptionalReason: "The insurer's surveyor cannot visit until the spring."
        notice: { toldOn: "2026-12-01", method: EMAIL, ombudsmanDetailsGiven: true }
      ) {
        deadlines {
          kind
          dueOn
          explanation
        }
      }
    }
  `;

  it.each([1_000_000, 2_147_483_647, MAX_EXTENSION_WORKING_DAYS + 1])(
    'refuses %s working days, exceptional reason or not',
    async (days) => {
      const error = await gqlError(api.url, EXTEND, { id: complaintId, days });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingDays' });
      expect(error.message).toContain(`from 1 to ${MAX_EXTENSION_WORKING_DAYS}`);
    },
  );

  it('keeps the explanation short at the longest extension allowed', async () => {
    const data = await gqlData<{
      extendResponseDeadline: { deadlines: { kind: string; explanation: string }[] };
    }>(api.url, EXTEND, { id: complaintId, days: MAX_EXTENSION_WORKING_DAYS });
    const respond = data.extendResponseDeadline.deadlines.find((d) => d.kind === 'RESPOND');
    expect(respond?.explanation.length).toBeLessThanOrEqual(MAX_EXPLANATION_LENGTH);
    expect(respond?.explanation).toMatch(/: skips Christmas Day, Boxing Day .* \d+ weekends\./);
  });
});

describe('pages', () => {
  it.each([
    ['complaints', 'first', MAX_PAGE_SIZE + 1, '{ complaints(first: $n) { totalCount } }'],
    ['complaints', 'offset', MAX_OFFSET + 1, '{ complaints(offset: $n) { totalCount } }'],
    ['feedbackItems', 'first', MAX_PAGE_SIZE + 1, '{ feedbackItems(first: $n) { totalCount } }'],
    ['feedbackItems', 'offset', MAX_OFFSET + 1, '{ feedbackItems(offset: $n) { totalCount } }'],
  ])('%s refuses %s over its bound', async (_list, field, n, selection) => {
    const error = await gqlError(api.url, `query ($n: Int) ${selection}`, { n });
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('operations the caller did not name right', () => {
  const TWO = 'query A { __typename } query B { __typename }';

  it.each([
    ['two operations and no operationName', { query: TWO }],
    ['an operationName the document does not have', { query: TWO, operationName: 'C' }],
    [
      'a wrong operationName for one operation',
      { query: 'query A { __typename }', operationName: 'B' },
    ],
  ])('answers 400 to %s, every time', async (_name, body) => {
    for (let run = 0; run <= COMPILE_AFTER_RUNS; run++) {
      const { status, body: answer } = await post(body);
      expect(status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('runs the operation named', async () => {
    const { status, body } = await post({ query: TWO, operationName: 'B' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
  });

  it('answers 400 to a subscription sent by POST, pointing to the WebSocket', async () => {
    for (let run = 0; run <= COMPILE_AFTER_RUNS; run++) {
      const { status, body } = await post({
        query: 'subscription { deadlineAlerts { alert } }',
      });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_OVER_HTTP');
      expect(body.errors?.[0]?.message).toMatch(/WebSocket/);
    }
  });
});

describe('on the WebSocket', () => {
  async function subscriptionError(query: string, variables = {}): Promise<GraphQLErrorBody> {
    const ws = await connectSubscriptions(api.wsUrl);
    try {
      const subscription = ws.subscribe(query, variables);
      await expect(subscription.waitForCount(1, 5_000)).rejects.toThrow(/failed/);
      return subscription.errors.flat()[0] as GraphQLErrorBody;
    } finally {
      await ws.close();
    }
  }

  it('refuses a subscription over the alias limit', async () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: __typename`);
    const error = await subscriptionError(
      `subscription { complaintEvents { ${aliases.join(' ')} } }`,
    );
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES' });
  });

  it('refuses text that cannot be stored, naming the argument', async () => {
    const error = await subscriptionError(
      'subscription ($id: ID) { complaintEvents(complaintId: $id) { type } }',
      { id: 'C-\ud83d' },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'complaintId' });
  });
});

describe('the size of an answer', () => {
  it('refuses to send an answer over the limit', async () => {
    // 40 complaints of long texts, read 45 times over: within every other limit, about 27 MB.
    const long = logInput({ summary: 's'.repeat(10_000), desiredOutcome: 'o'.repeat(5_000) });
    const writes = Array.from(
      { length: MAX_MUTATION_FIELDS },
      (_, i) => `w${i}: logComplaint(input: $input) { id }`,
    );
    for (let i = 0; i < 4; i++) {
      await gqlData(api.url, `mutation ($input: LogComplaintInput!) { ${writes.join(' ')} }`, {
        input: long,
      });
    }
    const reads = Array.from(
      { length: 45 },
      (_, i) => `r${i}: complaints(first: 200) { nodes { summary desiredOutcome } }`,
    );
    const error = await gqlError(api.url, `{ ${reads.join(' ')} }`);
    expect(error.status).toBe(400);
    expect(error.extensions).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      maximumBytes: MAX_RESPONSE_BYTES,
    });
    expect(error.extensions?.bytes).toBeGreaterThan(MAX_RESPONSE_BYTES);
  }, 60_000);
});
