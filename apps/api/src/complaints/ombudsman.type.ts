// The ombudsman's side of a case: which ombudsman, its determination (findings, orders and
// recommendations, each with a due date) and the landlord's compliance with each.
import {
  DETERMINATION_FINDING_LABELS,
  DETERMINATION_FINDINGS,
  OMBUDSMAN_LABELS,
  OMBUDSMAN_ORDER_KIND_LABELS,
  OMBUDSMAN_ORDER_KINDS,
  OMBUDSMEN,
  type DeterminationFinding,
  type Instant,
  type LocalDate,
  type OmbudsmanOrderKind,
} from '@redress/domain';
import { ArrayMaxSize, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { personalData } from './complaint.type.js';

export const OmbudsmanEnum = registerDomainEnum(
  OMBUDSMEN,
  'Ombudsman',
  'Which ombudsman a complaint went to: the Housing Ombudsman, or the Local Government and Social Care Ombudsman where the landlord is a council whose procedure names it.',
  OMBUDSMAN_LABELS,
);

export const DeterminationFindingEnum = registerDomainEnum(
  DETERMINATION_FINDINGS,
  'DeterminationFinding',
  "An ombudsman's finding on a complaint.",
  DETERMINATION_FINDING_LABELS,
);

export const OmbudsmanOrderKindEnum = registerDomainEnum(
  OMBUDSMAN_ORDER_KINDS,
  'OmbudsmanOrderKind',
  'An order, which the landlord must comply with, or a recommendation.',
  OMBUDSMAN_ORDER_KIND_LABELS,
);

@ObjectType('OmbudsmanDetermination', { description: "An ombudsman's decision on a referral." })
export class OmbudsmanDeterminationType {
  @Field(() => LocalDateScalar)
  determinedOn: LocalDate;

  @Field(() => [DeterminationFindingEnum])
  findings: DeterminationFinding[];

  @Field(() => [String], { description: 'The findings in words, in the same order.' })
  findingLabels: string[];

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData("The determination in the ombudsman's words."),
  })
  summary: string;

  @Field(() => DateTimeScalar, { description: 'When the determination was recorded.' })
  recordedAt: Instant;
}

@ObjectType('OmbudsmanOrder', {
  description: "An order or recommendation of a determination, and the landlord's compliance.",
})
export class OmbudsmanOrderType {
  @Field(() => ID)
  id: string;

  @Field(() => OmbudsmanOrderKindEnum)
  kind: OmbudsmanOrderKind;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  description: string;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Null until complied with.' })
  compliedOn: LocalDate | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  note: string | null;
}

@InputType('OmbudsmanOrderInput')
export class OmbudsmanOrderInput {
  @Field(() => ID, { description: 'Your id for it, e.g. the number the determination gives.' })
  @MinLength(1)
  @MaxLength(200)
  id: string;

  @Field(() => OmbudsmanOrderKindEnum)
  kind: OmbudsmanOrderKind;

  @Field()
  @MaxLength(5000)
  description: string;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;
}

@InputType('RecordDeterminationInput')
export class RecordDeterminationInput {
  @Field({ description: "The ombudsman's reference of the referral it decides." })
  @MaxLength(100)
  reference: string;

  @Field(() => LocalDateScalar)
  determinedOn: LocalDate;

  // Bounds against abuse, above what the rules allow: the domain says what a determination holds.
  @Field(() => [DeterminationFindingEnum])
  @ArrayMaxSize(20)
  findings: DeterminationFinding[];

  @Field()
  @MaxLength(20_000)
  summary: string;

  @Field(() => [OmbudsmanOrderInput], { nullable: true })
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  orders?: OmbudsmanOrderInput[] | null;
}
