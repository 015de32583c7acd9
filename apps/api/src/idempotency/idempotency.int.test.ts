// Retrying a write with an idempotency key, as a tenant portal does when an answer is lost: the
// same key and input answer the first result and write nothing, whoever else uses the same text
// and however many arrive at once. Through GraphQL, on PGlite and PostgreSQL alike.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, type GraphQLResponse } from '../test/graphql-client.js';
import { logInput } from '../test/complaint-operations.js';
import { newPartnerKey, type PartnerKey } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { IDEMPOTENCY_KEY_TTL_MS } from './idempotency-keys.js';

const NOW = '2026-11-09T09:00:00Z';

const LOG = /* GraphQL */ `
  mutation Log($input: LogComplaintInput!, $at: DateTime, $key: String) {
    logComplaint(input: $input, at: $at, idempotencyKey: $key) {
      id
      reference
      version
      status
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordFeedbackInput!, $key: String) {
    recordFeedback(input: $input, idempotencyKey: $key) {
      id
      kind
      summary
      convertedToComplaintId
    }
  }
`;

const CONVERT = /* GraphQL */ `
  mutation Convert($id: ID!, $input: LogComplaintInput!, $key: String) {
    convertServiceRequest(id: $id, input: $input, idempotencyKey: $key) {
      id
      reference
      serviceRequestId
    }
  }
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation Ack($id: ID!) {
    acknowledgeComplaint(id: $id) {
      version
    }
  }
`;

interface LoggedView {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly status: string;
}

interface FeedbackView {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly convertedToComplaintId: string | null;
}

interface Counts {
  readonly complaints: number;
  readonly events: number;
  readonly feedback: number;
  readonly keys: number;
}

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
});

afterAll(async () => {
  await api?.stop();
});

async function counts(): Promise<Counts> {
  const rows: Counts[] = await api.dataSource.query(
    `SELECT (SELECT count(*)::int FROM complaint) AS complaints,
            (SELECT count(*)::int FROM complaint_event) AS events,
            (SELECT count(*)::int FROM feedback) AS feedback,
            (SELECT count(*)::int FROM idempotency_key) AS keys`,
  );
  const row = rows[0];
  if (!row) throw new Error('No counts.');
  return row;
}

function log(
  key: string | undefined,
  input: Record<string, unknown> = logInput('2026-11-06T09:30:00Z'),
  headers: Readonly<Record<string, string>> = {},
): Promise<GraphQLResponse<{ logComplaint: LoggedView }>> {
  return gql<{ logComplaint: LoggedView }>(api.url, LOG, { input, key }, headers);
}

