// Code 6.13: "The person considering the complaint at stage 2 must not be the same person that
// considered the complaint at stage 1." People are compared as users (or partner keys), never
// by typed names: "J Smith" and "John Smith" may be one person or two, and a name says nothing
// when nobody was assigned. Who considered stage 1 is everyone it was ever assigned to (a case
// handed on was still considered by its first handler) and whoever sent its response.
import type { Actor, ComplaintState, StageState } from '../complaint.types.js';
import { refuse, sameText, type Decision } from '../decision.js';

/** The people who considered stage 1, as `kind:id` keys, and legacy typed names. */
export function stage1People(state: ComplaintState): { keys: Set<string>; names: string[] } {
  const stage1 = state.stages[0];
  const keys = new Set<string>();
  const names: string[] = [];
  if (!stage1) return { keys, names };
  for (const id of stage1.assignedUserIds) keys.add(`user:${id}`);
  if (stage1.handlerId !== null) keys.add(`user:${stage1.handlerId}`);
  else if (stage1.handler !== null) names.push(stage1.handler);
  const responder = stage1.respondedBy;
  if (responder && responder.kind !== 'system') keys.add(`${responder.kind}:${responder.id}`);
  return { keys, names };
}

function applies(stage: StageState): boolean {
  return stage.stage === 2 && stage.policy.independentStage2Handler;
}

/** Refuses to assign stage 2 to someone who considered stage 1. */
export function assigneeNotIndependent(
  state: ComplaintState,
  stage: StageState,
  assignee: { readonly handler: string; readonly handlerId?: string | null },
): Decision | null {
  if (!applies(stage)) return null;
  const { keys, names } = stage1People(state);
  const byUser = assignee.handlerId != null && keys.has(`user:${assignee.handlerId}`);
  // Histories from before users: only a typed name is known on both sides.
  const byName =
    assignee.handlerId == null && names.some((name) => sameText(name, assignee.handler));
  if (!byUser && !byName) return null;
  return refuse(
    'STAGE2_HANDLER_NOT_INDEPENDENT',
    `${assignee.handler} considered stage 1 of complaint ${state.reference}, and stage 2 must ` +
      'be considered by someone who did not (Code 6.13). Assign a different person.',
    assignee.handlerId != null ? 'assigneeId' : 'handler',
  );
}

/** Refuses a stage 2 acknowledgement or response by someone who considered stage 1. */
export function actorNotIndependent(
  state: ComplaintState,
  stage: StageState,
  actor: Actor,
  step: 'acknowledge' | 'respond to',
): Decision | null {
  if (!applies(stage) || actor.kind === 'system') return null;
  if (!stage1People(state).keys.has(`${actor.kind}:${actor.id}`)) return null;
  const who = actor.name ?? 'You';
  return refuse(
    'STAGE2_HANDLER_NOT_INDEPENDENT',
    `${who} considered stage 1 of complaint ${state.reference}, so cannot ${step} it at ` +
      'stage 2: stage 2 is considered by someone who was not involved at stage 1 (Code 6.13). ' +
      'Ask a colleague to take it.',
  );
}
