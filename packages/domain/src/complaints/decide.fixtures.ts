// The case every decide test starts from: one complaint's script, stage by stage, and the
// helpers that accept a step or expect its refusal.
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import type { Result } from '../shared/result.js';
import type { ComplaintRefusal } from './complaint.refusals.js';
import type {
  Actor,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  DecisionContext,
  Instant,
  LogComplaint,
  RefuseComplaint,
  ResidentNotice,
} from './complaint.types.js';
import { decide } from './decide.js';
import { dayOf } from './decision.js';
import { evolve } from './evolve.js';

// The case every decide test starts from: one complaint's script, stage by stage, and the
// helpers that accept a step or expect its refusal.

// Fri 6 Nov 2026 onwards, in GMT, so UTC and London dates agree unless a test says otherwise.
export const handler: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
// Stage 2 is considered by someone who did not consider stage 1 (Code 6.13).
export const reviewer: Actor = { kind: 'user', id: 'user-priya', name: 'Priya Shah' };
export const system: Actor = { kind: 'system', id: 'redress' };
export const DESIRED_OUTCOME = 'The damp treated and the bedroom redecorated.';

/** A notice to the resident given on `toldOn`, with the Ombudsman's details (Code 2.4, 6.5). */
export function told(toldOn: string): ResidentNotice {
  return { toldOn, method: 'email', ombudsmanDetailsGiven: true };
}

export function policy(changes: Partial<Policy> = {}): Policy {
  return { ...CODE_2024, ...changes };
}