async function logged(
  key: string | undefined,
  input?: Record<string, unknown>,
  headers?: Readonly<Record<string, string>>,
): Promise<LoggedView> {
  const answer = await log(key, input, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const complaint = answer.data?.logComplaint;
  if (!complaint) throw new Error('No complaint in the answer.');
  return complaint;
}

const SERVICE_REQUEST = {
  kind: 'SERVICE_REQUEST',
  receivedAt: '2026-11-02T10:15:00Z',
  channel: 'PHONE',
  from: 'Jordan Ellis',
  summary: 'The boiler keeps cutting out.',
  category: 'repairs',
};

function expectReused(answer: GraphQLResponse<unknown>, operation: string): void {
  expect(answer.status).toBe(422);
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors?.[0]?.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', operation });
}

describe('logComplaint with an idempotency key', () => {
  it('answers a retry after success with the same complaint, as it stands now, and writes nothing', async () => {
    const key = randomUUID();
    const first = await logged(key);
    const before = await counts();

    const again = await logged(key);
    expect(again).toEqual(first);
    expect(await counts()).toEqual(before);

    // The complaint as it stands now, not as it was first answered.
    await gqlData(api.url, ACKNOWLEDGE, { id: first.id });
    const later = await logged(key);
    expect(later).toMatchObject({ id: first.id, reference: first.reference, version: 2 });
    const afterAck = await counts();
    expect(afterAck.complaints).toBe(before.complaints);
    expect(afterAck.events).toBe(before.events + 1);
  });

  it('makes one complaint of 10 requests sent at once with one key, and answers it to all', async () => {
    const key = randomUUID();
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 10 }, () => log(key)));
    for (const answer of answers) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    }
    const ids = new Set(answers.map((answer) => answer.data?.logComplaint.id));
    expect(ids.size).toBe(1);
    const references = new Set(answers.map((answer) => answer.data?.logComplaint.reference));
    expect(references.size).toBe(1);
    const after = await counts();
    expect(after.complaints).toBe(before.complaints + 1);
    expect(after.events).toBe(before.events + 1);
    expect(after.keys).toBe(before.keys + 1);
  });

  it('refuses the same key with a different input, or another mutation, and writes nothing', async () => {
    const key = randomUUID();
    await logged(key);
    const before = await counts();

    const otherSummary = logInput('2026-11-06T09:30:00Z', { summary: 'A different complaint.' });
    expectReused(await log(key, otherSummary), 'logComplaint');
    const otherAt = await gql(api.url, LOG, {
      input: logInput('2026-11-06T09:30:00Z'),
      at: '2026-11-07T10:00:00Z',
      key,
    });
    expectReused(otherAt, 'logComplaint');
    const otherOperation = await gql(api.url, RECORD, { input: SERVICE_REQUEST, key });
    expectReused(otherOperation, 'logComplaint');

    expect(await counts()).toEqual(before);
  });

  it('takes the same input in another field order, with null for a field left out, as a retry', async () => {
    const key = randomUUID();
    const input = logInput('2026-11-06T09:30:00Z');
    const first = await logged(key, input);
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const again = await logged(key, { ...reordered, representative: null, policyId: null });
    expect(again.id).toBe(first.id);
  });

  it("keeps two callers' keys apart: the same text makes a complaint for each", async () => {
    const portal = await newPartnerKey(api.services, ['complaints:read', 'complaints:write']);
    const advocate = await newPartnerKey(api.services, ['complaints:read', 'complaints:write']);
    const key = 'portal-submission-0001';
    const before = await counts();

    const forPortal = await logged(key, undefined, portal.headers);
    const forAdvocate = await logged(
      key,
      logInput('2026-11-06T09:30:00Z', { summary: 'Another resident, another complaint.' }),
      advocate.headers,
    );
    expect(forAdvocate.id).not.toBe(forPortal.id);
    expect((await counts()).complaints).toBe(before.complaints + 2);

    // Each retry answers its own caller's complaint.
    expect((await logged(key, undefined, portal.headers)).id).toBe(forPortal.id);
    const advocateAgain = await logged(
      key,
      logInput('2026-11-06T09:30:00Z', { summary: 'Another resident, another complaint.' }),
      advocate.headers,
    );
    expect(advocateAgain.id).toBe(forAdvocate.id);
    // And neither caller's key is the admin's.
    const forAdmin = await logged(key);
    expect([forPortal.id, forAdvocate.id]).not.toContain(forAdmin.id);
    expect((await counts()).complaints).toBe(before.complaints + 3);
  });

  it('keeps no key for a refused request: corrected, it is written under the same key', async () => {
    const key = randomUUID();
    const before = await counts();
    // Received tomorrow: refused by the rules, inside the write's transaction.
    const refused = await log(key, logInput('2026-11-10T09:30:00Z'));
    expect(['BAD_USER_INPUT', 'POLICY_REFUSED']).toContain(refused.errors?.[0]?.extensions?.code);
    expect(await counts()).toEqual(before);

    const complaint = await logged(key, logInput('2026-11-06T09:30:00Z'));
    expect(complaint.version).toBe(1);
    expect((await counts()).complaints).toBe(before.complaints + 1);
  });

  it.each([
    ['empty', ''],
    ['201 characters long', 'k'.repeat(201)],
    ['holding a control character', 'key\u0007one'],
    ['holding a line break', 'key\none'],
  ])('refuses a key %s, naming it, and writes nothing', async (_, key) => {
    const before = await counts();
    const answer = await log(key);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
    expect(await counts()).toEqual(before);
  });

  it('takes a key of 200 characters, letters of any script among them', async () => {
    const key = 'ключ-鍵-'.repeat(25) + 'key-ключ-鍵-' + 'k'.repeat(14);
    expect([...key]).toHaveLength(200);
    const first = await logged(key);
    expect((await logged(key)).id).toBe(first.id);
  });
});

