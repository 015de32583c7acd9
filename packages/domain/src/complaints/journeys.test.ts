// Whole cases under each shipped policy, from the phone call to closing, with the deadlines a
// handler would see. The dates are worked out by hand from the calendar: England and Wales bank
// holidays at Christmas 2026 are Fri 25 Dec, Mon 28 Dec (Boxing Day's substitute) and Fri 1 Jan
// 2027.
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../calendar/calendar.types.js';
import type { Deadline } from '../deadlines/deadline.types.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import { autoCloseDueOn, escalationWindowEndsOn } from './closing-windows.js';
import type { ComplaintRefusal } from './complaint.refusals.js';
import type {
  Actor,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintEventType,
  ComplaintState,
  DecisionContext,
  Instant,
} from './complaint.types.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';

const alex: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
const priya: Actor = { kind: 'user', id: 'user-priya', name: 'Priya Shah' };
const redress: Actor = { kind: 'system', id: 'redress' };

/** A case being worked: each step goes through `decide`, its events through `evolve`. */
function caseUnder(policy: Policy) {
  let state: ComplaintState | null = null;
  const events: ComplaintEvent[] = [];
  const contextAt = (now: Instant, more: Partial<DecisionContext>): DecisionContext => ({
    now,
    actor: alex,
    policy,
    ...more,
  });
  return {
    get state(): ComplaintState {
      if (!state) throw new Error('not logged');
      return state;
    },
    events,
    step(now: Instant, command: ComplaintCommand, more: Partial<DecisionContext> = {}): void {
      const result = decide(state, command, contextAt(now, more));
      if (!result.ok) {
        throw new Error(`${command.type} at ${now}: ${result.error.code}: ${result.error.message}`);
      }
      for (const event of result.value) {
        state = evolve(state, event);
        events.push(event);
      }
    },
    refused(
      now: Instant,
      command: ComplaintCommand,
      more: Partial<DecisionContext> = {},
    ): ComplaintRefusal {
      const result = decide(state, command, contextAt(now, more));
      if (result.ok) throw new Error(`${command.type} at ${now} was accepted`);
      return result.error;
    },
  };
}

function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

/** stage/kind -> [due, met] for compact comparison. */
function dates(deadlines: readonly Deadline[]): Record<string, [LocalDate, LocalDate | null]> {
  return Object.fromEntries(
    deadlines.map((d) => [`${d.stage}/${d.kind}`, [d.dueOn, d.metOn]] as const),
  );
}

interface Expected {
  readonly id: string;
  /** Right after logging on Mon 16 Nov 2026: acknowledge by, respond by (provisional or not). */
  readonly onLogging: {
    readonly ack: LocalDate;
    readonly respond: LocalDate;
    readonly provisional: boolean;
  };
  readonly stage1Ack: LocalDate;
  /** After the 5-working-day extension. */
  readonly stage1Respond: LocalDate;
  readonly escalationEnds: LocalDate | null;
}

