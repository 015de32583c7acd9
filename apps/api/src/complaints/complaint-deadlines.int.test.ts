// The deadlines of each shipped policy, through the API, against dates worked out by hand from
// each policy's figures (see packages/domain/src/policies/presets.ts and docs/domain.md) and the
// bank holidays of England and Wales: 25 and 28 December 2026 and 1 January 2027.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  deadlineOf,
  LOG_COMPLAINT,
  logInput,
  type ComplaintView,
  complaintFrom,
  WITHDRAW,
} from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser } from '../test/test-principals.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T12:00:00Z' });
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

function logUnder(policyId: string, receivedAt: string): Promise<ComplaintView> {
  return run(LOG_COMPLAINT, 'logComplaint', {
    input: logInput(receivedAt, { policyId }),
    at: receivedAt,
  });
}

describe('stage 1 deadlines of each preset, received Friday 6 November 2026, seen on Monday 9th', () => {
  // Acknowledge: N working days after Fri 6 Nov. Respond: 10 working days after the
  // acknowledgement's due date (provisional), except seed 001 which counts from receipt.
  // On Mon 9 Nov a deadline with at most 2 working days left (the presets' warning window) is
  // due soon.
  it.each([
    {
      policyId: 'code-2024',
      ack: '2026-11-13',
      ackState: 'PENDING',
      ackLeft: 4,
      respond: '2026-11-27',
      provisional: true,
    },
    {
      policyId: 'seed-000',
      ack: '2026-11-11',
      ackState: 'DUE_SOON',
      ackLeft: 2,
      respond: '2026-11-25',
      provisional: true,
    },
    {
      policyId: 'seed-001',
      ack: '2026-11-13',
      ackState: 'PENDING',
      ackLeft: 4,
      respond: '2026-11-20',
      provisional: false,
    },
    {
      policyId: 'seed-002',
      ack: '2026-11-13',
      ackState: 'PENDING',
      ackLeft: 4,
      respond: '2026-11-27',
      provisional: true,
    },
    {
      policyId: 'seed-003',
      ack: '2026-11-13',
      ackState: 'PENDING',
      ackLeft: 4,
      respond: '2026-11-27',
      provisional: true,
    },
    {
      policyId: 'seed-004',
      ack: '2026-11-10',
      ackState: 'DUE_SOON',
      ackLeft: 1,
      respond: '2026-11-24',
      provisional: true,
    },
  ])(
    '$policyId: acknowledge by $ack, respond by $respond',
    async ({ policyId, ack, ackState, ackLeft, respond, provisional }) => {
      api.clock.set('2026-11-09T12:00:00Z');
      const complaint = await logUnder(policyId, '2026-11-06T10:00:00Z');
      expect(complaint.policy.id).toBe(policyId);
      expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE')).toMatchObject({
        dueOn: ack,
        state: ackState,
        workingDaysLeft: ackLeft,
        provisional: false,
      });
      expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
        dueOn: respond,
        provisional,
        state: 'PENDING',
      });
    },
  );

  // Acknowledged on Tuesday 10 November: 10 working days later is Tuesday 24th, except under
  // seed 001, whose response still counts from receipt.
  it.each([
    { policyId: 'code-2024', respond: '2026-11-24' },
    { policyId: 'seed-000', respond: '2026-11-24' },
    { policyId: 'seed-001', respond: '2026-11-20' },
    { policyId: 'seed-002', respond: '2026-11-24' },
    { policyId: 'seed-003', respond: '2026-11-24' },
    { policyId: 'seed-004', respond: '2026-11-24' },
  ])(
    '$policyId: acknowledged on 10 November, respond by $respond',
    async ({ policyId, respond }) => {
      api.clock.set('2026-11-10T16:00:00Z');
      const complaint = await logUnder(policyId, '2026-11-06T10:00:00Z');
      const acknowledged = await run(ACKNOWLEDGE, 'acknowledgeComplaint', {
        id: complaint.id,
        at: '2026-11-10T15:00:00Z',
      });
      // Every preset's acknowledgement is due on or after the 10th, so it was met.
      expect(deadlineOf(acknowledged, 1, 'ACKNOWLEDGE')).toMatchObject({
        state: 'MET',
        metOn: '2026-11-10',
      });
      expect(deadlineOf(acknowledged, 1, 'RESPOND')).toMatchObject({
        dueOn: respond,
        provisional: false,
      });
    },
  );
});

