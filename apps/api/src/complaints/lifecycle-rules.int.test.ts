// The lifecycle as the Housing Ombudsman's Complaint Handling Code reads it, met over HTTP: each
// step the Code asks for and each refusal it implies, with the clause, the code a program
// branches on, the field a form marks, and nothing written when the step is refused.
//
// Dates: Fri 6 Nov 2026 received; acknowledgement due Fri 13 Nov (5 working days); acknowledged
// Tue 10 Nov, response due Tue 24 Nov (10 working days).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  ASSIGN,
  CLOSE,
  complaintFrom,
  deadlineOf,
  EXTEND,
  GET_COMPLAINT,
  LOG_COMPLAINT,
  logInput,
  notice,
  REFUSE,
  REFUSE_ESCALATION,
  REOPEN,
  REQUEST_ESCALATION,
  RESPOND,
  WITHDRAW,
  type ComplaintView,
} from '../test/complaint-operations.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2027-03-01T12:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

const RESPONSE = { outcome: 'NOT_UPHELD', findings: 'The repairs were done on time.' };

function run(
  document: string,
  field: string,
  variables: Variables,
  headers: Readonly<Record<string, string>> = {},
): Promise<ComplaintView> {
  return complaintFrom(api.url, document, field, variables, headers);
}

const get = (id: string) => run(GET_COMPLAINT, 'complaint', { id });

async function received(policyId = 'code-2024', changes: Record<string, unknown> = {}) {
  return run(LOG_COMPLAINT, 'logComplaint', {
    input: logInput('2026-11-06T10:00:00Z', { policyId, ...changes }),
    at: '2026-11-06T10:00:00Z',
  });
}

async function acknowledged(policyId?: string) {
  const c = await received(policyId);
  return run(ACKNOWLEDGE, 'acknowledgeComplaint', { id: c.id, at: '2026-11-10T10:00:00Z' });
}

async function responded(policyId?: string) {
  const c = await acknowledged(policyId);
  return run(RESPOND, 'respondToComplaint', {
    id: c.id,
    input: RESPONSE,
    at: '2026-11-20T10:00:00Z',
  });
}

/** The step is refused with this code (and field), and the case is as it was. */
async function expectRefused(
  before: ComplaintView,
  document: string,
  variables: Variables,
  expected: { code: string; refusal?: string; field?: string; mentions?: RegExp },
  headers: Readonly<Record<string, string>> = {},
) {
  const error = await gqlError(api.url, document, variables, headers);
  expect(error.extensions).toMatchObject({
    code: expected.code,
    ...(expected.refusal ? { refusal: expected.refusal } : {}),
    ...(expected.field ? { field: expected.field } : {}),
  });
  if (expected.mentions) expect(error.message).toMatch(expected.mentions);
  const after = await get(before.id);
  expect(after.version).toBe(before.version);
  expect(after.status).toBe(before.status);
  return { error, after };
}