// Received Mon 16 Nov 2026, acknowledged Tue 17 Nov.
// Acknowledge: 5 working days -> Mon 23 Nov; 3 -> Thu 19 Nov; 2 -> Wed 18 Nov.
// Respond, 10 working days from the acknowledgement on Tue 17 Nov -> Tue 1 Dec, extended by 5 ->
// Tue 8 Dec. Seed 001 counts from receipt: Mon 16 Nov -> Mon 30 Nov, extended -> Mon 7 Dec.
// Before acknowledgement the response counts from the acknowledgement's due date: Mon 23 Nov ->
// Mon 7 Dec; Thu 19 Nov -> Thu 3 Dec; Wed 18 Nov -> Wed 2 Dec.
// Escalation windows from the response on Fri 4 Dec: 20 working days over Christmas -> Wed 6 Jan
// 2027; 28 calendar days -> Fri 1 Jan 2027.
const expectations: readonly Expected[] = [
  {
    id: 'code-2024',
    onLogging: { ack: '2026-11-23', respond: '2026-12-07', provisional: true },
    stage1Ack: '2026-11-23',
    stage1Respond: '2026-12-08',
    escalationEnds: null,
  },
  {
    id: 'seed-000',
    onLogging: { ack: '2026-11-19', respond: '2026-12-03', provisional: true },
    stage1Ack: '2026-11-19',
    stage1Respond: '2026-12-08',
    escalationEnds: '2027-01-06',
  },
  {
    id: 'seed-001',
    onLogging: { ack: '2026-11-23', respond: '2026-11-30', provisional: false },
    stage1Ack: '2026-11-23',
    stage1Respond: '2026-12-07',
    escalationEnds: '2027-01-01',
  },
  {
    id: 'seed-002',
    onLogging: { ack: '2026-11-23', respond: '2026-12-07', provisional: true },
    stage1Ack: '2026-11-23',
    stage1Respond: '2026-12-08',
    escalationEnds: null,
  },
  {
    id: 'seed-003',
    onLogging: { ack: '2026-11-23', respond: '2026-12-07', provisional: true },
    stage1Ack: '2026-11-23',
    stage1Respond: '2026-12-08',
    escalationEnds: null,
  },
  {
    id: 'seed-004',
    onLogging: { ack: '2026-11-18', respond: '2026-12-02', provisional: true },
    stage1Ack: '2026-11-18',
    stage1Respond: '2026-12-08',
    escalationEnds: '2027-01-06',
  },
];

