// Decisions on a case that the resident is told with reasons: declining to take it to stage 2
// (Code 5.11, 2.4), and opening it again after it ended.
import {
  ESCALATION_REFUSAL_REASON_LABELS,
  type ComplaintState,
  type EscalationRefusalReason,
  type Instant,
} from '@redress/domain';
import { Field, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { EscalationRefusalReasonEnum } from './complaint-enums.type.js';
import { personalData } from './complaint.type.js';
import { ResidentNoticeType, toResidentNoticeType } from './resident-notice.type.js';

@ObjectType('EscalationRefusal', {
  description:
    'Why the landlord declined to take the complaint to stage 2: a decision with reasons, told to the resident with their right to go to the Ombudsman (Code 5.11, 2.4).',
})
export class EscalationRefusalType {
  @Field(() => EscalationRefusalReasonEnum)
  reason: EscalationRefusalReason;

  @Field()
  reasonLabel: string;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('What the resident was told.') })
  explanation: string;

  @Field(() => DateTimeScalar)
  refusedAt: Instant;

  @Field(() => ResidentNoticeType, {
    nullable: true,
    description: "When and how the resident was told, with the Ombudsman's details.",
  })
  notice: ResidentNoticeType | null;
}

@ObjectType('Reopening', { description: 'A time the case was opened again after it ended.' })
export class ReopeningType {
  @Field(() => DateTimeScalar)
  at: Instant;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('Why it was re-opened.') })
  reason: string;
}

export function toEscalationRefusalType(
  refusal: NonNullable<ComplaintState['escalationRefusal']>,
): EscalationRefusalType {
  return {
    reason: refusal.reason,
    reasonLabel: ESCALATION_REFUSAL_REASON_LABELS[refusal.reason],
    explanation: refusal.explanation,
    refusedAt: refusal.at,
    notice: refusal.notice ? toResidentNoticeType(refusal.notice) : null,
  };
}

export function toReopeningType(reopening: ComplaintState['reopenings'][number]): ReopeningType {
  return { at: reopening.at, reason: reopening.reason };
}
