// Duplicates in the demo: a resident who complains twice about the same thing (by phone, then
// online) has one complaint. The second is merged into the first, which answers for both; each
// keeps its events. Made with the domain's own steps, as the API would make them.
import {
  decide,
  evolve,
  type Actor,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
} from '@redress/domain';

/** A demo case as it is being made: its events so far and the state they fold to. */
export interface DemoCase {
  readonly events: ComplaintEvent[];
  state: ComplaintState | null;
}

const OPEN = new Set<ComplaintState['status']>(['received', 'acknowledged', 'responded']);

/**
 * The most recent earlier case of the same kind still open, received before `receivedAt`, that
 * answers for no duplicate yet and has no actions open: what a duplicate is merged into.
 */
export function openDuplicateTarget(
  earlier: readonly DemoCase[],
  category: string,
  receivedAt: Date,
): (DemoCase & { state: ComplaintState }) | undefined {
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const candidate = earlier[i];
    const state = candidate?.state;
    if (!candidate || !state) continue;
    if (state.category !== category || !OPEN.has(state.status)) continue;
    if (state.duplicates.length > 0 || Date.parse(state.receivedAt) >= receivedAt.getTime()) {
      continue;
    }
    return candidate as DemoCase & { state: ComplaintState };
  }
  return undefined;
}

/**
 * Merges `duplicate` into `into` at `at` (moved on past either case's last step), both sides
 * decided before either is changed. Returns the refusal's code, or null when merged or when the
 * moment is still to come (the duplicate then stays open).
 */
export function mergeDemoDuplicate(
  duplicate: DemoCase,
  into: DemoCase,
  at: Date,
  now: Date,
): string | null {
  const dup = duplicate.state;
  const survivor = into.state;
  if (!dup || !survivor) return null;
  const last = Math.max(Date.parse(dup.lastEventAt), Date.parse(survivor.lastEventAt));
  const mergedAt = new Date(Math.max(at.getTime(), last + 60_000));
  const absorbedAt = new Date(mergedAt.getTime() + 60_000);
  if (absorbedAt.getTime() > now.getTime()) return null;
  const handler = survivor.stages[survivor.stage - 1];
  const actor: Actor =
    handler?.handlerId != null
      ? { kind: 'user', id: handler.handlerId, name: handler.handler ?? 'Handler' }
      : { kind: 'system', id: 'demo-data', name: 'Demo data' };
  const merged = decideOne(dup, mergedAt, actor, now, {
    type: 'merge-into',
    intoComplaintId: survivor.id,
    intoReference: survivor.reference,
  });
  if (typeof merged === 'string') return merged;
  const absorbed = decideOne(survivor, absorbedAt, actor, now, {
    type: 'absorb-duplicate',
    duplicateId: dup.id,
    duplicateReference: dup.reference,
  });
  if (typeof absorbed === 'string') return absorbed;
  apply(duplicate, merged);
  apply(into, absorbed);
  return null;
}

function decideOne(
  state: ComplaintState,
  at: Date,
  actor: Actor,
  now: Date,
  command: ComplaintCommand,
): ComplaintEvent[] | string {
  const policy = state.stages[state.stage - 1]?.policy;
  if (!policy) return 'NO_STAGE';
  const decision = decide(state, command, {
    now: now.toISOString(),
    at: at.toISOString(),
    actor,
    policy,
  });
  if (!decision.ok) {
    const { code, field } = decision.error;
    return field ? `${code}:${field}` : code;
  }
  return decision.value;
}

function apply(target: DemoCase, events: readonly ComplaintEvent[]): void {
  for (const event of events) {
    target.state = evolve(target.state, event);
    target.events.push(event);
  }
}
