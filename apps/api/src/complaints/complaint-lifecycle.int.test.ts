// One complaint through every step, each by its mutation over HTTP, checking what a partner
// sees after each: status, stage, version, deadlines and events. Dates are worked out by hand
// from the Code's figures and the bank holidays of England and Wales (25 and 28 December 2026,
// 1 January 2027 are holidays), with the server's clock set where each step needs "today".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, gqlError } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  AGREE_ACTION,
  ASSIGN,
  CLOSE,
  COMPLETE_ACTION,
  COMPLAINT_FIELDS,
  deadlineOf,
  EXTEND,
  GET_COMPLAINT,
  LOG_COMPLAINT,
  logInput,
  notice,
  PAY_REMEDY,
  REFER_TO_OMBUDSMAN,
  REFUSE,
  REQUEST_ESCALATION,
  RESPOND,
  WITHDRAW,
  type ComplaintView,
  complaintFrom,
} from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';

let api: TestServer;
let intake: SignedInUser;
let leader: SignedInUser;
/** Stage 2's reviewer: not the admin who took stage 1 (Code 6.13). */
let reviewer: SignedInUser;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
  intake = await signInNewUser(api.services, 'HANDLER', { name: 'Intake Team' });
  leader = await signInNewUser(api.services, 'MANAGER', { name: 'Team Leader' });
  reviewer = await signInNewUser(api.services, 'MANAGER', { name: 'Alex Morgan' });
});

afterAll(async () => {
  await api?.stop();
});