describe.each(expectations)('a whole case under $id', (expected) => {
  const policy = preset(expected.id);

  it('runs from logging to closing, with the deadlines a handler would see', () => {
    const c = caseUnder(policy);

    // Stage 1.
    c.step('2026-11-16T09:15:00Z', {
      type: 'log',
      complaintId: 'C-2026-0042',
      reference: 'RDR-0042',
      receivedAt: '2026-11-16T09:00:00Z',
      channel: 'phone',
      complainant: { name: 'Jordan Price', type: 'tenant', preferredContact: 'email' },
      summary: 'Black mould in the bedroom, reported three times since August.',
      desiredOutcome: 'Treat the mould and redecorate',
      category: 'repairs',
      tenure: 'lcra',
    });
    const onLogging = deriveDeadlines(c.state);
    expect(dates(onLogging)).toEqual({
      '1/acknowledge': [expected.onLogging.ack, null],
      '1/respond': [expected.onLogging.respond, null],
    });
    expect(onLogging[1]?.provisional).toBe(expected.onLogging.provisional);

    c.step('2026-11-16T10:00:00Z', {
      type: 'assign',
      handler: 'Alex Morgan',
      handlerId: 'user-alex',
    });
    c.step('2026-11-17T10:00:00Z', { type: 'acknowledge' });
    expect(c.state.stages[0]).toMatchObject({
      understanding: 'Black mould in the bedroom, reported three times since August.',
      outcomeSought: 'Treat the mould and redecorate',
    });
    // Before the response falls due, with the resident told and given the Ombudsman's details
    // (Code 6.4, 6.5).
    c.step('2026-11-25T10:00:00Z', {
      type: 'extend',
      workingDays: 5,
      reason: 'Waiting for the damp survey',
      notice: { toldOn: '2026-11-25', method: 'email', ombudsmanDetailsGiven: true },
    });
    c.step('2026-12-04T14:00:00Z', {
      type: 'respond',
      outcome: 'partly-upheld',
      findings: 'Two repair visits were missed; the mould is from a failed extractor fan.',
      remedies: [
        { kind: 'apology', description: 'For the missed visits' },
        { kind: 'financial-compensation', description: 'For the delay', amountPence: 7500 },
      ],
    });
    c.step('2026-12-04T14:30:00Z', {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Replace the extractor fan and treat the mould',
      owner: 'Repairs team',
      dueOn: '2026-12-18',
      remedy: 'action-on-delay',
    });
    c.step('2026-12-04T14:35:00Z', {
      type: 'agree-action',
      actionId: 'A2',
      description: 'Pay £75 compensation',
      owner: 'Finance',
      dueOn: '2026-12-11',
      remedy: 'financial-compensation',
    });
    expect(escalationWindowEndsOn(c.state)).toBe(expected.escalationEnds);

    // Stage 2: reasons asked for, never required, whatever the policy's wording (Code 6.12).
    const withoutReason = decide(
      c.state,
      { type: 'request-escalation' },
      { now: '2026-12-07T11:00:00Z', actor: alex, policy },
    );
    expect(withoutReason.ok).toBe(true);
    c.step('2026-12-07T11:00:00Z', {
      type: 'request-escalation',
      reason: 'The mould has come back in the same place.',
    });
    // Code 6.13: not the person who considered stage 1, by user, whatever the name typed.
    expect(
      c.refused('2026-12-07T12:00:00Z', {
        type: 'assign',
        handler: 'A Morgan',
        handlerId: 'user-alex',
      }).code,
    ).toBe('STAGE2_HANDLER_NOT_INDEPENDENT');
    expect(c.refused('2026-12-07T12:00:00Z', { type: 'acknowledge' }).code).toBe(
      'STAGE2_HANDLER_NOT_INDEPENDENT',
    );
    c.step('2026-12-07T12:00:00Z', {
      type: 'assign',
      handler: 'Priya Shah',
      handlerId: 'user-priya',
    });
    c.step('2026-12-09T09:00:00Z', { type: 'complete-action', actionId: 'A2', note: 'Paid' });
    c.step('2026-12-09T09:05:00Z', {
      type: 'pay-remedy',
      remedyId: '1.2',
      amountPence: 7500,
      paidOn: '2026-12-09',
    });
    c.step('2026-12-09T10:00:00Z', { type: 'acknowledge' }, { actor: priya });
    c.step('2026-12-18T16:00:00Z', { type: 'complete-action', actionId: 'A1' });
    c.step(
      '2027-01-07T11:00:00Z',
      {
        type: 'respond',
        outcome: 'upheld',
        findings: 'The stage 1 remedy did not fix the cause.',
        remedies: [
          { kind: 'financial-compensation', description: 'Further delay', amountPence: 10000 },
        ],
      },
      { actor: priya },
    );
    c.step(
      '2027-01-07T11:30:00Z',
      {
        type: 'agree-action',
        actionId: 'A3',
        description: 'Pay a further £100',
        owner: 'Finance',
        dueOn: '2027-01-15',
        remedy: 'financial-compensation',
      },
      { actor: priya },
    );
    const open = c.refused('2027-01-07T12:00:00Z', { type: 'close' }, { actor: priya });
    expect(open.code).toBe('CLOSE_WITH_OPEN_ACTIONS');
    expect(open.message).toContain('Fri 15 Jan 2027');
    c.step('2027-01-12T10:00:00Z', { type: 'complete-action', actionId: 'A3' });
    // Code 7.3: the action done is not the money paid; the case waits for the payment itself.
    const unpaid = c.refused('2027-01-12T10:05:00Z', { type: 'close' }, { actor: priya });
    expect(unpaid.code).toBe('CLOSE_WITH_REMEDY_UNPAID');
    expect(unpaid.message).toContain('Remedy 2.1 (£100.00 of compensation) is unpaid.');
    expect(autoCloseDueOn(c.state)).toBeNull();
    c.step('2027-01-12T10:10:00Z', {
      type: 'pay-remedy',
      remedyId: '2.1',
      amountPence: 10000,
      paidOn: '2027-01-12',
    });

    // Closing: by hand, or under seed 000 by Redress once 20 calendar days pass after stage 2.
    if (policy.closing.autoCloseAfterStage2) {
      expect(autoCloseDueOn(c.state)).toBe('2027-01-28');
      const early = c.refused('2027-01-27T23:59:00Z', { type: 'auto-close' }, { actor: redress });
      expect(early.code).toBe('AUTO_CLOSE_NOT_DUE');
      c.step('2027-01-28T00:05:00Z', { type: 'auto-close' }, { actor: redress });
    } else {
      expect(autoCloseDueOn(c.state)).toBeNull();
      c.step('2027-01-12T10:30:00Z', { type: 'close' }, { actor: priya });
    }

    const types: ComplaintEventType[] = c.events.map((e) => e.type);
    expect(types).toEqual([
      'complaint-logged',
      'complaint-assigned',
      'complaint-acknowledged',
      'response-deadline-extended',
      'complaint-responded',
      'action-agreed',
      'action-agreed',
      'escalation-requested',
      'complaint-assigned',
      'action-completed',
      'remedy-paid',
      'complaint-acknowledged',
      'action-completed',
      'complaint-responded',
      'action-agreed',
      'action-completed',
      'remedy-paid',
      'complaint-closed',
    ]);
    expect(c.events.at(-1)).toMatchObject(
      policy.closing.autoCloseAfterStage2
        ? { reason: 'no-reply-after-stage-2', automatic: true, actor: redress }
        : { reason: 'resolved', automatic: false, actor: priya },
    );

    const final = c.state;
    expect(final).toMatchObject({
      version: 18,
      status: 'closed',
      stage: 2,
      closeReason: policy.closing.autoCloseAfterStage2 ? 'no-reply-after-stage-2' : 'resolved',
    });
    expect(final.stages.map((s) => [s.handler, s.policy.id, s.outcome])).toEqual([
      ['Alex Morgan', expected.id, 'partly-upheld'],
      ['Priya Shah', expected.id, 'upheld'],
    ]);
    expect(final.actions.every((a) => a.completedAt !== null)).toBe(true);
    expect(final.remedies.map((r) => [r.id, r.payments.map((p) => p.amountPence)])).toEqual([
      ['1.1', []],
      ['1.2', [7500]],
      ['2.1', [10000]],
    ]);

    // Stage 2: acknowledge 5 working days after the request on Mon 7 Dec -> Mon 14 Dec; respond
    // 20 working days after the acknowledgement on Wed 9 Dec, over Christmas -> Mon 11 Jan 2027.
    const deadlines = deriveDeadlines(final);
    expect(dates(deadlines)).toEqual({
      '1/acknowledge': [expected.stage1Ack, '2026-11-17'],
      '1/respond': [expected.stage1Respond, '2026-12-04'],
      '2/acknowledge': ['2026-12-14', '2026-12-09'],
      '2/respond': ['2027-01-11', '2027-01-07'],
    });
    expect(deadlines[1]?.extendedBy).toBe(5);
    const skipped = deadlines[3]?.explanation.skipped ?? [];
    expect(skipped.filter((d) => d.kind === 'bank-holiday').map((d) => d.date)).toEqual([
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
    ]);
  });
});

