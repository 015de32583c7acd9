import { randomUUID } from 'node:crypto';
import type { Instant, Ombudsman } from '@redress/domain';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-keys.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { AgreeActionInput } from './agree-action.input.js';
import { assignComplaint } from './assign-complaint.js';
import { AT, bounded, EXPECTED_VERSION, optionalText, step } from './complaint-step.js';
import { toComplaintType, toLogCommand, toRemedies } from './complaint.mapper.js';
import { ComplaintType } from './complaint.type.js';
import { LogComplaintInput } from './log-complaint.input.js';
import { OmbudsmanEnum } from './ombudsman.type.js';
import { ResidentNoticeInput, toResidentNotice } from './resident-notice.type.js';
import { RespondInput } from './respond.input.js';
import { RequirePermission } from '../auth/permission.decorator.js';

/**
 * One mutation per step of a stage, each returning the complaint as it now stands. How a case
 * ends and opens again is in complaint-ending.resolver.ts.
 */
@Resolver(() => ComplaintType)
export class ComplaintLifecycleResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, { description: 'Logs a new complaint at stage 1.' })
  async logComplaint(
    @Arg('input', () => LogComplaintInput) input: LogComplaintInput,
    @Arg('at', () => DateTimeScalar, {
      nullable: true,
      description: 'When it was logged, if not now; never in the future.',
    })
    at: Instant | null | undefined,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: IDEMPOTENCY_KEY_DESCRIPTION,
    })
    idempotencyKey: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    const record = await ctx.services.complaints.log(toLogCommand(input), {
      by: ctx.principal,
      at: at ?? undefined,
      policyId: input.policyId ?? undefined,
      ...(idempotencyKey != null ? { idempotencyKey } : {}),
    });
    return toComplaintType(record);
  }

  @RequirePermission('complaints:assign:self')
  @Mutation(() => ComplaintType, {
    description:
      "Assigns the current stage to a user (assigneeId), a team (teamId), or both. Taking a case oneself needs no more than handling it; assigning anyone else is a manager's.",
  })
  async assignComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('assigneeId', () => ID, { nullable: true, description: 'The user who will handle it.' })
    assigneeId: string | null | undefined,
    @Arg('teamId', () => ID, { nullable: true, description: 'The team that will hold it.' })
    teamId: string | null | undefined,
    @Arg('handler', () => String, {
      nullable: true,
      deprecationReason: 'Use assigneeId: handlers are users now. A name is matched to a user.',
    })
    handler: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    const record = await assignComplaint(ctx.services, ctx.principal, id, {
      assigneeId: assigneeId ?? undefined,
      teamId: teamId ?? undefined,
      handler: handler == null ? undefined : bounded('handler', handler, 200),
      at: at ?? undefined,
      expectedVersion: expectedVersion ?? undefined,
    });
    return toComplaintType(record);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Acknowledges the complaint at its current stage, setting out the landlord's understanding of it and the outcome the resident seeks (Code 5.6, 6.2, 6.11). Left out, they are taken from what was logged (stage 2: the escalation and stage 1's); an outcome nobody recorded is OUTCOME_SOUGHT_NOT_RECORDED unless a clarification was asked for. At stage 2, whoever handled or answered stage 1 cannot acknowledge (6.13).",
  })
  acknowledgeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('understanding', () => String, {
      nullable: true,
      description: 'The complaint as the landlord understands it; default the logged summary.',
    })
    understanding: string | null | undefined,
    @Arg('outcomeSought', () => String, {
      nullable: true,
      description: 'The outcome the resident seeks; default the one logged.',
    })
    outcomeSought: string | null | undefined,
    @Arg('clarification', () => String, {
      nullable: true,
      description: 'What the resident was asked, where the complaint is unclear (Code 5.6).',
    })
    clarification: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'acknowledge',
        understanding: optionalText('understanding', understanding, 10_000),
        outcomeSought: optionalText('outcomeSought', outcomeSought, 5000),
        clarification: optionalText('clarification', clarification, 5000),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Extends the current stage's response deadline by working days, decided and told to the resident before the date it moves (Code 6.4, 6.15: EXTENSION_AFTER_DUE_DATE once that day has passed), with the notice of when and how they were told and that they were given the Ombudsman's details (6.5, 6.16). Beyond the policy's maximum only with an exceptional reason, written as a sentence.",
  })
  extendResponseDeadline(
    @Arg('id', () => ID) id: string,
    @Arg('workingDays', () => Int) workingDays: number,
    @Arg('reason', { description: 'What the resident is told with the new date.' }) reason: string,
    @Arg('exceptionalReason', () => String, {
      nullable: true,
      description: "The good reason to go beyond the policy's maximum: a sentence.",
    })
    exceptionalReason: string | null | undefined,
    @Arg('notice', () => ResidentNoticeInput, {
      nullable: true,
      description:
        "When and how the resident was told of the new date, and that they were given the Housing Ombudsman's contact details. Required (RESIDENT_NOT_TOLD without it).",
    })
    notice: ResidentNoticeInput | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'extend',
        workingDays,
        reason: bounded('reason', reason, 5000),
        exceptionalReason: optionalText('exceptionalReason', exceptionalReason, 5000),
        notice: toResidentNotice(notice),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, { description: 'Records the response of the current stage.' })
  respondToComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RespondInput) input: RespondInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'respond',
        outcome: input.outcome,
        findings: input.findings,
        remedies: toRemedies(input),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Starts stage 2 at the resident's request, also after a stage 1 case was closed (it re-opens at stage 2; Code 6.10). Reasons are asked for, never required, whatever the policy says (6.12): none given is recorded as none. A request after the policy's time for asking needs lateReason (accepting it), or refuseEscalation with OUT_OF_TIME.",
  })
  requestEscalation(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: "The resident's reasons, if they gave any.",
    })
    reason: string | null | undefined,
    @Arg('lateReason', () => String, {
      nullable: true,
      description: "Why a request after the policy's time for asking is accepted.",
    })
    lateReason: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'request-escalation',
        reason: optionalText('reason', reason, 5000),
        lateReason: optionalText('lateReason', lateReason, 5000),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description: 'Agrees a remedy action, with an owner and a due date.',
  })
  agreeAction(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('input', () => AgreeActionInput) input: AgreeActionInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      {
        type: 'agree-action',
        // The domain makes no ids; a caller may choose one so that a retry cannot agree it twice.
        actionId: input.id ?? randomUUID(),
        description: input.description,
        owner: input.owner,
        dueOn: input.dueOn,
        remedy: input.remedy ?? null,
        remedyId: input.remedyId ?? null,
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, { description: 'Marks an agreed action done.' })
  completeAction(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('actionId', () => ID) actionId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      {
        type: 'complete-action',
        actionId,
        note: optionalText('note', note, 5000),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Records a referral to an ombudsman, with its reference: the Housing Ombudsman unless `ombudsman` says otherwise.',
  })
  referToOmbudsman(
    @Arg('id', () => ID) id: string,
    @Arg('reference') reference: string,
    @Arg('ombudsman', () => OmbudsmanEnum, {
      nullable: true,
      description: 'Default HOUSING_OMBUDSMAN.',
    })
    ombudsman: Ombudsman | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'refer-to-ombudsman',
        reference: bounded('reference', reference, 100),
        ombudsman: ombudsman ?? 'housing-ombudsman',
      },
      at,
      expectedVersion,
    );
  }
}