function run(
  document: string,
  field: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ComplaintView> {
  return complaintFrom(api.url, document, field, variables, headers);
}

const get = (id: string): Promise<ComplaintView> => run(GET_COMPLAINT, 'complaint', { id });
const eventTypes = (complaint: ComplaintView): string[] => complaint.events.map((e) => e.type);

describe('a complaint through both stages under the Code, step by step', () => {
  let complaint: ComplaintView;
  let actionId: string;

  it('logs a complaint: received at stage 1, acknowledgement due 5 working days after receipt', async () => {
    api.clock.set('2026-11-09T09:00:00Z'); // Monday
    complaint = await run(
      LOG_COMPLAINT,
      'logComplaint',
      // Friday 6 November 2026, 10:00 GMT.
      { input: logInput('2026-11-06T10:00:00Z'), at: '2026-11-06T10:05:00Z' },
      intake.headers,
    );

    expect(complaint).toMatchObject({
      status: 'RECEIVED',
      stage: 1,
      version: 1,
      receivedAt: '2026-11-06T10:00:00.000Z',
      receivedOn: '2026-11-06',
      assignee: null,
      policy: { id: 'code-2024' },
    });
    expect(complaint.reference).toMatch(/^CMP-2026-\d{6}$/);
    // Fri 6 Nov + 5 working days = Fri 13 Nov; Monday 9th leaves Tue, Wed, Thu, Fri.
    expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2026-11-13',
      provisional: false,
      state: 'PENDING',
      workingDaysLeft: 4,
      metOn: null,
    });
    // Until acknowledged, the response counts 10 working days from the acknowledgement's due
    // date: Fri 13 Nov + 10 = Fri 27 Nov.
    expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-11-27',
      provisional: true,
      state: 'PENDING',
    });
    expect(complaint.deadlines.filter((d) => d.stage === 2)).toEqual([]);
    expect(complaint.events).toEqual([
      {
        version: 1,
        type: 'complaint-logged',
        at: '2026-11-06T10:05:00.000Z',
        actor: { kind: 'USER', id: intake.id },
      },
    ]);

    // The same complaint is found by the reference the resident quotes.
    const byReference = await gqlData<{ complaintByReference: { id: string } | null }>(
      api.url,
      `query ($reference: String!) { complaintByReference(reference: $reference) { id } }`,
      { reference: complaint.reference },
    );
    expect(byReference.complaintByReference).toEqual({ id: complaint.id });
  });

  it('assigns a handler: the case shows who has it, with no change to its deadlines', async () => {
    complaint = await run(
      ASSIGN,
      'assignComplaint',
      { id: complaint.id, handler: 'Sam Patel', at: '2026-11-09T08:30:00Z', expectedVersion: 1 },
      leader.headers,
    );
    expect(complaint).toMatchObject({ version: 2, status: 'RECEIVED', assignee: 'Sam Patel' });
    expect(complaint.stages[0]?.handler).toBe('Sam Patel');
    expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE').dueOn).toBe('2026-11-13');
    expect(complaint.events.at(-1)).toMatchObject({
      version: 2,
      type: 'complaint-assigned',
      actor: { kind: 'USER', id: leader.id },
    });
  });

  it('acknowledges on Tuesday: the acknowledgement is met and the response is due 10 working days later', async () => {
    api.clock.set('2026-11-12T10:00:00Z'); // Thursday
    complaint = await run(ACKNOWLEDGE, 'acknowledgeComplaint', {
      id: complaint.id,
      at: '2026-11-10T14:00:00Z',
      expectedVersion: 2,
    });
    expect(complaint).toMatchObject({ version: 3, status: 'ACKNOWLEDGED', stage: 1 });
    expect(complaint.stages[0]?.acknowledgedAt).toBe('2026-11-10T14:00:00.000Z');
    // The complaint as logged is what the acknowledgement sets out, unless told otherwise (5.6).
    expect(complaint.stages[0]).toMatchObject({
      understanding: logInput('2026-11-06T10:00:00Z').summary,
      outcomeSought: logInput('2026-11-06T10:00:00Z').desiredOutcome,
      clarification: null,
      acknowledgedBy: { kind: 'USER', id: api.admin.id },
    });
    expect(deadlineOf(complaint, 1, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2026-11-13',
      state: 'MET',
      metOn: '2026-11-10',
      workingDaysLeft: null,
    });
    // Tue 10 Nov + 10 working days = Tue 24 Nov; from Thu 12th that is 8 working days away.
    expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-11-24',
      provisional: false,
      state: 'PENDING',
      workingDaysLeft: 8,
      extendedBy: 0,
    });
  });

  it('extends the response by 5 working days: the due date moves on from the current one', async () => {
    api.clock.set('2026-11-23T09:00:00Z'); // Monday
    complaint = await run(EXTEND, 'extendResponseDeadline', {
      id: complaint.id,
      workingDays: 5,
      reason: "We are waiting for the damp surveyor's report, due on 27 November.",
      notice: notice('2026-11-23'),
      at: '2026-11-23T08:30:00Z',
      expectedVersion: 3,
    });
    expect(complaint.version).toBe(4);
    expect(complaint.stages[0]?.extensions).toEqual([
      {
        workingDays: 5,
        reason: "We are waiting for the damp surveyor's report, due on 27 November.",
        notice: { toldOn: '2026-11-23', method: 'EMAIL', ombudsmanDetailsGiven: true },
        fromDueOn: '2026-11-24',
        toDueOn: '2026-12-01',
      },
    ]);
    // Tue 24 Nov + 5 working days = Tue 1 Dec.
    expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-12-01',
      extendedBy: 5,
      state: 'PENDING',
      workingDaysLeft: 6,
    });
  });

  it('shows the response as due soon the day before, and due today on the day', async () => {
    api.clock.set('2026-11-30T09:00:00Z'); // Monday
    expect(deadlineOf(await get(complaint.id), 1, 'RESPOND')).toMatchObject({
      state: 'DUE_SOON',
      workingDaysLeft: 1,
    });
    api.clock.set('2026-12-01T09:00:00Z');
    expect(deadlineOf(await get(complaint.id), 1, 'RESPOND')).toMatchObject({
      state: 'DUE_TODAY',
      workingDaysLeft: 0,
    });
  });

  it('responds with remedies: responded, the response met on the day', async () => {
    api.clock.set('2026-12-01T12:00:00Z');
    complaint = await run(RESPOND, 'respondToComplaint', {
      id: complaint.id,
      input: {
        outcome: 'PARTLY_UPHELD',
        findings: 'The first two repairs treated the mould but not the leaking window seals.',
        remedies: [
          { kind: 'APOLOGY', description: 'We apologise for the repeated visits.' },
          {
            kind: 'FINANCIAL_COMPENSATION',
            description: 'For the damaged wardrobe.',
            amountPence: 15000,
          },
        ],
      },
      at: '2026-12-01T11:00:00Z',
      expectedVersion: 4,
    });
    expect(complaint).toMatchObject({ version: 5, status: 'RESPONDED', stage: 1 });
    expect(complaint.stages[0]).toMatchObject({
      respondedAt: '2026-12-01T11:00:00.000Z',
      outcome: 'PARTLY_UPHELD',
      remedies: [
        {
          kind: 'APOLOGY',
          description: 'We apologise for the repeated visits.',
          amountPence: null,
        },
        {
          kind: 'FINANCIAL_COMPENSATION',
          description: 'For the damaged wardrobe.',
          amountPence: 15000,
        },
      ],
    });
    expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-12-01',
      state: 'MET',
      metOn: '2026-12-01',
    });
  });

  it('agrees a remedy action with an owner and a due date', async () => {
    complaint = await run(AGREE_ACTION, 'agreeAction', {
      complaintId: complaint.id,
      input: {
        description: 'Replace the bedroom window seals and treat the mould.',
        owner: 'Repairs team',
        dueOn: '2026-12-18',
        remedy: 'ACTION_ON_DELAY',
      },
      at: '2026-12-01T11:30:00Z',
      expectedVersion: 5,
    });
    expect(complaint.version).toBe(6);
    expect(complaint.status).toBe('RESPONDED');
    expect(complaint.actions).toHaveLength(1);
    expect(complaint.actions[0]).toMatchObject({
      stage: 1,
      description: 'Replace the bedroom window seals and treat the mould.',
      owner: 'Repairs team',
      dueOn: '2026-12-18',
      remedy: 'ACTION_ON_DELAY',
      completedAt: null,
    });
    actionId = complaint.actions[0]?.id ?? '';
    expect(actionId).not.toBe('');
  });

  it('pays the compensation offered (remedy 1.2) the next day', async () => {
    api.clock.set('2026-12-02T15:00:00Z');
    complaint = await run(PAY_REMEDY, 'payRemedy', {
      complaintId: complaint.id,
      remedyId: '1.2',
      amountPence: 15000,
      paidOn: '2026-12-02',
      at: '2026-12-02T14:00:00Z',
      expectedVersion: 6,
    });
    expect(complaint).toMatchObject({ version: 7, status: 'RESPONDED', stage: 1 });
    expect(complaint.events.at(-1)).toMatchObject({ type: 'remedy-paid', version: 7 });
  });

  it('takes an escalation request: stage 2 begins, acknowledgement due 5 working days later', async () => {
    api.clock.set('2026-12-03T10:00:00Z'); // Thursday
    complaint = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: complaint.id,
      reason: 'The repair date is too far away and the mould is back.',
      at: '2026-12-03T09:00:00Z',
      expectedVersion: 7,
    });
    expect(complaint).toMatchObject({ version: 8, status: 'RECEIVED', stage: 2, assignee: null });
    expect(complaint.stages.map((s) => s.number)).toEqual([1, 2]);
    expect(complaint.stages[1]?.escalationReason).toBe(
      'The repair date is too far away and the mould is back.',
    );
    // Thu 3 Dec + 5 = Thu 10 Dec; provisional response Thu 10 Dec + 20, over Christmas (25, 28
    // Dec and 1 Jan are holidays) = Tue 12 Jan 2027.
    expect(deadlineOf(complaint, 2, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2026-12-10',
      state: 'PENDING',
    });
    expect(deadlineOf(complaint, 2, 'RESPOND')).toMatchObject({
      dueOn: '2027-01-12',
      provisional: true,
    });
    // Stage 1's deadlines stay on the record as they ended.
    expect(deadlineOf(complaint, 1, 'RESPOND')).toMatchObject({
      state: 'MET',
      metOn: '2026-12-01',
    });
  });

  it('refuses the stage 1 handler for stage 2, then assigns an independent reviewer', async () => {
    const refused = await gqlError(api.url, ASSIGN, {
      id: complaint.id,
      handler: 'Sam Patel',
      at: '2026-12-03T09:30:00Z',
    });
    expect(refused.extensions).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'STAGE2_HANDLER_NOT_INDEPENDENT',
    });
    expect(refused.message).toMatch(/Sam Patel/);

    complaint = await run(ASSIGN, 'assignComplaint', {
      id: complaint.id,
      handler: 'Alex Morgan',
      at: '2026-12-03T09:30:00Z',
      expectedVersion: 8,
    });
    expect(complaint).toMatchObject({ version: 9, assignee: 'Alex Morgan' });
    expect(complaint.stages.map((s) => s.handler)).toEqual(['Sam Patel', 'Alex Morgan']);
  });

  it('acknowledges stage 2: its response is due 20 working days later, across Christmas', async () => {
    api.clock.set('2026-12-07T11:00:00Z'); // Monday
    complaint = await run(
      ACKNOWLEDGE,
      'acknowledgeComplaint',
      { id: complaint.id, at: '2026-12-07T10:00:00Z', expectedVersion: 9 },
      reviewer.headers,
    );
    expect(complaint).toMatchObject({ version: 10, status: 'ACKNOWLEDGED', stage: 2 });
    // Stage 2 sets out the escalation as the resident put it, and stage 1's outcome sought.
    expect(complaint.stages[1]).toMatchObject({
      understanding: 'The repair date is too far away and the mould is back.',
      outcomeSought: logInput('2026-11-06T10:00:00Z').desiredOutcome,
      acknowledgedBy: { kind: 'USER', id: reviewer.id },
    });
    expect(deadlineOf(complaint, 2, 'ACKNOWLEDGE')).toMatchObject({
      state: 'MET',
      metOn: '2026-12-07',
    });
    // Mon 7 Dec + 20 working days, skipping 25 and 28 Dec and 1 Jan = Thu 7 Jan 2027.
    expect(deadlineOf(complaint, 2, 'RESPOND')).toMatchObject({
      dueOn: '2027-01-07',
      provisional: false,
      state: 'PENDING',
      workingDaysLeft: 20,
    });
    expect(deadlineOf(complaint, 2, 'RESPOND').explanation).toMatch(/20 working days/);
  });

  it('responds at stage 2', async () => {
    api.clock.set('2027-01-05T11:00:00Z');
    complaint = await run(
      RESPOND,
      'respondToComplaint',
      {
        id: complaint.id,
        input: {
          outcome: 'NOT_UPHELD',
          findings: 'The stage 1 remedy is fair and the repair is booked.',
        },
        at: '2027-01-05T10:00:00Z',
        expectedVersion: 10,
      },
      reviewer.headers,
    );
    expect(complaint).toMatchObject({ version: 11, status: 'RESPONDED', stage: 2 });
    expect(complaint.stages[1]).toMatchObject({ outcome: 'NOT_UPHELD', remedies: [] });
    expect(deadlineOf(complaint, 2, 'RESPOND')).toMatchObject({
      state: 'MET',
      metOn: '2027-01-05',
    });
  });

  it('refuses to close while the agreed action is open, then completes the action', async () => {
    api.clock.set('2027-01-06T09:30:00Z');
    const refused = await gqlError(api.url, CLOSE, {
      id: complaint.id,
      at: '2027-01-06T09:00:00Z',
    });
    expect(refused.extensions).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'CLOSE_WITH_OPEN_ACTIONS',
    });

    api.clock.set('2027-01-06T12:00:00Z');
    complaint = await run(COMPLETE_ACTION, 'completeAction', {
      complaintId: complaint.id,
      actionId,
      note: 'Seals replaced and mould treated on 5 January.',
      at: '2027-01-06T10:00:00Z',
      expectedVersion: 11,
    });
    expect(complaint.version).toBe(12);
    expect(complaint.actions[0]).toMatchObject({
      id: actionId,
      completedAt: '2027-01-06T10:00:00.000Z',
      note: 'Seals replaced and mould treated on 5 January.',
    });
  });

  it('closes the complaint', async () => {
    complaint = await run(CLOSE, 'closeComplaint', {
      id: complaint.id,
      at: '2027-01-06T11:00:00Z',
      expectedVersion: 12,
    });
    expect(complaint).toMatchObject({
      version: 13,
      status: 'CLOSED',
      closedAt: '2027-01-06T11:00:00.000Z',
    });
  });

  it('records a referral to the Ombudsman after closing', async () => {
    api.clock.set('2027-01-20T11:00:00Z');
    complaint = await run(REFER_TO_OMBUDSMAN, 'referToOmbudsman', {
      id: complaint.id,
      reference: 'HOS-202700123',
      at: '2027-01-20T10:00:00Z',
      expectedVersion: 13,
    });
    expect(complaint).toMatchObject({
      version: 14,
      status: 'CLOSED',
      ombudsmanReferrals: [{ reference: 'HOS-202700123', referredAt: '2027-01-20T10:00:00.000Z' }],
    });
  });

  it('keeps every step as an event, in order, read back as stored', async () => {
    const stored = await get(complaint.id);
    expect(eventTypes(stored)).toEqual([
      'complaint-logged',
      'complaint-assigned',
      'complaint-acknowledged',
      'response-deadline-extended',
      'complaint-responded',
      'action-agreed',
      'remedy-paid',
      'escalation-requested',
      'complaint-assigned',
      'complaint-acknowledged',
      'complaint-responded',
      'action-completed',
      'complaint-closed',
      'referred-to-ombudsman',
    ]);
    expect(stored.events.map((e) => e.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    expect(stored).toEqual(complaint);
  });
});

