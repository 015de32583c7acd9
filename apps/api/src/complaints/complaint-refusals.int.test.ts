// Every rule the domain enforces, met through the API: the step is refused with
// `extensions.code: POLICY_REFUSED` and the domain's refusal code, a message a person can act
// on, and nothing written (the version and the events are as they were).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  AGREE_ACTION,
  ASSIGN,
  CLOSE,
  COMPLETE_ACTION,
  EXTEND,
  GET_COMPLAINT,
  LOG_COMPLAINT,
  logInput,
  notice,
  REFER_TO_OMBUDSMAN,
  REFUSE,
  REOPEN,
  REQUEST_ESCALATION,
  RESPOND,
  WITHDRAW,
  type ComplaintView,
  complaintFrom,
} from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';

// Every step below is dated in November and December 2026; "now" is well after them.
const NOW = '2027-03-01T12:00:00Z';

let api: TestServer;
/** Stage 2's reviewer, who took no part in stage 1 (Code 6.13). */
let reviewer: SignedInUser;

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
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

const RESPONSE = { outcome: 'UPHELD', findings: 'The repair was late.' };

/** Builds a case up to a point in its life, through the API, with every step dated. */
const reach = {
  received: (policyId = 'code-2024') =>
    run(LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-06T10:00:00Z', { policyId }),
      at: '2026-11-06T10:00:00Z',
    }),
  assigned: async (policyId?: string) => {
    const c = await reach.received(policyId);
    return run(ASSIGN, 'assignComplaint', {
      id: c.id,
      handler: 'Sam Patel',
      at: '2026-11-09T09:00:00Z',
    });
  },
  acknowledged: async (policyId?: string) => {
    const c = await reach.assigned(policyId);
    return run(ACKNOWLEDGE, 'acknowledgeComplaint', { id: c.id, at: '2026-11-10T10:00:00Z' });
  },
  responded: async (policyId?: string) => {
    const c = await reach.acknowledged(policyId);
    return run(RESPOND, 'respondToComplaint', {
      id: c.id,
      input: RESPONSE,
      at: '2026-11-20T10:00:00Z',
    });
  },
  withOpenAction: async () => {
    const c = await reach.responded();
    return run(AGREE_ACTION, 'agreeAction', {
      complaintId: c.id,
      input: {
        description: 'Fit a new extractor fan.',
        owner: 'Repairs team',
        dueOn: '2026-12-11',
      },
      at: '2026-11-20T11:00:00Z',
    });
  },
  withCompletedAction: async () => {
    const c = await reach.withOpenAction();
    return run(COMPLETE_ACTION, 'completeAction', {
      complaintId: c.id,
      actionId: c.actions[0]?.id,
      at: '2026-11-25T11:00:00Z',
    });
  },
  escalated: async () => {
    const c = await reach.responded();
    return run(REQUEST_ESCALATION, 'requestEscalation', { id: c.id, at: '2026-11-23T10:00:00Z' });
  },
  respondedAtStage2: async () => {
    const c = await reach.escalated();
    await run(ASSIGN, 'assignComplaint', {
      id: c.id,
      handler: 'Alex Morgan',
      at: '2026-11-23T11:00:00Z',
    });
    await run(
      ACKNOWLEDGE,
      'acknowledgeComplaint',
      { id: c.id, at: '2026-11-24T10:00:00Z' },
      reviewer.headers,
    );
    return run(
      RESPOND,
      'respondToComplaint',
      { id: c.id, input: RESPONSE, at: '2026-12-15T10:00:00Z' },
      reviewer.headers,
    );
  },
  withdrawn: async () => {
    const c = await reach.received();
    return run(WITHDRAW, 'withdrawComplaint', {
      id: c.id,
      reason: 'Sorted out',
      at: '2026-11-09T10:00:00Z',
    });
  },
  referred: async () => {
    const c = await reach.received();
    return run(REFER_TO_OMBUDSMAN, 'referToOmbudsman', {
      id: c.id,
      reference: 'HOS-202600042',
      at: '2026-11-09T10:00:00Z',
    });
  },
};

interface RefusalCase {
  readonly refusal: string;
  readonly when: string;
  readonly prepare: () => Promise<ComplaintView>;
  readonly attempt: (complaint: ComplaintView) => { query: string; variables: Variables };
  /** A word the message must contain, so it tells the reader what is wrong. */
  readonly mentions: RegExp;
}

