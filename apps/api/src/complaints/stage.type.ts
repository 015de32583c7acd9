import type { Actor, Instant, LocalDate, Outcome, RemedyKind } from '@redress/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { PolicyType } from '../policies/policy.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { OutcomeEnum, RemedyKindEnum } from './complaint-enums.type.js';
import { StagePointType } from './case-record.type.js';
import { personalData } from './complaint.type.js';
import { ResidentNoticeType } from './resident-notice.type.js';

@ObjectType('Extension', { description: 'An extension of a stage response deadline.' })
export class ExtensionType {
  @Field(() => DateTimeScalar)
  at: Instant;

  @Field(() => Int)
  workingDays: number;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('What the resident was told.') })
  reason: string;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData("Why the extension goes beyond the policy's maximum, if it does."),
  })
  exceptionalReason: string | null;

  @Field(() => ResidentNoticeType, {
    nullable: true,
    description:
      "When and how the resident was told, with the Ombudsman's details (Code 6.5, 6.16); null for extensions recorded before notices were kept.",
  })
  notice: ResidentNoticeType | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The response due date the extension moved; null for extensions recorded before it was kept.',
  })
  fromDueOn: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The response due date it set.',
  })
  toDueOn: LocalDate | null;
}

@ObjectType('Remedy', { description: 'A way of putting things right offered in a response.' })
export class RemedyType {
  @Field(() => RemedyKindEnum)
  kind: RemedyKind;

  @Field()
  label: string;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  description: string;

  @Field(() => Int, { nullable: true, description: 'Financial compensation, in pence.' })
  amountPence: number | null;
}

@ObjectType('Stage', { description: 'One stage of the procedure (there are two at most).' })
export class StageType {
  @Field(() => Int)
  number: number;

  @Field()
  label: string;

  @Field(() => PolicyType, { description: 'The policy version in force when the stage began.' })
  policy: PolicyType;

  @Field(() => DateTimeScalar, {
    description: 'Receipt (stage 1) or the escalation request (stage 2).',
  })
  startedAt: Instant;

  @Field(() => String, {
    nullable: true,
    description: 'The handler by name, as assigned; `handledBy` is the user.',
  })
  handler: string | null;

  /** The handler as a user, read by `handledBy`. Not in the schema. */
  handlerId: string | null;

  /** Who recorded the response, read by `respondedBy`. Not in the schema. */
  responder: Actor | null;

  /** Who acknowledged the stage, read by `acknowledgedBy`. Not in the schema. */
  acknowledger: Actor | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acknowledgedAt: Instant | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData(
      'The complaint as the landlord understood it when acknowledging the stage (Code 5.6, 6.2).',
    ),
  })
  understanding: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData('The outcome the resident seeks, as set out on acknowledgement.'),
  })
  outcomeSought: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData('What the resident was asked where the complaint was unclear (5.6).'),
  })
  clarification: string | null;

  @Field(() => [ExtensionType])
  extensions: ExtensionType[];

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt: Instant | null;

  @Field(() => OutcomeEnum, { nullable: true })
  outcome: Outcome | null;

  @Field(() => String, { nullable: true })
  outcomeLabel: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  findings: string | null;

  @Field(() => [StagePointType], {
    description: 'Points raised during the investigation, answered in this response (Code 6.8).',
  })
  points: StagePointType[];

  @Field(() => [RemedyType])
  remedies: RemedyType[];

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  escalationReason: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData("Why an escalation request was accepted after the policy's window."),
  })
  lateReason: string | null;
}
