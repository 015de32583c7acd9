import type { EscalationRefusalReason, Instant, RefusalReason } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { EscalationRefusalReasonEnum, RefusalReasonEnum } from './complaint-enums.type.js';
import {
  EscalationRefusalType,
  ReopeningType,
  toEscalationRefusalType,
  toReopeningType,
} from './complaint-decision.type.js';
import { AT, bounded, EXPECTED_VERSION, optionalText, stateOf, step } from './complaint-step.js';
import { ComplaintType } from './complaint.type.js';
import { ResidentNoticeInput, toResidentNotice } from './resident-notice.type.js';

const NOTICE_DESCRIPTION =
  "When and how the resident was told, and that they were given the Housing Ombudsman's contact details.";

/**
 * How a case ends, and how it opens again: closing, withdrawal, refusing to take it on (Code 2),
 * declining to take it to stage 2 (5.11), and re-opening with a reason.
 */
@Resolver(() => ComplaintType)
export class ComplaintEndingResolver {
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
      'Refuses to take the complaint into the procedure, for a valid reason the policy sets out (Code 2.1–2.4): an explanation the resident can follow, the notice (when and how they were told, with their right to go to the Ombudsman), and, over 12 months old, how discretion was considered. Deadlines already missed stay missed.',
  })
  refuseComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => RefusalReasonEnum) reason: RefusalReason,
    @Arg('explanation', { description: 'What the resident is told: a sentence they can follow.' })
    explanation: string,
    @Arg('notice', () => ResidentNoticeInput, {
      nullable: true,
      description: `${NOTICE_DESCRIPTION} Required (RESIDENT_NOT_TOLD without it).`,
    })
    notice: ResidentNoticeInput | null | undefined,
    @Arg('discretionConsidered', () => String, {
      nullable: true,
      description:
        'For OVER_12_MONTHS_OLD: how discretion to accept the complaint anyway was considered (Code 2.3).',
    })
    discretionConsidered: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'refuse',
        reason,
        explanation: bounded('explanation', explanation, 10_000),
        notice: toResidentNotice(notice),
        discretionConsidered: optionalText('discretionConsidered', discretionConsidered, 5000),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Declines the resident's request for stage 2, for a valid reason (Code 5.11: a reason under section 2, or OUT_OF_TIME once the policy's time for asking has passed), told to the resident with their right to go to the Ombudsman (2.4). The case closes with ESCALATION_REFUSED; it can still be escalated or re-opened later.",
  })
  refuseEscalation(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => EscalationRefusalReasonEnum) reason: EscalationRefusalReason,
    @Arg('explanation', { description: 'What the resident is told: a sentence they can follow.' })
    explanation: string,
    @Arg('notice', () => ResidentNoticeInput, { description: NOTICE_DESCRIPTION })
    notice: ResidentNoticeInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    const told = toResidentNotice(notice);
    if (!told) throw new Error('A required argument arrived null.');
    return step(
      ctx,
      id,
      {
        type: 'refuse-escalation',
        reason,
        explanation: bounded('explanation', explanation, 10_000),
        notice: told,
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Opens a closed, withdrawn or refused complaint again where it stood, with the reason (a sentence). Not an escalation: the stage stays as it was.',
  })
  reopenComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: 'Why the case is re-opened.' }) reason: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      { type: 'reopen', reason: bounded('reason', reason, 5000) },
      at,
      expectedVersion,
    );
  }

  @FieldResolver(() => EscalationRefusalType, {
    nullable: true,
    description: 'The latest refusal to take the case to stage 2, if any.',
  })
  escalationRefusal(@Root() complaint: ComplaintType): EscalationRefusalType | null {
    const { escalationRefusal } = stateOf(complaint);
    return escalationRefusal ? toEscalationRefusalType(escalationRefusal) : null;
  }

  @FieldResolver(() => [ReopeningType], {
    description: 'Each time the case was opened again after it ended, oldest first.',
  })
  reopenings(@Root() complaint: ComplaintType): ReopeningType[] {
    return stateOf(complaint).reopenings.map(toReopeningType);
  }
}