describe('escalating (Code 6.10–6.12, 5.11)', () => {
  it('takes a closed stage 1 case to stage 2: the case opens again there', async () => {
    const c = await responded();
    const closed = await run(CLOSE, 'closeComplaint', { id: c.id, at: '2026-11-23T10:00:00Z' });
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'RESOLVED' });

    const escalated = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: c.id,
      at: '2026-11-27T10:00:00Z',
    });
    expect(escalated).toMatchObject({
      status: 'RECEIVED',
      stage: 2,
      closedAt: null,
      closeReason: null,
    });
    // No reasons were given, and none are required (6.12).
    expect(escalated.stages[1]?.escalationReason).toBeNull();
    expect(deadlineOf(escalated, 2, 'ACKNOWLEDGE').dueOn).toBe('2026-12-04');
  });

  it('asks for reasons and never requires them, whatever the policy says (seed 003)', async () => {
    const c = await responded('seed-003');
    const escalated = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: c.id,
      at: '2026-11-23T10:00:00Z',
    });
    expect(escalated).toMatchObject({ status: 'RECEIVED', stage: 2 });
  });

  it('decides a late request: accepted with a reason, or refused with reasons and the Ombudsman', async () => {
    // Seed 004 gives 20 working days after the response of Fri 20 Nov: until Fri 18 Dec.
    api.clock.set('2027-01-06T12:00:00Z');
    const c = await responded('seed-004');
    await expectRefused(
      c,
      REQUEST_ESCALATION,
      { id: c.id, reason: 'The repair failed again.', at: '2027-01-05T10:00:00Z' },
      { code: 'POLICY_REFUSED', refusal: 'ESCALATION_OUT_OF_TIME', field: 'lateReason' },
    );

    const declined = await run(REFUSE_ESCALATION, 'refuseEscalation', {
      id: c.id,
      reason: 'OUT_OF_TIME',
      explanation:
        'You asked for stage 2 seven weeks after our response and told us of no reason for the delay. You can ask the Housing Ombudsman to look at this.',
      notice: notice('2027-01-05', { method: 'LETTER' }),
      at: '2027-01-05T11:00:00Z',
    });
    expect(declined).toMatchObject({
      status: 'CLOSED',
      stage: 1,
      closeReason: 'ESCALATION_REFUSED',
      closedAt: '2027-01-05T11:00:00.000Z',
      escalationRefusal: {
        reason: 'OUT_OF_TIME',
        refusedAt: '2027-01-05T11:00:00.000Z',
        notice: { toldOn: '2027-01-05', method: 'LETTER', ombudsmanDetailsGiven: true },
      },
    });
    expect(declined.events.at(-1)?.type).toBe('escalation-refused');
    api.clock.set('2027-03-01T12:00:00Z');
  });

  it('refuses a refusal of stage 2 without a valid reason, a sentence, or the Ombudsman', async () => {
    const c = await responded();
    const valid = {
      id: c.id,
      reason: 'LEGAL_PROCEEDINGS',
      explanation: 'You have since taken the landlord to court about the same repairs.',
      notice: notice('2026-11-25'),
      at: '2026-11-25T10:00:00Z',
    };
    // The Code sets no time limit, so a request under it is never out of time (5.11).
    await expectRefused(
      c,
      REFUSE_ESCALATION,
      { ...valid, reason: 'OUT_OF_TIME' },
      { code: 'BAD_USER_INPUT', field: 'reason', mentions: /5\.11/ },
    );
    await expectRefused(
      c,
      REFUSE_ESCALATION,
      { ...valid, explanation: 'No.' },
      { code: 'BAD_USER_INPUT', field: 'explanation', mentions: /sentence/ },
    );
    await expectRefused(
      c,
      REFUSE_ESCALATION,
      { ...valid, notice: notice('2026-11-25', { ombudsmanDetailsGiven: false }) },
      {
        code: 'POLICY_REFUSED',
        refusal: 'OMBUDSMAN_DETAILS_NOT_GIVEN',
        field: 'notice.ombudsmanDetailsGiven',
      },
    );
    // The notice is part of the operation's signature: without one it does not run at all.
    const { notice: _left, ...withoutNotice } = valid;
    const missing = await gql(api.url, REFUSE_ESCALATION, withoutNotice);
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await get(c.id)).version).toBe(c.version);
  });
});

describe('re-opening an ended case', () => {
  it('opens it where it stood, with the reason, and keeps every re-opening', async () => {
    api.clock.set('2026-11-20T12:00:00Z');
    const c = await acknowledged();
    await run(WITHDRAW, 'withdrawComplaint', {
      id: c.id,
      reason: 'The resident said the repair was done.',
      at: '2026-11-12T10:00:00Z',
    });
    const before = await get(c.id);
    await expectRefused(
      before,
      REOPEN,
      { id: c.id, reason: 'Back.', at: '2026-11-16T10:00:00Z' },
      { code: 'BAD_USER_INPUT', field: 'reason' },
    );
    const reopened = await run(REOPEN, 'reopenComplaint', {
      id: c.id,
      reason: 'The resident rang: the damp came back within a week of the repair.',
      at: '2026-11-16T10:00:00Z',
    });
    expect(reopened).toMatchObject({
      status: 'ACKNOWLEDGED',
      stage: 1,
      closedAt: null,
      reopenings: [
        {
          at: '2026-11-16T10:00:00.000Z',
          reason: 'The resident rang: the damp came back within a week of the repair.',
        },
      ],
    });
    expect(reopened.events.at(-1)?.type).toBe('complaint-reopened');
    // Open again, it takes the next step of its stage.
    const answered = await run(RESPOND, 'respondToComplaint', {
      id: c.id,
      input: RESPONSE,
      at: '2026-11-18T10:00:00Z',
    });
    expect(answered.status).toBe('RESPONDED');
    api.clock.set('2027-03-01T12:00:00Z');
  });
});

