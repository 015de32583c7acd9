import { randomUUID } from 'node:crypto';
import type {
  ComplaintCommand,
  Instant,
  LogComplaint,
  Ombudsman,
  RefusalReason,
} from '@redress/domain';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-keys.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { AgreeActionInput } from './agree-action.input.js';
import { assignComplaint } from './assign-complaint.js';
import { RefusalReasonEnum } from './complaint-enums.type.js';
import { toComplaintType, toLogCommand, toRemedies } from './complaint.mapper.js';
import { ComplaintType } from './complaint.type.js';
import { LogComplaintInput } from './log-complaint.input.js';
import { OmbudsmanEnum } from './ombudsman.type.js';
import { RespondInput } from './respond.input.js';
import { RequirePermission } from '../auth/permission.decorator.js';

type StepCommand = Exclude<ComplaintCommand, LogComplaint>;

// Every step takes the same two optional arguments, described once.
const AT = {
  nullable: true,
  description:
    'When the step happened, if not now: never in the future, never before the last event.',
} as const;
const EXPECTED_VERSION = {
  nullable: true,
  description: "The complaint's version you last read; a newer one answers CONFLICT.",
} as const;

/** One mutation per step of the procedure, each returning the complaint as it now stands. */
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
    description: 'Acknowledges the complaint at its current stage.',
  })
  acknowledgeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(ctx, id, { type: 'acknowledge' }, at, expectedVersion);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Extends the current stage's response deadline by working days. Beyond the policy's maximum only with an exceptional reason.",
  })
  extendResponseDeadline(
    @Arg('id', () => ID) id: string,
    @Arg('workingDays', () => Int) workingDays: number,
    @Arg('reason', { description: 'What the resident is told with the new date.' }) reason: string,
    @Arg('exceptionalReason', () => String, { nullable: true })
    exceptionalReason: string | null | undefined,
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
      "Starts stage 2 at the resident's request. Reasons are optional unless the policy asks for them; a late request needs lateReason.",
  })
  requestEscalation(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Arg('lateReason', () => String, { nullable: true }) lateReason: string | null | undefined,
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
      'Closes a responded complaint (refused while agreed actions are open, where the policy says so).',
  })
  closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(ctx, id, { type: 'close' }, at, expectedVersion);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description: 'Records that the resident withdrew the complaint.',
  })
  withdrawComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      { type: 'withdraw', reason: bounded('reason', reason, 5000) },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Refuses to take the complaint into the procedure, for a valid reason (Code 2.1–2.4), telling the resident why and of their right to go to the Ombudsman.',
  })
  refuseComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => RefusalReasonEnum) reason: RefusalReason,
    @Arg('explanation') explanation: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      { type: 'refuse', reason, explanation: bounded('explanation', explanation, 10_000) },
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

async function step(
  ctx: AppContext,
  id: string,
  command: StepCommand,
  at: Instant | null | undefined,
  expectedVersion: number | null | undefined,
): Promise<ComplaintType> {
  const record = await ctx.services.complaints.execute(id, command, {
    by: ctx.principal,
    at: at ?? undefined,
    expectedVersion: expectedVersion ?? undefined,
  });
  return toComplaintType(record);
}

// Scalar arguments are not validated by class-validator; these keep free text to a sane size.
function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : bounded(field, value, max);
}

function bounded(field: string, value: string, max: number): string {
  if (value.length > max) {
    throw new BadUserInputError(
      `${field} is ${value.length} characters long; keep it to ${max}.`,
      field,
    );
  }
  return value;
}