describe('seed 000: closed when the escalation window lapses', () => {
  it('closes automatically the day after the window, over Christmas', () => {
    const c = caseUnder(preset('seed-000'));
    c.step('2026-11-16T09:15:00Z', {
      type: 'log',
      complaintId: 'C-2026-0043',
      reference: 'RDR-0043',
      receivedAt: '2026-11-16T09:00:00Z',
      channel: 'email',
      complainant: { name: 'Sam Okafor', type: 'leaseholder' },
      summary: 'Service charge bill sent twice.',
      desiredOutcome: 'Cancel the second bill',
      category: 'service charges',
      tenure: 'other',
    });
    c.step('2026-11-18T09:00:00Z', { type: 'acknowledge' });
    c.step('2026-12-04T14:00:00Z', {
      type: 'respond',
      outcome: 'upheld',
      findings: 'Billing error.',
      remedies: [{ kind: 'record-corrected', description: 'Duplicate bill cancelled' }],
    });
    // 20 working days from Fri 4 Dec 2026 -> Wed 6 Jan 2027; closing may start Thu 7 Jan.
    expect(escalationWindowEndsOn(c.state)).toBe('2027-01-06');
    expect(autoCloseDueOn(c.state)).toBe('2027-01-07');
    const early = c.refused('2027-01-06T23:00:00Z', { type: 'auto-close' }, { actor: redress });
    expect(early.message).toContain('from Thu 7 Jan 2027');
    c.step('2027-01-07T00:00:00Z', { type: 'auto-close' }, { actor: redress });
    expect(c.state).toMatchObject({
      status: 'closed',
      stage: 1,
      closeReason: 'escalation-window-lapsed',
    });
    // The resident may still go to the Ombudsman.
    c.step('2027-02-01T09:00:00Z', { type: 'refer-to-ombudsman', reference: 'HOS-2027-0101' });
    expect(c.state.ombudsman).toHaveLength(1);
    // And may still ask for stage 2 (Code 6.10): past the policy's window, a person decides,
    // accepting it with the reason recorded, or refusing it with reasons (5.11).
    expect(c.refused('2027-02-01T09:00:00Z', { type: 'request-escalation' }).code).toBe(
      'ESCALATION_OUT_OF_TIME',
    );
    c.step('2027-02-01T09:30:00Z', {
      type: 'request-escalation',
      lateReason: 'The resident was in hospital over Christmas and New Year.',
    });
    expect(c.state).toMatchObject({ status: 'received', stage: 2, closedAt: null });
    expect(c.events.at(-1)).toMatchObject({ type: 'escalation-requested', reopened: true });
  });
});