describe('extending a response deadline (Code 6.4, 6.5)', () => {
  it('refuses an extension dated after the due date it moves: the response stays overdue', async () => {
    api.clock.set('2026-11-25T12:00:00Z'); // the day after the response was due
    const c = await acknowledged();
    expect(deadlineOf(c, 1, 'RESPOND')).toMatchObject({ dueOn: '2026-11-24', state: 'OVERDUE' });
    const { error } = await expectRefused(
      c,
      EXTEND,
      {
        id: c.id,
        workingDays: 5,
        reason: 'Waiting for the damp survey.',
        notice: notice('2026-11-25'),
        at: '2026-11-25T10:00:00Z',
      },
      { code: 'POLICY_REFUSED', refusal: 'EXTENSION_AFTER_DUE_DATE' },
    );
    expect(error.message).toMatch(/Tue 24 Nov 2026/);
    expect(error.message).toMatch(/6\.4/);
    const after = await get(c.id);
    expect(deadlineOf(after, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-11-24',
      state: 'OVERDUE',
      extendedBy: 0,
    });
    // The late response is missed, as it was.
    const answered = await run(RESPOND, 'respondToComplaint', {
      id: c.id,
      input: RESPONSE,
      at: '2026-11-25T11:00:00Z',
    });
    expect(deadlineOf(answered, 1, 'RESPOND')).toMatchObject({ state: 'MISSED' });
    api.clock.set('2027-03-01T12:00:00Z');
  });

  it('needs the notice: when and how the resident was told, with the Ombudsman’s details', async () => {
    const c = await acknowledged();
    const extend = {
      id: c.id,
      workingDays: 5,
      reason: 'Waiting for the damp survey.',
      at: '2026-11-20T10:00:00Z',
    };
    await expectRefused(c, EXTEND, extend, {
      code: 'POLICY_REFUSED',
      refusal: 'RESIDENT_NOT_TOLD',
      field: 'notice',
      mentions: /6\.5/,
    });
    await expectRefused(
      c,
      EXTEND,
      { ...extend, notice: notice('2026-11-20', { ombudsmanDetailsGiven: false }) },
      {
        code: 'POLICY_REFUSED',
        refusal: 'OMBUDSMAN_DETAILS_NOT_GIVEN',
        field: 'notice.ombudsmanDetailsGiven',
      },
    );
    await expectRefused(
      c,
      EXTEND,
      { ...extend, notice: notice('2026-11-23') },
      { code: 'BAD_USER_INPUT', field: 'notice.toldOn', mentions: /after the step/ },
    );
    // Beyond the Code's 10 days, the good reason is a sentence, not a token.
    await expectRefused(
      c,
      EXTEND,
      { ...extend, workingDays: 15, exceptionalReason: 'x', notice: notice('2026-11-20') },
      { code: 'BAD_USER_INPUT', field: 'exceptionalReason', mentions: /sentence/ },
    );

    const extended = await run(EXTEND, 'extendResponseDeadline', {
      ...extend,
      notice: notice('2026-11-19', { method: 'PHONE' }),
    });
    expect(extended.stages[0]?.extensions).toEqual([
      {
        workingDays: 5,
        reason: 'Waiting for the damp survey.',
        notice: { toldOn: '2026-11-19', method: 'PHONE', ombudsmanDetailsGiven: true },
        fromDueOn: '2026-11-24',
        toDueOn: '2026-12-01',
      },
    ]);
    expect(deadlineOf(extended, 1, 'RESPOND')).toMatchObject({ dueOn: '2026-12-01' });
  });
});