export function seed(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

export function context(now: Instant, more: Partial<DecisionContext> = {}): DecisionContext {
  return { now, actor: handler, policy: CODE_2024, ...more };
}

export function logCommand(changes: Partial<LogComplaint> = {}): LogComplaint {
  return {
    type: 'log',
    complaintId: 'C-2026-0001',
    reference: 'RDR-0001',
    receivedAt: '2026-11-06T09:30:00Z',
    channel: 'phone',
    complainant: { name: 'Jordan Price', type: 'tenant', preferredContact: 'email' },
    summary: 'Damp in the bedroom reported three times and not fixed.',
    desiredOutcome: DESIRED_OUTCOME,
    category: 'repairs',
    tenure: 'lcra',
    ...changes,
  };
}

/** Applies a step that must be accepted; a refusal fails the test with its message. */
export function accept(
  state: ComplaintState | null,
  command: ComplaintCommand,
  ctx: DecisionContext,
): ComplaintState {
  const result = decide(state, command, ctx);
  if (!result.ok)
    throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`);
  let next = state;
  for (const event of result.value) next = evolve(next, event);
  if (next === null) throw new Error(`${command.type} produced no state`);
  return next;
}

export function eventsOf(result: Result<ComplaintEvent[], ComplaintRefusal>): ComplaintEvent[] {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function refusalOf(result: Result<ComplaintEvent[], ComplaintRefusal>): ComplaintRefusal {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

// The stages of one case, in order; `at(point)` replays the script up to and including it.
export type Point =
  | 'logged'
  | 'assigned'
  | 'acknowledged'
  | 'extended'
  | 'responded'
  | 'action-agreed'
  | 'escalated'
  | 'stage2-assigned'
  | 'stage2-acknowledged'
  | 'stage2-responded';

export const script: readonly {
  point: Point;
  now: Instant;
  command: ComplaintCommand;
  actor?: Actor;
}[] = [
  { point: 'logged', now: '2026-11-06T09:30:00Z', command: logCommand() },
  {
    point: 'assigned',
    now: '2026-11-06T10:00:00Z',
    command: { type: 'assign', handler: 'Alex Morgan', handlerId: 'user-alex' },
  },
  { point: 'acknowledged', now: '2026-11-09T09:00:00Z', command: { type: 'acknowledge' } },
  {
    point: 'extended',
    now: '2026-11-12T09:00:00Z',
    // Due Mon 23 Nov; decided and told on Thu 12 Nov (Code 6.4, 6.5).
    command: {
      type: 'extend',
      workingDays: 4,
      reason: 'Waiting for the surveyor',
      notice: told('2026-11-12'),
    },
  },
  {
    point: 'responded',
    now: '2026-11-16T15:00:00Z',
    command: {
      type: 'respond',
      outcome: 'partly-upheld',
      findings: 'The repair was missed twice.',
      remedies: [
        { kind: 'apology', description: 'We apologise for the missed visits.' },
        { kind: 'financial-compensation', description: 'For the delay', amountPence: 15000 },
      ],
    },
  },
  {
    point: 'action-agreed',
    now: '2026-11-16T15:30:00Z',
    command: {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Treat the damp and redecorate',
      owner: 'Repairs team',
      dueOn: '2026-11-27',
      remedy: 'action-on-delay',
    },
  },
  {
    point: 'escalated',
    now: '2026-11-18T10:00:00Z',
    command: { type: 'request-escalation', reason: 'The damp is back.' },
  },
  {
    point: 'stage2-assigned',
    now: '2026-11-18T11:00:00Z',
    command: { type: 'assign', handler: 'Priya Shah', handlerId: 'user-priya' },
  },
  {
    point: 'stage2-acknowledged',
    now: '2026-11-19T10:00:00Z',
    command: { type: 'acknowledge' },
    actor: reviewer,
  },
  {
    point: 'stage2-responded',
    now: '2026-11-30T10:00:00Z',
    command: { type: 'respond', outcome: 'upheld', findings: 'The stage 1 remedy fell short.' },
    actor: reviewer,
  },
];

export function at(
  point: Point,
  policyInForce: Policy = CODE_2024,
  log: Partial<LogComplaint> = {},
): ComplaintState {
  let state: ComplaintState | null = null;
  for (const step of script) {
    state = accept(
      state,
      step.point === 'logged' ? logCommand(log) : step.command,
      context(step.now, { policy: policyInForce, actor: step.actor ?? handler }),
    );
    if (step.point === point) return state;
  }
  throw new Error(`no point ${point}`);
}

export const LATER = '2026-12-01T12:00:00Z';
// Before stage 1's response falls due (Mon 23 Nov, extended by 4 to Fri 27 Nov).
export const BEFORE_DUE = context('2026-11-13T12:00:00Z');

/**
 * The script's £150 of compensation (remedy 1.2, offered on Mon 16 Nov) paid in full on the
 * London date of `now`: a case closes only once it is (Code 7.3).
 */
export function paid(state: ComplaintState, now: Instant): ComplaintState {
  return accept(
    state,
    { type: 'pay-remedy', remedyId: '1.2', amountPence: 15000, paidOn: dayOf(now) },
    context(now),
  );
}

export const closedCase = (): ComplaintState => {
  const done = accept(
    at('action-agreed'),
    { type: 'complete-action', actionId: 'A1' },
    context(LATER),
  );
  return accept(paid(done, LATER), { type: 'close' }, context(LATER));
};
export const withdrawnCase = () =>
  accept(at('acknowledged'), { type: 'withdraw', reason: 'Moved' }, context(LATER));
export const refusedCase = () =>
  accept(
    at('logged'),
    {
      type: 'refuse',
      reason: 'over-12-months-old',
      explanation: 'The repair you complain about was finished in 2023.',
      discretionConsidered: 'No reason was given for the delay, and the works are signed off.',
      notice: told('2026-12-01'),
    },
    context(LATER),
  );
export const AFTER = context('2026-12-02T09:00:00Z');

/** A refusal with everything the Code asks of one (2.1, 2.4). */
export function refuseCommand(changes: Partial<RefuseComplaint> = {}): RefuseComplaint {
  return {
    type: 'refuse',
    reason: 'separate-policy',
    explanation: 'Parking permits are handled under the parking policy, not as complaints.',
    notice: told('2026-12-01'),
    ...changes,
  };
}