describe('the other ways a complaint ends', () => {
  it('withdraws a complaint: withdrawn, ended, and no further step accepted', async () => {
    api.clock.set('2026-11-20T12:00:00Z');
    const logged = await run(LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-16T09:00:00Z'),
      at: '2026-11-16T09:00:00Z',
    });
    const withdrawn = await run(WITHDRAW, 'withdrawComplaint', {
      id: logged.id,
      reason: 'The housing officer fixed it on her visit; I am happy now.',
      at: '2026-11-17T15:00:00Z',
      expectedVersion: 1,
    });
    expect(withdrawn).toMatchObject({
      version: 2,
      status: 'WITHDRAWN',
      closedAt: '2026-11-17T15:00:00.000Z',
    });
    expect(eventTypes(withdrawn)).toEqual(['complaint-logged', 'complaint-withdrawn']);

    const refused = await gqlError(api.url, ACKNOWLEDGE, { id: logged.id });
    expect(refused.extensions).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'COMPLAINT_NOT_OPEN',
    });
  });

  it('refuses a complaint for a valid reason: refused, with the explanation kept', async () => {
    api.clock.set('2026-11-20T12:00:00Z');
    const logged = await run(LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-18T09:00:00Z', { summary: 'The kitchen refit in 2024 was poor.' }),
    });
    const refused = await run(REFUSE, 'refuseComplaint', {
      id: logged.id,
      reason: 'OVER_12_MONTHS_OLD',
      explanation:
        'The refit was finished in March 2024, more than 12 months ago. You may still ask the Housing Ombudsman to look at this.',
      notice: notice('2026-11-20', { method: 'LETTER' }),
      discretionConsidered:
        'No reason was given for the delay, and the refit has since been inspected and signed off.',
      expectedVersion: 1,
    });
    expect(refused).toMatchObject({
      version: 2,
      status: 'REFUSED',
      closedAt: '2026-11-20T12:00:00.000Z',
    });
    expect(eventTypes(refused)).toEqual(['complaint-logged', 'complaint-refused']);
    // With no `at`, the step happened now: the server's clock.
    expect(refused.events[1]?.at).toBe('2026-11-20T12:00:00.000Z');

    expect(refused.refusal).toMatchObject({
      reason: 'OVER_12_MONTHS_OLD',
      refusedAt: '2026-11-20T12:00:00.000Z',
      notice: { toldOn: '2026-11-20', method: 'LETTER', ombudsmanDetailsGiven: true },
      discretionConsidered: expect.stringMatching(/signed off/),
    });
    expect(refused.refusal?.explanation).toMatch(/Housing Ombudsman/);
  });
});

