// The steps a case admits now, as the domain decides them, for a screen to offer: only those
// the caller may also take (a reader is offered none).
import { allowedSteps, COMPLAINT_STEPS, type ComplaintStep, STEP_LABELS } from '@redress/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { actorOf, can } from '../auth/principal.js';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import { stateOf } from './complaint-step.js';
import { ComplaintType } from './complaint.type.js';

export const ComplaintStepEnum = registerDomainEnum(
  COMPLAINT_STEPS,
  'ComplaintStep',
  'A step a person records on a complaint; each has its mutation.',
  STEP_LABELS,
);

@Resolver(() => ComplaintType)
export class ComplaintStepsResolver {
  @FieldResolver(() => [ComplaintStepEnum], {
    description:
      "The steps the case admits now, for you: the domain's rule of where the case stands (a step it would refuse for that is not listed), and your permissions. A step listed can still be refused for what it is given.",
  })
  allowedSteps(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): ComplaintStep[] {
    const { principal } = ctx;
    if (principal.kind === 'anonymous' || !can(principal, 'complaints:write')) return [];
    const steps = allowedSteps(stateOf(complaint), {
      now: ctx.clock.now().toISOString(),
      actor: actorOf(principal),
      ...(ctx.holidays ? { holidays: ctx.holidays } : {}),
    });
    return can(principal, 'complaints:assign:self') ? steps : steps.filter((s) => s !== 'assign');
  }
}
