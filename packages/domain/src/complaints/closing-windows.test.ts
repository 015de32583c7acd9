import { describe, expect, it } from 'vitest';
import type { BankHolidaysData } from '../calendar/calendar.types.js';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import { autoCloseDueOn, escalationWindowEndsOn } from './closing-windows.js';
import type { Actor, ComplaintEvent, ComplaintState, Instant } from './complaint.types.js';
import { replay } from './evolve.js';

const actor: Actor = { kind: 'user', id: 'user-alex' };

function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

function logged(policy: Policy): ComplaintEvent {
  return {
    type: 'complaint-logged',
    at: '2026-06-01T09:00:00.000Z',
    actor,
    complaintId: 'C-1',
    reference: 'RDR-1',
    receivedAt: '2026-06-01T09:00:00.000Z',
    channel: 'phone',
    complainant: { name: 'Jordan Price', type: 'tenant' },
    representative: null,
    summary: 'Damp',
    desiredOutcome: null,
    category: 'repairs',
    tenure: 'lcra',
    serviceRequestId: null,
    policy,
  };
}

const acknowledged = (stage: 1 | 2, at: Instant): ComplaintEvent => ({
  type: 'complaint-acknowledged',
  at,
  actor,
  stage,
});
const responded = (stage: 1 | 2, at: Instant): ComplaintEvent => ({
  type: 'complaint-responded',
  at,
  actor,
  stage,
  outcome: 'not-upheld',
  findings: 'Policy followed',
  remedies: [],
});

function state(events: readonly ComplaintEvent[]): ComplaintState {
  const folded = replay(events);
  if (!folded) throw new Error('empty');
  return folded;
}

/** Stage 1 answered at `at` under `policy`. */
function answered(policy: Policy, at: Instant): ComplaintState {
  return state([logged(policy), acknowledged(1, '2026-06-02T09:00:00.000Z'), responded(1, at)]);
}

/** Stage 2 answered at `at`, both stages under `policy`. */
function answeredTwice(policy: Policy, at: Instant): ComplaintState {
  return state([
    logged(policy),
    acknowledged(1, '2026-06-02T09:00:00.000Z'),
    responded(1, '2026-06-10T09:00:00.000Z'),
    {
      type: 'escalation-requested',
      at: '2026-06-11T09:00:00.000Z',
      actor,
      reason: 'Unhappy',
      lateReason: null,
      policy,
    },
    acknowledged(2, '2026-06-12T09:00:00.000Z'),
    responded(2, at),
  ]);
}

describe('escalationWindowEndsOn', () => {
  it('is null where the policy sets no limit (the Code) or before the stage 1 response', () => {
    expect(escalationWindowEndsOn(answered(CODE_2024, '2026-12-04T14:00:00Z'))).toBeNull();
    expect(escalationWindowEndsOn(state([logged(preset('seed-004'))]))).toBeNull();
  });

  it.each([
    // Seed 004, 20 working days from Fri 4 Dec 2026: skips Christmas Day (Fri 25), the Boxing
    // Day substitute (Mon 28) and New Year's Day (Fri 1 Jan 2027).
    ['seed-004', '2026-12-04T14:00:00Z', '2027-01-06'],
    // Seed 000 takes the same 20 working days.
    ['seed-000', '2026-12-04T14:00:00Z', '2027-01-06'],
    // Seed 001, 28 calendar days: bank holidays do not matter.
    ['seed-001', '2026-12-04T14:00:00Z', '2027-01-01'],
    ['seed-001', '2026-12-01T10:00:00Z', '2026-12-29'],
    // 23:30 UTC on Tue 30 Jun 2026 is 00:30 BST on Wed 1 Jul: the count starts from 1 Jul.
    ['seed-001', '2026-06-30T23:30:00Z', '2026-07-29'],
    ['seed-004', '2026-06-30T23:30:00Z', '2026-07-29'],
    ['seed-004', '2026-06-30T22:30:00Z', '2026-07-28'],
  ])('%s, stage 1 answered at %s: the resident may escalate until %s', (id, at, expected) => {
    expect(escalationWindowEndsOn(answered(preset(id), at))).toBe(expected);
  });

  it('counts in the stage 1 policy even after stage 2 opened under another', () => {
    const escalated = state([
      logged(preset('seed-001')),
      acknowledged(1, '2026-06-02T09:00:00.000Z'),
      responded(1, '2026-12-01T10:00:00.000Z'),
      {
        type: 'escalation-requested',
        at: '2026-12-02T09:00:00.000Z',
        actor,
        reason: 'Unhappy',
        lateReason: null,
        policy: CODE_2024,
      },
    ]);
    expect(escalationWindowEndsOn(escalated)).toBe('2026-12-29');
  });

  it("takes the operator's newer bank-holiday file and the landlord's closure days", () => {
    const shutdown: Policy = {
      ...preset('seed-004'),
      id: 'seed-004-shutdown',
      closures: [{ date: '2026-12-29', title: 'Christmas closure' }],
    };
    expect(escalationWindowEndsOn(answered(shutdown, '2026-12-04T14:00:00Z'))).toBe('2027-01-07');

    // A file announcing an extra holiday on Mon 7 Dec 2026 replaces the shipped year.
    const announced: BankHolidaysData = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: "New Year's Day", date: '2026-01-01' },
          { title: 'Good Friday', date: '2026-04-03' },
          { title: 'Easter Monday', date: '2026-04-06' },
          { title: 'Early May bank holiday', date: '2026-05-04' },
          { title: 'Spring bank holiday', date: '2026-05-25' },
          { title: 'Summer bank holiday', date: '2026-08-31' },
          { title: 'A day of celebration', date: '2026-12-07' },
          { title: 'Christmas Day', date: '2026-12-25' },
          { title: 'Boxing Day', date: '2026-12-28' },
          { title: "New Year's Day", date: '2027-01-01' },
        ],
      },
    };
    expect(
      escalationWindowEndsOn(answered(preset('seed-004'), '2026-12-04T14:00:00Z'), {
        holidays: announced,
      }),
    ).toBe('2027-01-07');
  });
});