describe('recordFeedback with an idempotency key', () => {
  it('answers a retry with the same feedback and writes nothing', async () => {
    const key = randomUUID();
    const first = await gqlData<{ recordFeedback: FeedbackView }>(api.url, RECORD, {
      input: SERVICE_REQUEST,
      key,
    });
    const before = await counts();
    const again = await gqlData<{ recordFeedback: FeedbackView }>(api.url, RECORD, {
      input: SERVICE_REQUEST,
      key,
    });
    expect(again.recordFeedback).toEqual(first.recordFeedback);
    expect(await counts()).toEqual(before);

    expectReused(
      await gql(api.url, RECORD, { input: { ...SERVICE_REQUEST, summary: 'Another.' }, key }),
      'recordFeedback',
    );
    expect(await counts()).toEqual(before);
  });

  it('makes one record of 10 requests sent at once with one key', async () => {
    const key = randomUUID();
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        gqlData<{ recordFeedback: FeedbackView }>(api.url, RECORD, { input: SERVICE_REQUEST, key }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.recordFeedback.id)).size).toBe(1);
    expect((await counts()).feedback).toBe(before.feedback + 1);
  });
});

describe('convertServiceRequest with an idempotency key', () => {
  async function serviceRequest(): Promise<string> {
    const recorded = await gqlData<{ recordFeedback: FeedbackView }>(api.url, RECORD, {
      input: SERVICE_REQUEST,
    });
    return recorded.recordFeedback.id;
  }

  const complaint = logInput('2026-11-06T09:30:00Z', {
    channel: 'PHONE',
    summary: 'Unhappy that the boiler repair has taken three visits.',
  });

  it('answers a retry with the complaint the request became, where without a key it would be a conflict', async () => {
    const id = await serviceRequest();
    const key = randomUUID();
    const first = await gqlData<{ convertServiceRequest: LoggedView }>(api.url, CONVERT, {
      id,
      input: complaint,
      key,
    });
    expect(first.convertServiceRequest).toMatchObject({ serviceRequestId: id });
    const before = await counts();

    const again = await gqlData<{ convertServiceRequest: LoggedView }>(api.url, CONVERT, {
      id,
      input: complaint,
      key,
    });
    expect(again.convertServiceRequest).toEqual(first.convertServiceRequest);
    expect(await counts()).toEqual(before);

    const withoutKey = await gql(api.url, CONVERT, { id, input: complaint });
    expect(withoutKey.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('refuses the key for another service request', async () => {
    const key = randomUUID();
    await gqlData(api.url, CONVERT, { id: await serviceRequest(), input: complaint, key });
    const other = await serviceRequest();
    const before = await counts();
    expectReused(
      await gql(api.url, CONVERT, { id: other, input: complaint, key }),
      'convertServiceRequest',
    );
    expect(await counts()).toEqual(before);
  });

  it('converts once for 10 requests sent at once with one key', async () => {
    const id = await serviceRequest();
    const key = randomUUID();
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql<{ convertServiceRequest: LoggedView }>(api.url, CONVERT, { id, input: complaint, key }),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    }
    expect(new Set(answers.map((answer) => answer.data?.convertServiceRequest.id)).size).toBe(1);
    expect((await counts()).complaints).toBe(before.complaints + 1);
  });
});

describe('a key older than 24 hours', () => {
  let partner: PartnerKey;

  beforeAll(async () => {
    partner = await newPartnerKey(api.services, ['complaints:read', 'complaints:write']);
  });

  afterAll(() => {
    api.clock.set(NOW);
  });

  it('is replaced: the same key makes a new complaint, and expired keys are swept', async () => {
    const key = randomUUID();
    const first = await logged(key, undefined, partner.headers);
    api.clock.advance(IDEMPOTENCY_KEY_TTL_MS - 1000);
    expect((await logged(key, undefined, partner.headers)).id).toBe(first.id);

    api.clock.advance(2000);
    const before = await counts();
    const renewed = await logged(key, undefined, partner.headers);
    expect(renewed.id).not.toBe(first.id);
    expect((await counts()).complaints).toBe(before.complaints + 1);
    // Every key stored more than a day ago is gone; the renewed one stays and answers retries.
    const rows: Array<{ n: number }> = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM idempotency_key WHERE created_at <= $1',
      [new Date(api.clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString()],
    );
    expect(rows[0]?.n).toBe(0);
    expect((await logged(key, undefined, partner.headers)).id).toBe(renewed.id);
  });
});