const cases: RefusalCase[] = [
  {
    refusal: 'COMPLAINT_ALREADY_ACKNOWLEDGED',
    when: 'acknowledging twice',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({ query: ACKNOWLEDGE, variables: { id: c.id, at: '2026-11-11T10:00:00Z' } }),
    mentions: /acknowledged/i,
  },
  {
    refusal: 'COMPLAINT_NOT_ACKNOWLEDGED',
    when: 'responding before acknowledging',
    prepare: () => reach.assigned(),
    attempt: (c) => ({
      query: RESPOND,
      variables: { id: c.id, input: RESPONSE, at: '2026-11-12T10:00:00Z' },
    }),
    mentions: /acknowledg/i,
  },
  {
    refusal: 'EXTENSION_OVER_POLICY_MAXIMUM',
    when: 'extending by more than the Code allows (10 working days) with no exceptional reason',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: EXTEND,
      variables: {
        id: c.id,
        workingDays: 11,
        reason: 'Waiting for a contractor.',
        notice: notice('2026-11-12'),
        at: '2026-11-12T10:00:00Z',
      },
    }),
    mentions: /10/,
  },
  {
    refusal: 'EXTENSION_OVER_POLICY_MAXIMUM',
    when: 'a second extension that takes the total over the maximum',
    prepare: async () => {
      const c = await reach.acknowledged();
      return run(EXTEND, 'extendResponseDeadline', {
        id: c.id,
        workingDays: 6,
        reason: 'Waiting for a contractor.',
        notice: notice('2026-11-12'),
        at: '2026-11-12T10:00:00Z',
      });
    },
    attempt: (c) => ({
      query: EXTEND,
      variables: {
        id: c.id,
        workingDays: 5,
        reason: 'Still waiting.',
        notice: notice('2026-11-13'),
        at: '2026-11-13T10:00:00Z',
      },
    }),
    mentions: /10/,
  },
  {
    refusal: 'EXTENSION_AFTER_RESPONSE',
    when: 'extending after the response',
    prepare: () => reach.responded(),
    attempt: (c) => ({
      query: EXTEND,
      variables: { id: c.id, workingDays: 2, reason: 'Late.', at: '2026-11-21T10:00:00Z' },
    }),
    mentions: /respon/i,
  },
  {
    refusal: 'COMPLAINT_ALREADY_RESPONDED',
    when: 'responding twice',
    prepare: () => reach.responded(),
    attempt: (c) => ({
      query: RESPOND,
      variables: { id: c.id, input: RESPONSE, at: '2026-11-21T10:00:00Z' },
    }),
    mentions: /respon/i,
  },
  {
    refusal: 'ESCALATION_BEFORE_RESPONSE',
    when: 'escalating before stage 1 is answered',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: REQUEST_ESCALATION,
      variables: { id: c.id, at: '2026-11-12T10:00:00Z' },
    }),
    mentions: /stage 1/i,
  },
  {
    refusal: 'NO_FURTHER_STAGE',
    when: 'escalating at stage 2',
    prepare: () => reach.respondedAtStage2(),
    attempt: (c) => ({
      query: REQUEST_ESCALATION,
      variables: { id: c.id, reason: 'Still unhappy', at: '2026-12-16T10:00:00Z' },
    }),
    mentions: /stage 2|two stages|Ombudsman/i,
  },
  {
    refusal: 'STAGE2_HANDLER_NOT_INDEPENDENT',
    when: 'giving stage 2 to the stage 1 handler',
    prepare: () => reach.escalated(),
    attempt: (c) => ({
      query: ASSIGN,
      variables: { id: c.id, handler: 'Sam Patel', at: '2026-11-23T11:00:00Z' },
    }),
    mentions: /Sam Patel/,
  },
  {
    refusal: 'EXTENSION_AFTER_DUE_DATE',
    when: 'extending after the response was due (Tue 24 Nov), however it is told',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: EXTEND,
      variables: {
        id: c.id,
        workingDays: 5,
        reason: 'Waiting for a contractor.',
        notice: notice('2026-11-25'),
        at: '2026-11-25T10:00:00Z',
      },
    }),
    mentions: /before the due date/,
  },
  {
    refusal: 'RESIDENT_NOT_TOLD',
    when: 'extending without recording when and how the resident was told',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: EXTEND,
      variables: { id: c.id, workingDays: 5, reason: 'A survey.', at: '2026-11-12T10:00:00Z' },
    }),
    mentions: /6\.5/,
  },
  {
    refusal: 'OMBUDSMAN_DETAILS_NOT_GIVEN',
    when: "refusing a complaint without giving the Ombudsman's details",
    prepare: () => reach.received(),
    attempt: (c) => ({
      query: REFUSE,
      variables: {
        id: c.id,
        reason: 'LEGAL_PROCEEDINGS',
        explanation: 'Court proceedings about the same damp have begun, so we cannot look at it.',
        notice: notice('2026-11-09', { ombudsmanDetailsGiven: false }),
        at: '2026-11-09T10:00:00Z',
      },
    }),
    mentions: /2\.4/,
  },
  {
    refusal: 'REFUSAL_REASON_NOT_IN_POLICY',
    when: "refusing as a third party's service under the Code (a contractor acts for the landlord)",
    prepare: () => reach.received(),
    attempt: (c) => ({
      query: REFUSE,
      variables: {
        id: c.id,
        reason: 'THIRD_PARTY_SERVICE',
        explanation: 'The repair was done by our contractor, who handles its own complaints.',
        notice: notice('2026-11-09'),
        at: '2026-11-09T10:00:00Z',
      },
    }),
    mentions: /1\.2/,
  },
  {
    refusal: 'OUTCOME_SOUGHT_NOT_RECORDED',
    when: 'acknowledging with no outcome sought known and no clarification asked',
    prepare: () =>
      run(LOG_COMPLAINT, 'logComplaint', {
        input: logInput('2026-11-06T10:00:00Z', { desiredOutcome: null }),
        at: '2026-11-06T10:00:00Z',
      }),
    attempt: (c) => ({ query: ACKNOWLEDGE, variables: { id: c.id, at: '2026-11-09T10:00:00Z' } }),
    mentions: /5\.6/,
  },
  {
    refusal: 'COMPLAINT_NOT_ENDED',
    when: 're-opening a case that is still open',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: REOPEN,
      variables: {
        id: c.id,
        reason: 'The resident rang to say the damp is back.',
        at: '2026-11-11T10:00:00Z',
      },
    }),
    mentions: /nothing to re-open/,
  },
  {
    refusal: 'ESCALATION_OUT_OF_TIME',
    when: 'escalating after the 20 working days seed 004 allows (window ended Fri 18 Dec 2026)',
    prepare: () => reach.responded('seed-004'),
    attempt: (c) => ({
      query: REQUEST_ESCALATION,
      variables: { id: c.id, reason: 'The repair failed again.', at: '2027-01-05T10:00:00Z' },
    }),
    mentions: /20 working days/,
  },
  {
    refusal: 'CLOSE_WITH_OPEN_ACTIONS',
    when: 'closing with an agreed action open, under the Code (closing waits for actions)',
    prepare: () => reach.withOpenAction(),
    attempt: (c) => ({ query: CLOSE, variables: { id: c.id, at: '2026-11-21T10:00:00Z' } }),
    mentions: /action/i,
  },
  {
    refusal: 'CLOSE_BEFORE_RESPONSE',
    when: 'closing before any response',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({ query: CLOSE, variables: { id: c.id, at: '2026-11-12T10:00:00Z' } }),
    mentions: /respon/i,
  },
  {
    refusal: 'ACTIONS_BEFORE_RESPONSE',
    when: 'agreeing an action before the response',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: AGREE_ACTION,
      variables: {
        complaintId: c.id,
        input: { description: 'Repaint.', owner: 'Repairs team', dueOn: '2026-12-11' },
        at: '2026-11-12T10:00:00Z',
      },
    }),
    mentions: /respon/i,
  },
  {
    refusal: 'ACTION_ALREADY_COMPLETED',
    when: 'completing an action twice',
    prepare: () => reach.withCompletedAction(),
    attempt: (c) => ({
      query: COMPLETE_ACTION,
      variables: { complaintId: c.id, actionId: c.actions[0]?.id, at: '2026-11-26T10:00:00Z' },
    }),
    mentions: /complete/i,
  },
  {
    refusal: 'REFUSAL_AFTER_RESPONSE',
    when: 'refusing a complaint already answered',
    prepare: () => reach.responded(),
    attempt: (c) => ({
      query: REFUSE,
      variables: {
        id: c.id,
        reason: 'ALREADY_CONSIDERED',
        explanation: 'We looked at this in 2025.',
        at: '2026-11-21T10:00:00Z',
      },
    }),
    mentions: /answered|respon/i,
  },
  {
    refusal: 'COMPLAINT_NOT_OPEN',
    when: 'acknowledging a withdrawn complaint',
    prepare: () => reach.withdrawn(),
    attempt: (c) => ({ query: ACKNOWLEDGE, variables: { id: c.id, at: '2026-11-10T10:00:00Z' } }),
    mentions: /withdrawn/i,
  },
  {
    refusal: 'ALREADY_REFERRED_TO_OMBUDSMAN',
    when: 'recording the same Ombudsman referral twice',
    prepare: () => reach.referred(),
    attempt: (c) => ({
      query: REFER_TO_OMBUDSMAN,
      variables: { id: c.id, reference: 'HOS-202600042', at: '2026-11-10T10:00:00Z' },
    }),
    mentions: /HOS-202600042/,
  },
  {
    refusal: 'EVENT_IN_FUTURE',
    when: 'a step dated after now',
    prepare: () => reach.received(),
    attempt: (c) => ({ query: ACKNOWLEDGE, variables: { id: c.id, at: '2027-03-02T09:00:00Z' } }),
    mentions: /after now/i,
  },
  {
    refusal: 'EVENT_BEFORE_PREVIOUS',
    when: 'a step dated before the last one recorded',
    prepare: () => reach.acknowledged(),
    attempt: (c) => ({
      query: ASSIGN,
      variables: { id: c.id, handler: 'Kim Lee', at: '2026-11-09T12:00:00Z' },
    }),
    mentions: /before the last step/i,
  },
];