describe('autoCloseDueOn', () => {
  const seed000 = preset('seed-000');

  it('is the day after the escalation window at stage 1 under seed 000', () => {
    expect(autoCloseDueOn(answered(seed000, '2026-12-04T14:00:00Z'))).toBe('2027-01-07');
  });

  it('is the day after the 20 calendar days that follow the stage 2 response under seed 000', () => {
    expect(autoCloseDueOn(answeredTwice(seed000, '2027-01-07T12:00:00Z'))).toBe('2027-01-28');
    // Near midnight in summer the London date of the response counts.
    expect(autoCloseDueOn(answeredTwice(seed000, '2026-06-30T23:30:00Z'))).toBe('2026-07-22');
  });

  it('is null where the policy never closes by itself', () => {
    for (const id of ['code-2024', 'seed-001', 'seed-002', 'seed-003', 'seed-004']) {
      expect(autoCloseDueOn(answered(preset(id), '2026-12-04T14:00:00Z'))).toBeNull();
      expect(autoCloseDueOn(answeredTwice(preset(id), '2026-12-04T14:00:00Z'))).toBeNull();
    }
  });

  it('is null while the case is not waiting at a response', () => {
    const received = state([logged(seed000)]);
    expect(autoCloseDueOn(received)).toBeNull();
    const escalated = state([
      ...answeredEvents(seed000),
      {
        type: 'escalation-requested',
        at: '2026-12-07T09:00:00.000Z',
        actor,
        reason: null,
        lateReason: null,
        policy: seed000,
      },
    ]);
    expect(autoCloseDueOn(escalated)).toBeNull();
    const closed = state([
      ...answeredEvents(seed000),
      {
        type: 'complaint-closed',
        at: '2026-12-07T09:00:00.000Z',
        actor,
        reason: 'resolved',
        automatic: false,
      },
    ]);
    expect(autoCloseDueOn(closed)).toBeNull();
  });

  it('is null while agreed actions are open under a policy that waits for them, then returns', () => {
    const agreed: ComplaintEvent = {
      type: 'action-agreed',
      at: '2026-12-04T15:00:00.000Z',
      actor,
      stage: 1,
      actionId: 'A1',
      description: 'Refund',
      owner: 'Finance',
      dueOn: '2026-12-18',
      remedy: 'financial-compensation',
    };
    const open = state([...answeredEvents(seed000), agreed]);
    expect(autoCloseDueOn(open)).toBeNull();
    const done = state([
      ...answeredEvents(seed000),
      agreed,
      {
        type: 'action-completed',
        at: '2027-01-11T09:00:00.000Z',
        actor,
        actionId: 'A1',
        note: null,
      },
    ]);
    expect(autoCloseDueOn(done)).toBe('2027-01-07');

    const relaxed: Policy = {
      ...seed000,
      closing: { ...seed000.closing, requireActionsComplete: false },
    };
    expect(autoCloseDueOn(state([...answeredEvents(relaxed), agreed]))).toBe('2027-01-07');
  });
});

describe('the windows of a case that ended and came back', () => {
  const seed000 = preset('seed-000');
  const closedAutomatically: ComplaintEvent = {
    type: 'complaint-closed',
    at: '2027-01-07T00:05:00.000Z',
    actor,
    reason: 'escalation-window-lapsed',
    automatic: true,
  };

  it('Code 6.10: still reads the window a late request is judged by after closing', () => {
    const closed = state([...answeredEvents(seed000), closedAutomatically]);
    expect(escalationWindowEndsOn(closed)).toBe('2027-01-06');
    expect(autoCloseDueOn(closed)).toBeNull();
  });

  it('does not close by itself a case re-opened after its response: someone came back', () => {
    const reopened = state([
      ...answeredEvents(seed000),
      closedAutomatically,
      {
        type: 'complaint-reopened',
        at: '2027-01-08T10:00:00.000Z',
        actor,
        reason: 'The resident rang: the bill was sent a third time.',
      },
    ]);
    expect(reopened.status).toBe('responded');
    expect(autoCloseDueOn(reopened)).toBeNull();
  });

  it('counts again from the stage 2 response of a case re-opened at stage 2', () => {
    const escalated: ComplaintEvent[] = [
      ...answeredEvents(seed000),
      closedAutomatically,
      {
        type: 'escalation-requested',
        at: '2027-01-08T10:00:00.000Z',
        actor,
        reason: null,
        lateReason: 'The resident was in hospital.',
        policy: seed000,
        reopened: true,
      },
    ];
    expect(autoCloseDueOn(state(escalated))).toBeNull();
    // Answered Mon 18 Jan 2027: 20 calendar days to come back, to Sun 7 Feb.
    const answered = state([
      ...escalated,
      acknowledged(2, '2027-01-11T09:00:00.000Z'),
      responded(2, '2027-01-18T12:00:00.000Z'),
    ]);
    expect(autoCloseDueOn(answered)).toBe('2027-02-08');
  });
});

function answeredEvents(policy: Policy): ComplaintEvent[] {
  return [
    logged(policy),
    acknowledged(1, '2026-06-02T09:00:00.000Z'),
    responded(1, '2026-12-04T14:00:00.000Z'),
  ];
}