describe('refusing to take a complaint on (Code 2.1–2.4)', () => {
  const valid = (id: string) => ({
    id,
    reason: 'LEGAL_PROCEEDINGS',
    explanation:
      'You have started court proceedings about the same damp, so the court will decide it. You may ask the Housing Ombudsman to look at this decision.',
    notice: notice('2026-11-09', { method: 'LETTER' }),
    at: '2026-11-09T10:00:00Z',
  });

  it('needs a reason the policy offers, a sentence, the notice, and for an old matter discretion', async () => {
    const c = await received();
    await expectRefused(
      c,
      REFUSE,
      { ...valid(c.id), notice: null },
      { code: 'POLICY_REFUSED', refusal: 'RESIDENT_NOT_TOLD', field: 'notice', mentions: /2\.4/ },
    );
    await expectRefused(
      c,
      REFUSE,
      { ...valid(c.id), explanation: 'No.' },
      { code: 'BAD_USER_INPUT', field: 'explanation', mentions: /2\.1/ },
    );
    // A contractor acts for the landlord, so its service is the landlord's (1.2).
    await expectRefused(
      c,
      REFUSE,
      { ...valid(c.id), reason: 'THIRD_PARTY_SERVICE' },
      {
        code: 'POLICY_REFUSED',
        refusal: 'REFUSAL_REASON_NOT_IN_POLICY',
        field: 'reason',
        mentions: /1\.2/,
      },
    );
    await expectRefused(
      c,
      REFUSE,
      { ...valid(c.id), reason: 'OVER_12_MONTHS_OLD' },
      { code: 'BAD_USER_INPUT', field: 'discretionConsidered', mentions: /2\.3/ },
    );
    const refused = await run(REFUSE, 'refuseComplaint', valid(c.id));
    expect(refused).toMatchObject({
      status: 'REFUSED',
      refusal: {
        reason: 'LEGAL_PROCEEDINGS',
        refusedAt: '2026-11-09T10:00:00.000Z',
        discretionConsidered: null,
        notice: { toldOn: '2026-11-09', method: 'LETTER', ombudsmanDetailsGiven: true },
      },
    });
  });

  it('keeps the acknowledgement it had already missed, missed, and nothing of it overdue', async () => {
    api.clock.set('2026-11-16T12:00:00Z'); // acknowledgement was due Fri 13 Nov
    const c = await received();
    expect(deadlineOf(c, 1, 'ACKNOWLEDGE').state).toBe('OVERDUE');
    const refused = await run(REFUSE, 'refuseComplaint', {
      ...valid(c.id),
      notice: notice('2026-11-16'),
      at: '2026-11-16T10:00:00Z',
    });
    expect(refused.status).toBe('REFUSED');
    // The late acknowledgement stays on the record; the response, not yet due, does not.
    expect(refused.deadlines).toEqual([
      expect.objectContaining({
        stage: 1,
        kind: 'ACKNOWLEDGE',
        dueOn: '2026-11-13',
        state: 'MISSED',
        stoppedAt: '2026-11-16T10:00:00.000Z',
        workingDaysLeft: null,
      }),
    ]);
    const listed = await gqlData<{
      complaint: { nextDeadline: unknown };
      overdue: { nodes: { id: string }[] };
    }>(
      api.url,
      `query ($id: ID!) {
        complaint(id: $id) { nextDeadline { kind } }
        overdue: complaints(filter: { overdue: true }, first: 200) { nodes { id } }
      }`,
      { id: c.id },
    );
    expect(listed.complaint.nextDeadline).toBeNull();
    expect(listed.overdue.nodes.map((n) => n.id)).not.toContain(c.id);
    // The stored row says so too: missed and stopped, for the measures to count.
    const rows: Array<{ kind: string; stopped: boolean; met: boolean }> =
      await api.dataSource.query(
        `SELECT kind, stopped_at IS NOT NULL AS stopped, met_at IS NOT NULL AS met
           FROM complaint_deadline WHERE complaint_id = $1`,
        [c.id],
      );
    expect(rows).toEqual([{ kind: 'acknowledge', stopped: true, met: false }]);
    api.clock.set('2027-03-01T12:00:00Z');
  });
});