describe('instants near midnight, London time', () => {
  it('counts from the London date of receipt, not the UTC date', () => {
    const c = caseUnder(CODE_2024);
    // 23:30 UTC on Thu 22 Oct 2026 is 00:30 BST on Fri 23 Oct: received on the Friday.
    c.step('2026-10-22T23:45:00Z', {
      type: 'log',
      complaintId: 'C-2026-0044',
      reference: 'RDR-0044',
      receivedAt: '2026-10-22T23:30:00Z',
      channel: 'online',
      complainant: { name: 'Lee Chen', type: 'shared-owner' },
      summary: 'No reply to three emails about a leak.',
      desiredOutcome: 'A reply and the leak fixed',
      category: 'communication',
      tenure: 'lcho',
    });
    // 5 working days after Fri 23 Oct -> Fri 30 Oct (from the UTC date it would be Thu 29 Oct).
    expect(deriveDeadlines(c.state)[0]?.dueOn).toBe('2026-10-30');
    // After the clocks go back on Sun 25 Oct, 23:30 UTC is 23:30 GMT: still Thu 29 Oct.
    c.step('2026-10-29T23:30:00Z', { type: 'acknowledge' });
    // 10 working days after Thu 29 Oct -> Thu 12 Nov.
    expect(dates(deriveDeadlines(c.state))).toEqual({
      '1/acknowledge': ['2026-10-30', '2026-10-29'],
      '1/respond': ['2026-11-12', null],
    });
  });

  it('refuses a step dated a minute into the future, whatever the London date', () => {
    const c = caseUnder(CODE_2024);
    const refusal = c.refused(
      '2026-06-30T22:59:00Z',
      {
        type: 'log',
        complaintId: 'C-2026-0045',
        reference: 'RDR-0045',
        receivedAt: '2026-06-30T22:59:00Z',
        channel: 'phone',
        complainant: { name: 'Lee Chen', type: 'tenant' },
        summary: 'Leak',
        category: 'repairs',
        tenure: 'lcra',
      },
      { at: '2026-06-30T23:00:00Z' },
    );
    expect(refusal.code).toBe('EVENT_IN_FUTURE');
  });
});