describe('service requests', () => {
  it('records a service request and converts it into a complaint that keeps the link', async () => {
    api.clock.set('2026-11-20T12:00:00Z');
    const recorded = await gqlData<{ recordFeedback: { id: string; kind: string } }>(
      api.url,
      `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id kind } }`,
      {
        input: {
          kind: 'SERVICE_REQUEST',
          receivedAt: '2026-11-02T09:00:00Z',
          channel: 'PHONE',
          from: 'Priya Shah',
          summary: 'The boiler has no hot water.',
          category: 'repairs',
        },
      },
    );
    expect(recorded.recordFeedback.kind).toBe('SERVICE_REQUEST');
    const requestId = recorded.recordFeedback.id;

    const converted = await run(
      `mutation ($id: ID!, $input: LogComplaintInput!, $at: DateTime) {
        convertServiceRequest(id: $id, input: $input, at: $at) { ...ComplaintFields }
      }
      ${COMPLAINT_FIELDS}`,
      'convertServiceRequest',
      {
        id: requestId,
        input: logInput('2026-11-19T16:00:00Z', {
          channel: 'PHONE',
          complainant: { name: 'Priya Shah', type: 'TENANT', phone: '07700 900123' },
          summary: 'Two engineers came and the boiler still gives no hot water after two weeks.',
        }),
        at: '2026-11-19T16:05:00Z',
      },
    );
    expect(converted).toMatchObject({
      status: 'RECEIVED',
      stage: 1,
      version: 1,
      serviceRequestId: requestId,
      receivedOn: '2026-11-19',
    });
    // Thu 19 Nov + 5 working days = Thu 26 Nov.
    expect(deadlineOf(converted, 1, 'ACKNOWLEDGE').dueOn).toBe('2026-11-26');

    const request = await gqlData<{ feedback: { convertedToComplaintId: string | null } | null }>(
      api.url,
      `query ($id: ID!) { feedback(id: $id) { convertedToComplaintId } }`,
      { id: requestId },
    );
    expect(request.feedback).toEqual({ convertedToComplaintId: converted.id });

    const again = await gqlError(
      api.url,
      `mutation ($id: ID!, $input: LogComplaintInput!) { convertServiceRequest(id: $id, input: $input) { id } }`,
      { id: requestId, input: logInput('2026-11-19T16:00:00Z') },
    );
    // A second conversion lost to the first, as when two handlers convert the same request.
    expect(again.extensions?.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already became/i);
  });
});

describe('deadline states that slip', () => {
  it('shows an unacknowledged complaint as overdue, and a late acknowledgement as missed', async () => {
    api.clock.set('2026-11-16T09:00:00Z'); // Monday after the Friday it was due
    const logged = await run(LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-06T10:00:00Z'),
      at: '2026-11-06T10:00:00Z',
    });
    expect(deadlineOf(logged, 1, 'ACKNOWLEDGE')).toMatchObject({
      dueOn: '2026-11-13',
      state: 'OVERDUE',
      workingDaysLeft: -1,
    });
    const acknowledged = await run(ACKNOWLEDGE, 'acknowledgeComplaint', { id: logged.id });
    expect(deadlineOf(acknowledged, 1, 'ACKNOWLEDGE')).toMatchObject({
      state: 'MISSED',
      metOn: '2026-11-16',
    });
    // A late acknowledgement buys the response no time: it still counts from the day the
    // acknowledgement was due, Fri 13 Nov + 10 = Fri 27 Nov, no longer provisional.
    expect(deadlineOf(acknowledged, 1, 'RESPOND')).toMatchObject({
      dueOn: '2026-11-27',
      provisional: false,
    });
  });
});