describe('each refusal of the domain reaches the partner as POLICY_REFUSED, and writes nothing', () => {
  it.each(cases)('$refusal when $when', async ({ refusal, prepare, attempt, mentions }) => {
    const before = await prepare();
    const { query, variables } = attempt(before);

    const error = await gqlError(api.url, query, variables);

    expect(error.extensions).toMatchObject({ code: 'POLICY_REFUSED', refusal });
    expect(error.message).toMatch(mentions);
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.(ts|js):\d+/i);
    const after = await run(GET_COMPLAINT, 'complaint', { id: before.id });
    expect(after.version).toBe(before.version);
    expect(after.events).toEqual(before.events);
    expect(after.status).toBe(before.status);
  });

  it('accepts an extension over the maximum when an exceptional reason is given', async () => {
    const c = await reach.acknowledged();
    const extended = await run(EXTEND, 'extendResponseDeadline', {
      id: c.id,
      workingDays: 15,
      reason: 'The structural engineer can only visit in December.',
      exceptionalReason: 'Specialist survey with a six-week waiting list.',
      notice: notice('2026-11-12', { method: 'PHONE' }),
      at: '2026-11-12T10:00:00Z',
    });
    // Acknowledged Tue 10 Nov: due Tue 24 Nov, + 15 working days = Tue 15 Dec.
    expect(extended.deadlines.find((d) => d.stage === 1 && d.kind === 'RESPOND')).toMatchObject({
      dueOn: '2026-12-15',
      extendedBy: 15,
    });
  });

  it('accepts a late escalation under seed 004 when the lateness is explained', async () => {
    const c = await reach.responded('seed-004');
    const escalated = await run(REQUEST_ESCALATION, 'requestEscalation', {
      id: c.id,
      reason: 'The repair failed again.',
      lateReason: 'The resident was in hospital over Christmas.',
      at: '2027-01-05T10:00:00Z',
    });
    expect(escalated).toMatchObject({ stage: 2, status: 'RECEIVED' });
  });
});