describe('stage 2 by someone who took no part in stage 1 (Code 6.13)', () => {
  let first: SignedInUser;
  let second: SignedInUser;

  beforeAll(async () => {
    [first, second] = await Promise.all([
      signInNewUser(api.services, 'MANAGER', { name: 'Sam Okafor' }),
      signInNewUser(api.services, 'MANAGER', { name: 'Riya Shah' }),
    ]);
  });

  it('refuses the stage 1 responder at stage 2, though nobody was assigned, and takes another', async () => {
    const c = await received();
    await run(
      ACKNOWLEDGE,
      'acknowledgeComplaint',
      { id: c.id, at: '2026-11-10T10:00:00Z' },
      first.headers,
    );
    await run(
      RESPOND,
      'respondToComplaint',
      { id: c.id, input: RESPONSE, at: '2026-11-20T10:00:00Z' },
      first.headers,
    );
    const escalated = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: c.id,
      reason: 'The damp is back.',
      at: '2026-11-23T10:00:00Z',
    });

    const independence = {
      code: 'POLICY_REFUSED',
      refusal: 'STAGE2_HANDLER_NOT_INDEPENDENT',
      mentions: /6\.13/,
    };
    await expectRefused(
      escalated,
      ACKNOWLEDGE,
      { id: c.id, at: '2026-11-24T10:00:00Z' },
      independence,
      first.headers,
    );
    await expectRefused(
      escalated,
      `mutation ($id: ID!, $assigneeId: ID!) { assignComplaint(id: $id, assigneeId: $assigneeId) { id } }`,
      { id: c.id, assigneeId: first.id },
      { ...independence, field: 'assigneeId', mentions: /Sam Okafor/ },
    );

    const acknowledged = await run(
      ACKNOWLEDGE,
      'acknowledgeComplaint',
      { id: c.id, at: '2026-11-24T10:00:00Z' },
      second.headers,
    );
    expect(acknowledged.stages[1]?.acknowledgedBy).toEqual({ kind: 'USER', id: second.id });
    await expectRefused(
      acknowledged,
      RESPOND,
      { id: c.id, input: RESPONSE, at: '2026-12-01T10:00:00Z' },
      independence,
      first.headers,
    );
    const answered = await run(
      RESPOND,
      'respondToComplaint',
      { id: c.id, input: RESPONSE, at: '2026-12-01T10:00:00Z' },
      second.headers,
    );
    expect(answered).toMatchObject({ status: 'RESPONDED', stage: 2 });
  });

  it('still compares typed names for a stage 1 handler assigned by a name only', async () => {
    const c = await received();
    await run(ASSIGN, 'assignComplaint', {
      id: c.id,
      handler: 'J Smith',
      at: '2026-11-09T09:00:00Z',
    });
    await run(ACKNOWLEDGE, 'acknowledgeComplaint', { id: c.id, at: '2026-11-10T10:00:00Z' });
    await run(RESPOND, 'respondToComplaint', {
      id: c.id,
      input: RESPONSE,
      at: '2026-11-20T10:00:00Z',
    });
    const escalated = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: c.id,
      at: '2026-11-23T10:00:00Z',
    });
    await expectRefused(
      escalated,
      ASSIGN,
      { id: c.id, handler: 'j smith ', at: '2026-11-23T11:00:00Z' },
      { code: 'POLICY_REFUSED', refusal: 'STAGE2_HANDLER_NOT_INDEPENDENT', field: 'handler' },
    );
    // "John Smith" may be someone else: a different name is not refused on a guess.
    const assigned = await run(ASSIGN, 'assignComplaint', {
      id: c.id,
      handler: 'John Smith',
      at: '2026-11-23T11:00:00Z',
    });
    expect(assigned.stages[1]?.handler).toBe('John Smith');
  });
});

describe('acknowledging defines the complaint (Code 5.6, 6.2)', () => {
  it('records the understanding, the outcome sought and a clarification, and reads them back', async () => {
    const c = await received('code-2024', { desiredOutcome: null });
    const acknowledged = await run(ACKNOWLEDGE, 'acknowledgeComplaint', {
      id: c.id,
      understanding:
        'Damp in the back bedroom has come back after three visits, and the resident has not been told why.',
      clarification: 'Asked the resident by email whether they want compensation for the wardrobe.',
      at: '2026-11-10T10:00:00Z',
    });
    expect(acknowledged.stages[0]).toMatchObject({
      understanding:
        'Damp in the back bedroom has come back after three visits, and the resident has not been told why.',
      outcomeSought: null,
      clarification: 'Asked the resident by email whether they want compensation for the wardrobe.',
      acknowledgedBy: { kind: 'USER', id: api.admin.id },
    });
    expect(await get(c.id)).toEqual(acknowledged);
  });

  it('takes the outcome sought as given, and bounds each text', async () => {
    const c = await received();
    await expectRefused(
      c,
      ACKNOWLEDGE,
      { id: c.id, understanding: 'u'.repeat(10_001), at: '2026-11-10T10:00:00Z' },
      { code: 'BAD_USER_INPUT', field: 'understanding' },
    );
    const acknowledged = await run(ACKNOWLEDGE, 'acknowledgeComplaint', {
      id: c.id,
      outcomeSought: 'A dry bedroom and £150 for the wardrobe.',
      at: '2026-11-10T10:00:00Z',
    });
    expect(acknowledged.stages[0]).toMatchObject({
      understanding: logInput('2026-11-06T10:00:00Z').summary,
      outcomeSought: 'A dry bedroom and £150 for the wardrobe.',
      clarification: null,
    });
  });
});
