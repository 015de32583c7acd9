// What a partner gets back when the request itself is wrong: bad input, an unknown id, or a
// stale expectedVersion. Each error has a code to branch on, a message to act on, and no stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, gqlError, type GraphQLErrorBody } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  AGREE_ACTION,
  ASSIGN,
  EXTEND,
  GET_COMPLAINT,
  LOG_COMPLAINT,
  logInput,
  RESPOND,
  type ComplaintView,
  complaintFrom,
} from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-20T12:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

function run(
  document: string,
  field: string,
  variables: Record<string, unknown>,
): Promise<ComplaintView> {
  return complaintFrom(api.url, document, field, variables);
}

const logOne = (): Promise<ComplaintView> =>
  run(LOG_COMPLAINT, 'logComplaint', {
    input: logInput('2026-11-16T09:00:00Z'),
    at: '2026-11-16T09:00:00Z',
  });

async function totalCount(): Promise<number> {
  const data = await gqlData<{ complaints: { totalCount: number } }>(
    api.url,
    `{ complaints { totalCount } }`,
  );
  return data.complaints.totalCount;
}

/** No file names, line numbers or stack frames: what leaks from an unmasked exception. */
function expectNoStack(error: GraphQLErrorBody): void {
  const text = JSON.stringify(error);
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/\bat [^"]*\(?[^"]*\.(ts|js):\d+:\d+/);
  expect(text).not.toMatch(/node_modules|\/src\/|\/dist\//);
}

