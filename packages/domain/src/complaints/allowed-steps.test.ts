import { describe, expect, it } from 'vitest';
import { allowedSteps, COMPLAINT_STEPS, type ComplaintStep } from './allowed-steps.js';
import type {
  Actor,
  ComplaintCommand,
  ComplaintState,
  DecisionContext,
  Instant,
} from './complaint.types.js';
import { decide } from './decide.js';
import {
  accept,
  at,
  closedCase,
  context,
  handler,
  LATER,
  paid,
  refuseCommand,
  refusedCase,
  reviewer,
  told,
  withdrawnCase,
} from './decide.fixtures.js';
import { dayOf, openActions } from './decision.js';
import { unpaidRemedies } from './remedies.js';

/**
 * A well-formed command for each step, naming what the case holds (its first open action, its
 * first unanswered remedy...) or, where it holds none, an id it does not: so the only thing that
 * can refuse it is where the case stands.
 */
function commandFor(step: ComplaintStep, state: ComplaintState, now: Instant): ComplaintCommand {
  const today = dayOf(now);
  const action = openActions(state)[0]?.id ?? 'no-such-action';
  const referral = state.ombudsman.find((r) => r.determination === null);
  const determined = state.ombudsman.find(
    (r) => r.determination !== null && r.orders.some((o) => o.compliedOn === null),
  );
  const sentence = 'The resident was told this in a letter sent today.';
  switch (step) {
    case 'assign':
      return { type: 'assign', handler: 'Sam Okafor', handlerId: 'user-sam' };
    case 'acknowledge':
      return { type: 'acknowledge', outcomeSought: 'The damp treated.' };
    case 'extend':
      return {
        type: 'extend',
        workingDays: 1,
        reason: 'Waiting for the surveyor',
        exceptionalReason: 'The surveyor can only come next week, as the resident asked.',
        notice: told(today),
      };
    case 'add-point':
      return { type: 'add-point', point: 'The hallway light is broken too.' };
    case 'respond':
      return { type: 'respond', outcome: 'upheld', findings: 'The repair was missed.' };
    case 'request-escalation':
      return { type: 'request-escalation', lateReason: 'The resident was in hospital.' };
    case 'refuse-escalation':
      return {
        type: 'refuse-escalation',
        reason: 'separate-policy',
        explanation: sentence,
        notice: told(today),
      };
    case 'agree-action':
      return {
        type: 'agree-action',
        actionId: `A-${state.version}`,
        description: 'Treat the damp',
        owner: 'Repairs team',
        dueOn: '2027-01-29',
      };
    case 'complete-action':
      return { type: 'complete-action', actionId: action };
    case 'update-on-action':
      return { type: 'update-on-action', actionId: action, update: sentence, method: 'email' };
    case 'answer-remedy':
      return {
        type: 'answer-remedy',
        remedyId: state.remedies.find((r) => r.answer === null)?.id ?? '9.9',
        answer: 'accepted',
      };
    case 'pay-remedy':
      return {
        type: 'pay-remedy',
        remedyId: unpaidRemedies(state)[0]?.id ?? '9.9',
        amountPence: 1,
        paidOn: today,
      };
    case 'close':
      return { type: 'close' };
    case 'withdraw':
      return { type: 'withdraw', reason: 'Moved' };
    case 'refuse':
      return refuseCommand({ notice: told(today) });
    case 'reopen':
      return { type: 'reopen', reason: 'The resident came back: the damp has returned.' };
    case 'add-complainant':
      return { type: 'add-complainant', complainant: { name: 'Robin Price', type: 'tenant' } };
    case 'record-contractor':
      return { type: 'record-contractor', contractor: { name: 'Acme Repairs' } };
    case 'merge-into':
      return { type: 'merge-into', intoComplaintId: 'C-2026-0099', intoReference: 'RDR-0099' };
    case 'refer-to-ombudsman':
      return { type: 'refer-to-ombudsman', reference: `HO-${state.version}` };
    case 'record-determination':
      return {
        type: 'record-determination',
        reference: referral?.reference ?? 'HO-none',
        determinedOn: today,
        findings: ['maladministration'],
        summary: 'The landlord was slow to treat the damp.',
        orders: [{ orderId: 'O1', kind: 'order', description: 'Pay £100', dueOn: '2027-01-29' }],
      };
    case 'record-order-compliance':
      return {
        type: 'record-order-compliance',
        reference: determined?.reference ?? 'HO-none',
        orderId: determined?.orders.find((o) => o.compliedOn === null)?.id ?? 'O-none',
        compliedOn: today,
      };
    case 'record-satisfaction':
      return { type: 'record-satisfaction', score: 7, comment: 'Kept informed throughout.' };
    case 'record-lesson':
      return { type: 'record-lesson', lesson: 'Book the surveyor on the first call.' };
    case 'record-stage-2-reviewers':
      return {
        type: 'record-stage-2-reviewers',
        reviewers: [{ kind: 'staff', userId: 'user-reviewing-manager', name: 'Dana Reid' }],
      };
  }
}

