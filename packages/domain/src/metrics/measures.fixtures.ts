// Cases for the measures tests, built the way the API builds them: each step decided and its
// events folded, so every state is one a real case can reach. Test support only.
import type {
  Actor,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  Instant,
  LogComplaint,
} from '../complaints/complaint.types.js';
import { accept, ctx, handler, logCommand, reviewer } from '../complaints/casework.fixtures.js';
import { evolve } from '../complaints/evolve.js';
import { CODE_2024 } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';

export { handler, reviewer };

/** One step of a case: when, what, and (for stage 2, Code 6.13) who. */
export type Step = readonly [now: Instant, command: ComplaintCommand, actor?: Actor];

/** A case logged as received at `receivedAt`, then taken through `steps` under `policy`. */
export function caseOf(
  receivedAt: Instant,
  steps: readonly Step[] = [],
  options: { policy?: Policy; log?: Partial<LogComplaint> } = {},
): ComplaintState {
  const policy = options.policy ?? CODE_2024;
  let state = accept(null, logCommand({ receivedAt, ...options.log }), ctx(receivedAt, { policy }));
  for (const [now, command, actor] of steps) {
    state = accept(state, command, ctx(now, { policy, actor: actor ?? handler }));
  }
  return state;
}

/** Folds one event as stored, for histories written before a field was kept. */
export function withEvent(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  return evolve(state, event);
}

export const acknowledge: ComplaintCommand = { type: 'acknowledge' };

export const respond = (
  outcome: 'upheld' | 'partly-upheld' | 'not-upheld' = 'upheld',
): ComplaintCommand => ({ type: 'respond', outcome, findings: 'The repair was missed twice.' });

/** An extension the resident was told of on `toldOn`. */
export function extend(
  workingDays: number,
  toldOn: string,
  exceptionalReason?: string,
): ComplaintCommand {
  return {
    type: 'extend',
    workingDays,
    reason: 'Waiting for the surveyor',
    notice: { toldOn, method: 'email', ombudsmanDetailsGiven: true },
    ...(exceptionalReason ? { exceptionalReason } : {}),
  };
}

/** `state` with one more step, taken at `now` under the policy its current stage counts in. */
export function andThen(
  state: ComplaintState,
  now: Instant,
  command: ComplaintCommand,
  actor: Actor = handler,
): ComplaintState {
  const policy = state.stages[state.stages.length - 1]?.policy ?? CODE_2024;
  return accept(state, command, ctx(now, { policy, actor }));
}