describe('bad input is BAD_USER_INPUT with a readable message', () => {
  it.each([
    {
      what: 'an instant that is not ISO 8601',
      query: LOG_COMPLAINT,
      variables: { input: logInput('last Tuesday') },
      mentions: /receivedAt|DateTime|ISO 8601/,
    },
    {
      what: 'a day that does not exist (30 February)',
      query: AGREE_ACTION,
      variables: {
        complaintId: 'any',
        input: { description: 'Fix it.', owner: 'Repairs team', dueOn: '2027-02-30' },
      },
      mentions: /dueOn|LocalDate|YYYY-MM-DD/,
    },
    {
      what: 'a channel that is not one of the enum',
      query: LOG_COMPLAINT,
      variables: { input: logInput('2026-11-16T09:00:00Z', { channel: 'CARRIER_PIGEON' }) },
      mentions: /Channel|CARRIER_PIGEON/,
    },
    {
      what: 'a required field missing (category)',
      query: LOG_COMPLAINT,
      variables: { input: { ...logInput('2026-11-16T09:00:00Z'), category: undefined } },
      mentions: /category/,
    },
    {
      what: 'a page of more than 200',
      query: `query { complaints(first: 500) { totalCount } }`,
      variables: {},
      mentions: /200/,
    },
  ])('$what', async ({ query, variables, mentions }) => {
    const countBefore = await totalCount();
    const error = await gqlError(api.url, query, variables);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(mentions);
    expectNoStack(error);
    expect(await totalCount()).toBe(countBefore);
  });

  it.each([
    { what: 'a blank summary', field: 'summary', override: { summary: '   ' } },
    {
      what: "a blank complainant's name",
      field: 'complainant.name',
      override: { complainant: { name: ' ', type: 'TENANT' } },
    },
  ])('names the field at fault: $what', async ({ field, override }) => {
    const countBefore = await totalCount();
    const error = await gqlError(api.url, LOG_COMPLAINT, {
      input: logInput('2026-11-16T09:00:00Z', override),
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message.length).toBeGreaterThan(10);
    expectNoStack(error);
    expect(await totalCount()).toBe(countBefore);
  });

  it('refuses an extension of zero days, naming workingDays, and writes nothing', async () => {
    const logged = await logOne();
    await run(ACKNOWLEDGE, 'acknowledgeComplaint', { id: logged.id, at: '2026-11-17T09:00:00Z' });
    const error = await gqlError(api.url, EXTEND, {
      id: logged.id,
      workingDays: 0,
      reason: 'No reason.',
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingDays' });
    expect(error.message).toMatch(/working days/);
    expectNoStack(error);
    expect((await run(GET_COMPLAINT, 'complaint', { id: logged.id })).version).toBe(2);
  });

  it('answers HTTP 400 to a document that is not GraphQL, without a stack', async () => {
    const result = await gql(api.url, 'mutation { logComplaint(', {});
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    for (const error of result.errors ?? []) expectNoStack(error);
  });
});

describe('an unknown id is NOT_FOUND', () => {
  it.each([
    { what: 'acknowledging', query: ACKNOWLEDGE, variables: { id: 'no-such-complaint' } },
    {
      what: 'assigning',
      query: ASSIGN,
      variables: { id: '5b0f7a39-0d5e-4a8e-9a55-3f2b0d9e1c11', handler: 'Kim Lee' },
    },
    {
      what: 'responding',
      query: RESPOND,
      variables: { id: 'no-such-complaint', input: { outcome: 'UPHELD', findings: 'Late.' } },
    },
    {
      what: 'agreeing an action',
      query: AGREE_ACTION,
      variables: {
        complaintId: 'no-such-complaint',
        input: { description: 'Fix it.', owner: 'Repairs team', dueOn: '2026-12-18' },
      },
    },
  ])('$what a complaint that does not exist', async ({ query, variables }) => {
    const error = await gqlError(api.url, query, variables);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/complaint/i);
    expectNoStack(error);
  });

  it('logging under a policy that does not exist', async () => {
    const countBefore = await totalCount();
    const error = await gqlError(api.url, LOG_COMPLAINT, {
      input: logInput('2026-11-16T09:00:00Z', { policyId: 'no-such-policy' }),
    });
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/no-such-policy/);
    expect(await totalCount()).toBe(countBefore);
  });

  it('a query for an unknown complaint answers null, not an error', async () => {
    const result = await gql<{ complaint: null; complaintByReference: null }>(
      api.url,
      `{ complaint(id: "no-such-complaint") { id } complaintByReference(reference: "CMP-1999-000000") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ complaint: null, complaintByReference: null });
  });
});

describe('a stale expectedVersion is CONFLICT, and nothing is written', () => {
  it('refuses a write made against an older version', async () => {
    const logged = await logOne();
    const assigned = await run(ASSIGN, 'assignComplaint', {
      id: logged.id,
      handler: 'Sam Patel',
      at: '2026-11-16T10:00:00Z',
      expectedVersion: 1,
    });
    expect(assigned.version).toBe(2);

    // A second handler still looking at version 1 tries to acknowledge it.
    const error = await gqlError(api.url, ACKNOWLEDGE, {
      id: logged.id,
      at: '2026-11-17T09:00:00Z',
      expectedVersion: 1,
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(error.message).toMatch(/version/i);
    expectNoStack(error);

    const after = await run(GET_COMPLAINT, 'complaint', { id: logged.id });
    expect(after.version).toBe(2);
    expect(after.status).toBe('RECEIVED');
    expect(after.events.map((e) => e.type)).toEqual(['complaint-logged', 'complaint-assigned']);

    // With the current version, the same step goes through.
    const acknowledged = await run(ACKNOWLEDGE, 'acknowledgeComplaint', {
      id: logged.id,
      at: '2026-11-17T09:00:00Z',
      expectedVersion: 2,
    });
    expect(acknowledged).toMatchObject({ version: 3, status: 'ACKNOWLEDGED' });
  });

  it('lets exactly one of several racing writes on the same version through', async () => {
    const logged = await logOne();
    const handlers = ['Ava Brown', 'Ben Clark', 'Cara Diaz', 'Dev Evans', 'Eli Ford'];
    const results = await Promise.all(
      handlers.map((handler) =>
        gql<{ assignComplaint: { version: number; assignee: string } }>(api.url, ASSIGN, {
          id: logged.id,
          handler,
          at: '2026-11-16T10:00:00Z',
          expectedVersion: 1,
        }),
      ),
    );
    const winners = results.filter((r) => r.data?.assignComplaint);
    const losers = results.filter((r) => r.errors?.length);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors?.[0]?.extensions?.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
    ]);

    const after = await run(GET_COMPLAINT, 'complaint', { id: logged.id });
    expect(after.version).toBe(2);
    expect(after.events).toHaveLength(2);
    expect(after.assignee).toBe(winners[0]?.data?.assignComplaint.assignee);
  });
});
