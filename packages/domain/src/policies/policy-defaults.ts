// Policy fields added after the first release are optional, because policies stored before them
// (and the copies events carry) never change. These read them with the Code's answer as default.
import type { RefusalReason } from '../complaints/complaint.types.js';
import type { Policy } from './policy.types.js';

/**
 * The reasons the Code accepts for refusing a complaint (2.1–2.5, and seed 003's "covered by a
 * separate policy" where another process answers the matter). Not a third party's service: a
 * contractor acts on the landlord's behalf, so a complaint about one is the landlord's (1.2).
 */
export const CODE_REFUSAL_REASONS: readonly RefusalReason[] = Object.freeze([
  'over-12-months-old',
  'legal-proceedings',
  'already-considered',
  'separate-policy',
]);

/** The refusal reasons a policy offers: its own list, or the Code's. */
export function refusalReasonsOf(policy: Policy): readonly RefusalReason[] {
  return policy.refusalReasons ?? CODE_REFUSAL_REASONS;
}
