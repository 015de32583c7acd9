// Who reviews stage 2 (seed 004): staff by user, residents by their place in the review panel.
import type { LocalDate, RecordedReviewer } from '@redress/domain';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import { personalData } from './complaint.type.js';

export const ReviewerKindEnum = registerDomainEnum(
  ['staff', 'panel'] as const,
  'ReviewerKind',
  'Who a stage 2 reviewer is.',
  { staff: 'A member of staff, a user of Redress.', panel: 'A resident from the review panel.' },
);

@ObjectType('Stage2Reviewer', { description: 'Someone who reviews stage 2 of the complaint.' })
export class Stage2ReviewerType {
  @Field(() => ReviewerKindEnum)
  kind: RecordedReviewer['kind'];

  @Field(() => ID, { nullable: true, description: 'The user, for a member of staff.' })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'The panel member, for a resident.' })
  panelMemberId: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('Their name.') })
  name: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'For a panel member, the day they consented to review complaints.',
  })
  consentGivenOn: LocalDate | null;
}

@InputType('Stage2ReviewerInput', {
  description: 'A reviewer: userId for a member of staff, or panelMemberId for a resident.',
})
export class Stage2ReviewerInput {
  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  panelMemberId?: string | null;
}

export function toStage2ReviewerType(reviewer: RecordedReviewer): Stage2ReviewerType {
  return reviewer.kind === 'staff'
    ? {
        kind: 'staff',
        userId: reviewer.userId,
        panelMemberId: null,
        name: reviewer.name,
        consentGivenOn: null,
      }
    : {
        kind: 'panel',
        userId: null,
        panelMemberId: reviewer.memberId,
        name: reviewer.name,
        consentGivenOn: reviewer.consentGivenOn,
      };
}
