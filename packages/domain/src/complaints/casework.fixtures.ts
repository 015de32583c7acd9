// Cases at the points the casework tests start from, and the two ways they take a step: a step
// that must be accepted (a refusal fails the test with its message) and one that must be refused.
// Test support only: nothing outside the tests imports it.
import type { LocalDate } from '../calendar/calendar.types.js';
import { CODE_2024 } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import type { ComplaintRefusal } from './complaint.refusals.js';
import type {
  Actor,
  Complainant,
  ComplaintCommand,
  ComplaintState,
  DecisionContext,
  Instant,
  LogComplaint,
  ResidentNotice,
} from './complaint.types.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';

// November 2026 is GMT, so UTC and London dates agree.
export const handler: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
export const reviewer: Actor = { kind: 'user', id: 'user-sam', name: 'Sam Okafor' };
export const notice: ResidentNotice = {
  toldOn: '2026-11-10',
  method: 'email',
  ombudsmanDetailsGiven: true,
};

/** The Code, except that a case may close with actions still open or compensation unpaid. */
export const notWaiting: Policy = {
  ...CODE_2024,
  closing: { ...CODE_2024.closing, requireActionsComplete: false },
};

export function ctx(now: Instant, more: Partial<DecisionContext> = {}): DecisionContext {
  return { now, actor: handler, policy: CODE_2024, ...more };
}

export function resident(name: string, more: Partial<Complainant> = {}): Complainant {
  return { name, type: 'tenant', ...more };
}

export function logCommand(changes: Partial<LogComplaint> = {}): LogComplaint {
  return {
    type: 'log',
    complaintId: 'C-2026-0001',
    reference: 'RDR-0001',
    receivedAt: '2026-11-06T09:30:00Z',
    channel: 'email',
    complainant: resident('Jordan Price', { preferredContact: 'email' }),
    summary: 'Damp in the bedroom reported three times and not fixed.',
    desiredOutcome: 'The damp treated and the room redecorated.',
    category: 'repairs',
    tenure: 'lcra',
    ...changes,
  };
}

/** Applies a step that must be accepted; a refusal fails the test with its message. */
export function accept(
  state: ComplaintState | null,
  command: ComplaintCommand,
  context: DecisionContext,
): ComplaintState {
  const result = decide(state, command, context);
  if (!result.ok) {
    throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`);
  }
  let next = state;
  for (const event of result.value) next = evolve(next, event);
  if (next === null) throw new Error(`${command.type} produced no state`);
  return next;
}

/** The refusal of a step that must be refused. */
export function refusal(
  state: ComplaintState | null,
  command: ComplaintCommand,
  context: DecisionContext,
): ComplaintRefusal {
  const result = decide(state, command, context);
  if (result.ok) throw new Error(`${command.type} accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

export function logged(
  changes: Partial<LogComplaint> = {},
  policy: Policy = CODE_2024,
): ComplaintState {
  return accept(null, logCommand(changes), ctx('2026-11-06T09:30:00Z', { policy }));
}

export function acknowledged(policy: Policy = CODE_2024): ComplaintState {
  return accept(logged({}, policy), { type: 'acknowledge' }, ctx('2026-11-09T09:00:00Z'));
}

/** Stage 1 answered on Mon 16 Nov with an apology (1.1) and £150 compensation (1.2). */
export function responded(policy: Policy = CODE_2024): ComplaintState {
  return accept(
    acknowledged(policy),
    {
      type: 'respond',
      outcome: 'partly-upheld',
      findings: 'The repair was missed twice.',
      remedies: [
        { kind: 'apology', description: 'We apologise for the missed visits.' },
        { kind: 'financial-compensation', description: 'For the delay', amountPence: 15000 },
      ],
    },
    ctx('2026-11-16T15:00:00Z'),
  );
}

/** Responded, with action A1 agreed to treat the damp, due Fri 27 Nov. */
export function withAction(policy: Policy = CODE_2024): ComplaintState {
  return accept(
    responded(policy),
    {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Treat the damp and redecorate',
      owner: 'Repairs team',
      dueOn: '2026-11-27',
      remedy: 'action-on-delay',
    },
    ctx('2026-11-16T15:30:00Z'),
  );
}

/** Escalated on 18 Nov and answered at stage 2 by someone else (Code 6.13) with £50 (2.1). */
export function stage2Responded(policy: Policy = CODE_2024): ComplaintState {
  let state = accept(
    responded(policy),
    { type: 'request-escalation' },
    ctx('2026-11-18T10:00:00Z', { policy }),
  );
  state = accept(state, { type: 'acknowledge' }, ctx('2026-11-19T09:00:00Z', { actor: reviewer }));
  return accept(
    state,
    {
      type: 'respond',
      outcome: 'upheld',
      findings: 'The damp was not treated as promised at stage 1.',
      remedies: [
        {
          kind: 'financial-compensation',
          description: 'For the time and trouble',
          amountPence: 5000,
        },
      ],
    },
    ctx('2026-11-30T12:00:00Z', { actor: reviewer }),
  );
}

/** Stage 1's £150 of compensation (remedy 1.2) paid in full on `paidOn`, recorded at `now`. */
export function paid(state: ComplaintState, paidOn: LocalDate, now: Instant): ComplaintState {
  return accept(
    state,
    { type: 'pay-remedy', remedyId: '1.2', amountPence: 15000, paidOn },
    ctx(now),
  );
}

export function closed(state: ComplaintState, now: Instant): ComplaintState {
  return accept(state, { type: 'close' }, ctx(now));
}