describe('across Christmas 2026: received Friday 18 December', () => {
  // Working days after Fri 18 Dec: Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 and Mon 28 are bank
  // holidays) Tue 29, Wed 30, Thu 31, (Fri 1 Jan) Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, Mon 11 ...
  it.each([
    { policyId: 'code-2024', ack: '2026-12-29', respond: '2027-01-13' },
    { policyId: 'seed-000', ack: '2026-12-23', respond: '2027-01-11' },
    { policyId: 'seed-001', ack: '2026-12-29', respond: '2027-01-06' },
    { policyId: 'seed-002', ack: '2026-12-29', respond: '2027-01-13' },
    { policyId: 'seed-003', ack: '2026-12-29', respond: '2027-01-13' },
    { policyId: 'seed-004', ack: '2026-12-22', respond: '2027-01-08' },
  ])('$policyId: acknowledge by $ack, respond by $respond', async ({ policyId, ack, respond }) => {
    api.clock.set('2026-12-18T16:00:00Z');
    const complaint = await logUnder(policyId, '2026-12-18T10:00:00Z');
    expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE').dueOn).toBe(ack);
    expect(deadlineOf(complaint, 1, 'RESPOND').dueOn).toBe(respond);
  });

  it('explains the Code deadline with the holidays it skipped', async () => {
    api.clock.set('2026-12-18T16:00:00Z');
    const complaint = await logUnder('code-2024', '2026-12-18T10:00:00Z');
    const data = await gqlData<{
      complaint: { deadlines: { kind: string; skippedDays: { date: string; kind: string }[] }[] };
    }>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) { deadlines { kind skippedDays { date kind } } } }`,
      { id: complaint.id },
    );
    const acknowledge = data.complaint.deadlines.find((d) => d.kind === 'ACKNOWLEDGE');
    // Fri 18 Dec + 5 working days = Tue 29 Dec, skipping two weekends and two bank holidays.
    expect(acknowledge?.skippedDays).toEqual([
      { date: '2026-12-19', kind: 'WEEKEND' },
      { date: '2026-12-20', kind: 'WEEKEND' },
      { date: '2026-12-25', kind: 'BANK_HOLIDAY' },
      { date: '2026-12-26', kind: 'WEEKEND' },
      { date: '2026-12-27', kind: 'WEEKEND' },
      { date: '2026-12-28', kind: 'BANK_HOLIDAY' },
    ]);
  });

  it('counts a complaint received on Boxing Day (a Saturday) from the Friday before it', async () => {
    api.clock.set('2026-12-29T09:00:00Z');
    const complaint = await logUnder('code-2024', '2026-12-26T11:00:00Z');
    // Counting starts after Sat 26 Dec, as it would after Fri 25: Mon 28 is the Boxing Day
    // holiday, so Tue 29 (1), Wed 30, Thu 31, Mon 4 Jan, Tue 5 Jan (5).
    expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2027-01-05',
      state: 'PENDING',
      workingDaysLeft: 4,
    });
  });
});

describe('stage 2 under seed 000 (escalation window of 20 working days, automatic closing)', () => {
  it('sets stage 2 deadlines from the escalation request', async () => {
    api.clock.set('2026-12-03T12:00:00Z');
    const complaint = await logUnder('seed-000', '2026-11-06T10:00:00Z');
    const id = complaint.id;
    await run(ACKNOWLEDGE, 'acknowledgeComplaint', { id, at: '2026-11-09T10:00:00Z' });
    await gqlData(
      api.url,
      `mutation ($id: ID!) { respondToComplaint(id: $id, input: { outcome: NOT_UPHELD, findings: "The repair was on time." }, at: "2026-11-20T10:00:00Z") { id } }`,
      { id },
    );
    const escalated = await gqlData<{
      requestEscalation: Pick<ComplaintView, 'deadlines' | 'reference'>;
    }>(
      api.url,
      `mutation ($id: ID!) { requestEscalation(id: $id, at: "2026-12-03T09:00:00Z") { deadlines { stage kind dueOn provisional state metOn workingDaysLeft extendedBy explanation } reference } }`,
      { id },
    );
    // Thu 3 Dec + 5 = Thu 10 Dec; provisional response Thu 10 Dec + 20 = Tue 12 Jan 2027.
    expect(deadlineOf(escalated.requestEscalation, 2, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2026-12-10',
      state: 'PENDING',
      workingDaysLeft: 5,
    });
    expect(deadlineOf(escalated.requestEscalation, 2, 'RESPOND')).toMatchObject({
      dueOn: '2027-01-12',
      provisional: true,
    });
  });
});

describe("a landlord's own policy: Scotland, 3-day acknowledgement, closed on Christmas Eve", () => {
  it('is created from the Code and counts its own division and closure days', async () => {
    const created = await gqlData<{
      createPolicy: {
        id: string;
        basedOn: string | null;
        division: string;
        stage1: { acknowledgeDays: number; respondDays: number };
      };
    }>(
      api.url,
      `mutation ($input: CreatePolicyInput!) {
        createPolicy(input: $input) { id basedOn division stage1 { acknowledgeDays respondDays } }
      }`,
      {
        input: {
          basedOn: 'code-2024',
          id: 'highland-homes',
          name: 'Highland Homes',
          division: 'SCOTLAND',
          stage1: { acknowledgeDays: 3 },
          closures: [{ date: '2026-12-24', title: 'Christmas closure' }],
        },
      },
    );
    expect(created.createPolicy).toEqual({
      id: 'highland-homes',
      basedOn: 'code-2024',
      division: 'SCOTLAND',
      stage1: { acknowledgeDays: 3, respondDays: 10 },
    });

    api.clock.set('2026-11-27T12:00:00Z');
    const november = await logUnder('highland-homes', '2026-11-26T10:00:00Z');
    // Thu 26 Nov + 3 working days in Scotland: Fri 27, (Mon 30 is St Andrew's Day) Tue 1,
    // Wed 2 Dec; the provisional response 10 working days after that, Wed 16 Dec.
    expect(deadlineOf(november, 1, 'ACKNOWLEDGE').dueOn).toBe('2026-12-02');
    expect(deadlineOf(november, 1, 'RESPOND').dueOn).toBe('2026-12-16');

    api.clock.set('2026-12-18T16:00:00Z');
    const christmas = await logUnder('highland-homes', '2026-12-18T10:00:00Z');
    // Mon 21, Tue 22, Wed 23 Dec; then (Thu 24 closed, Fri 25, Mon 28 for Boxing Day) Tue 29,
    // Wed 30, Thu 31, (Fri 1 Jan, Mon 4 Jan for Saturday 2 January) Tue 5 ... Wed 13 Jan 2027.
    expect(deadlineOf(christmas, 1, 'ACKNOWLEDGE').dueOn).toBe('2026-12-23');
    expect(deadlineOf(christmas, 1, 'RESPOND').dueOn).toBe('2027-01-13');
  });
});

describe('the presets', () => {
  it('never change: a policy based on one gets an id of its own, and only an admin makes one', async () => {
    const before = await gqlData<{ policy: { version: number } }>(
      api.url,
      '{ policy(id: "code-2024") { version } }',
    );
    const create = `mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id version } }`;
    for (const id of ['code-2024', 'seed-003']) {
      const refused = await gql(api.url, create, {
        input: { basedOn: id, id, name: 'Our version', stage1: { acknowledgeDays: 3 } },
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
    }
    // Named like a preset, without an id: the name's slug is refused the same way.
    const byName = await gql(api.url, create, {
      input: { basedOn: 'code-2024', name: 'Code 2024', stage1: { acknowledgeDays: 3 } },
    });
    expect(byName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const after = await gqlData<{ policy: { version: number } }>(
      api.url,
      '{ policy(id: "code-2024") { version } }',
    );
    expect(after.policy.version).toBe(before.policy.version);

    const manager = await signInNewUser(api.services, 'MANAGER');
    const forbidden = await gql(
      api.url,
      create,
      { input: { basedOn: 'code-2024', id: 'manager-made', name: 'Manager made' } },
      manager.headers,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a case read whole and the same case on a page', () => {
  const NEXT = /* GraphQL */ `
    query Next($id: ID!) {
      complaint(id: $id) {
        nextDeadline {
          stage
          kind
          dueOn
        }
      }
      complaints(filter: { ids: [$id] }, first: 1) {
        nodes {
          nextDeadline {
            stage
            kind
            dueOn
          }
        }
      }
    }
  `;
  type Next = { stage: number; kind: string; dueOn: string } | null;

  async function nextOf(id: string): Promise<{ whole: Next; onPage: Next }> {
    const data = await gqlData<{
      complaint: { nextDeadline: Next };
      complaints: { nodes: { nextDeadline: Next }[] };
    }>(api.url, NEXT, { id });
    return { whole: data.complaint.nextDeadline, onPage: data.complaints.nodes[0]!.nextDeadline };
  }

  it('name the same next deadline while it is open, and none once it has ended', async () => {
    const logged = await logUnder('code-2024', '2026-11-06T10:00:00Z');
    // Received Fri 6 Nov: the acknowledgement, 5 working days on, is next (Fri 13 Nov).
    const open = await nextOf(logged.id);
    expect(open.whole).toEqual({ stage: 1, kind: 'ACKNOWLEDGE', dueOn: '2026-11-13' });
    expect(open.onPage).toEqual(open.whole);

    await gqlData(api.url, WITHDRAW, {
      id: logged.id,
      reason: 'The resident has had the repair done and no longer wants an answer.',
      at: '2026-11-09T11:00:00Z',
    });
    // Withdrawn with its acknowledgement not yet due: nothing is due of it any more.
    const ended = await nextOf(logged.id);
    expect(ended.whole).toBeNull();
    expect(ended.onPage).toBeNull();
  });
});