const NOW = '2026-12-02T12:00:00Z';

function referred(state: ComplaintState): ComplaintState {
  return accept(state, { type: 'refer-to-ombudsman', reference: 'HO-1' }, context(LATER));
}

function determined(state: ComplaintState): ComplaintState {
  return accept(
    referred(state),
    {
      type: 'record-determination',
      reference: 'HO-1',
      determinedOn: dayOf(LATER),
      findings: ['maladministration'],
      summary: 'The landlord was slow to treat the damp.',
      orders: [{ orderId: 'O1', kind: 'order', description: 'Pay £100', dueOn: '2027-01-29' }],
    },
    context(LATER),
  );
}

const CASES: readonly {
  name: string;
  state: () => ComplaintState;
  now?: Instant;
  actor?: Actor;
}[] = [
  { name: 'logged', state: () => at('logged') },
  {
    name: 'acknowledged, before its due date',
    state: () => at('acknowledged'),
    now: '2026-11-13T12:00:00Z',
  },
  { name: 'acknowledged, past its due date', state: () => at('acknowledged') },
  { name: 'responded with compensation owed', state: () => at('responded') },
  { name: 'an action open', state: () => at('action-agreed') },
  { name: 'action open, compensation paid', state: () => paid(at('action-agreed'), LATER) },
  { name: 'escalated, stage 1 handler asking', state: () => at('escalated'), actor: handler },
  { name: 'escalated, reviewer asking', state: () => at('escalated'), actor: reviewer },
  { name: 'stage 2 answered', state: () => at('stage2-responded'), actor: reviewer },
  { name: 'closed', state: closedCase },
  { name: 'withdrawn', state: withdrawnCase },
  { name: 'refused', state: refusedCase },
  { name: 'referred to the Ombudsman', state: () => referred(at('responded')) },
  { name: 'determined, an order open', state: () => determined(at('responded')) },
  {
    name: 'merged',
    state: () =>
      accept(
        at('logged'),
        { type: 'merge-into', intoComplaintId: 'C-2026-0099', intoReference: 'RDR-0099' },
        context(LATER),
      ),
  },
];

describe('allowedSteps', () => {
  it.each(CASES)('offers exactly the steps decide accepts: $name', ({ state, now, actor }) => {
    const s = state();
    const when = now ?? NOW;
    const who = actor ?? handler;
    const offered = allowedSteps(s, { now: when, actor: who });
    const ctx: DecisionContext = context(when, { actor: who, policy: s.stages[0]!.policy });
    const accepted = COMPLAINT_STEPS.filter((step) => {
      const result = decide(s, commandFor(step, s, when), ctx);
      return result.ok;
    });
    expect(offered).toEqual(accepted);
  });

  it('offers the first steps of a new case, and not what comes after a response', () => {
    const offered = allowedSteps(at('logged'), { now: NOW, actor: handler });
    expect(offered).toEqual(expect.arrayContaining(['acknowledge', 'refuse', 'withdraw']));
    // The Code's policy answers only an acknowledged complaint.
    expect(offered).not.toContain('respond');
    expect(offered).not.toContain('close');
    expect(offered).not.toContain('request-escalation');
    expect(offered).not.toContain('reopen');
  });

  it('offers re-opening and follow-through on a closed case, nothing on a merged one', () => {
    const closed = allowedSteps(closedCase(), { now: NOW });
    expect(closed).toContain('reopen');
    expect(closed).toContain('request-escalation');
    expect(closed).not.toContain('acknowledge');
    expect(closed).not.toContain('withdraw');
  });

  it('keeps stage 2 from whoever considered stage 1 (Code 6.13)', () => {
    expect(allowedSteps(at('escalated'), { now: NOW, actor: handler })).not.toContain(
      'acknowledge',
    );
    expect(allowedSteps(at('escalated'), { now: NOW, actor: reviewer })).toContain('acknowledge');
  });

  it('offers nothing when the clock is behind the last step', () => {
    expect(allowedSteps(at('responded'), { now: '2026-11-01T09:00:00Z' })).toEqual([]);
  });
});