describe('refusals when logging, where nothing may be created', () => {
  async function totalCount(): Promise<number> {
    const data = await gqlData<{ complaints: { totalCount: number } }>(
      api.url,
      `{ complaints { totalCount } }`,
    );
    return data.complaints.totalCount;
  }

  it.each([
    {
      refusal: 'RECEIVED_IN_FUTURE',
      input: logInput('2027-03-05T09:00:00Z'),
      mentions: /after now/,
    },
    {
      refusal: 'REPRESENTATIVE_WITHOUT_CONSENT',
      input: logInput('2026-11-06T10:00:00Z', {
        channel: 'REPRESENTATIVE',
        representative: { name: 'Cllr Dee Hart', role: 'COUNCILLOR', consentGiven: false },
      }),
      mentions: /consent/,
    },
  ])('$refusal', async ({ refusal, input, mentions }) => {
    const countBefore = await totalCount();
    const error = await gqlError(api.url, LOG_COMPLAINT, { input });
    expect(error.extensions).toMatchObject({ code: 'POLICY_REFUSED', refusal });
    expect(error.message).toMatch(mentions);
    expect(await totalCount()).toBe(countBefore);
  });
});

describe('refusing without a valid reason', () => {
  it('is not expressible: a reason outside the RefusalReason enum is a GraphQL input error', async () => {
    const c = await reach.received();
    const result = await gql(api.url, REFUSE, {
      id: c.id,
      reason: 'TOO_DIFFICULT',
      explanation: 'We would rather not.',
    });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/RefusalReason/);
    const after = await run(GET_COMPLAINT, 'complaint', { id: c.id });
    expect(after.status).toBe('RECEIVED');
    expect(after.version).toBe(1);
  });
});
