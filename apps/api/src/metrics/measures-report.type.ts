import type {
  DeterminationFinding,
  LocalDate,
  Outcome,
  RefusalReason,
  Tenure,
} from '@redress/domain';
import { MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OutcomeEnum, RefusalReasonEnum, TenureEnum } from '../complaints/complaint-enums.type.js';
import { DeterminationFindingEnum } from '../complaints/ombudsman.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import type {
  MeasureBucket,
  MeasuresReport,
  Rate,
  SatisfactionSummary,
  StageAverage,
  StageRate,
} from './measures.types.js';

@InputType('MeasuresFilter', {
  description: 'Which cases the figures count: every field given must match.',
})
export class MeasuresFilterInput {
  @Field(() => TenureEnum, { nullable: true })
  tenure?: Tenure | null;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  category?: string | null;

  @Field(() => ID, { nullable: true, description: 'The team holding the case.' })
  @MaxLength(100)
  teamId?: string | null;
}

@ObjectType('Rate', { description: 'How many of how many.', simpleResolvers: true })
export class RateType implements Rate {
  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Float, { nullable: true, description: 'Unrounded; null when the denominator is 0.' })
  percentage: number | null;
}

@ObjectType('StageRate', { simpleResolvers: true })
export class StageRateType extends RateType implements StageRate {
  @Field(() => Int)
  stage: 1 | 2;
}

@ObjectType('OutcomeCount', {
  description: 'Responses of a stage sent in the year with an outcome, by category.',
  simpleResolvers: true,
})
export class OutcomeCountType {
  @Field()
  category: string;

  @Field(() => Int)
  stage: 1 | 2;

  @Field(() => OutcomeEnum)
  outcome: Outcome;

  @Field(() => Int)
  count: number;
}

@ObjectType('ReasonCount', { simpleResolvers: true })
export class ReasonCountType {
  @Field(() => RefusalReasonEnum)
  reason: RefusalReason;

  @Field(() => Int)
  count: number;
}

@ObjectType('FindingCount', { simpleResolvers: true })
export class FindingCountType {
  @Field(() => DeterminationFindingEnum)
  finding: DeterminationFinding;

  @Field(() => Int)
  count: number;
}

@ObjectType('StageAverage', { simpleResolvers: true })
export class StageAverageType implements StageAverage {
  @Field(() => Int)
  stage: 1 | 2;

  @Field(() => Int, { description: 'Responses sent in the year.' })
  responses: number;

  @Field(() => Float, { nullable: true, description: 'Working days to respond, on average.' })
  average: number | null;
}

@ObjectType('SatisfactionSummary', { simpleResolvers: true })
export class SatisfactionSummaryType implements SatisfactionSummary {
  @Field(() => Int, { description: 'Scores recorded in the year (the latest of each case).' })
  responses: number;

  @Field(() => Float, { nullable: true, description: 'The average score, 0 to 10.' })
  average: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The policy's target for the average (that of the policy most of the year's complaints were handled under); null when it sets none.",
  })
  target: number | null;
}

@ObjectType('MeasuresReport', {
  description: "The Code's measures of a reporting year, for analysts: no personal data.",
  simpleResolvers: true,
})
export class MeasuresReportType implements MeasuresReport {
  @Field(() => Int)
  year: number;

  @Field(() => LocalDateScalar)
  from: LocalDate;

  @Field(() => LocalDateScalar)
  to: LocalDate;

  @Field(() => [StageRateType], {
    description:
      "Of the year's complaints at each stage whose acknowledgement is due or made, those acknowledged on time.",
  })
  acknowledgedOnTime: StageRateType[];

  @Field(() => RateType, {
    description:
      'Of the agreed actions due in the year and completed or overdue, those completed on time.',
  })
  actionsOnTime: RateType;

  @Field(() => Float, {
    nullable: true,
    description:
      "The policy's target for actions on time, as a percentage (that of the policy most of the year's complaints were handled under, as for satisfaction); null when it sets none.",
  })
  actionsOnTimeTarget: number | null;

  @Field(() => [OutcomeCountType])
  outcomesByCategory: OutcomeCountType[];

  @Field(() => RateType, {
    description: "Of the year's stage 1 complaints, those escalated to stage 2.",
  })
  escalationRate: RateType;

  @Field(() => [ReasonCountType], { description: 'Complaints refused in the year, by reason.' })
  refusalsByReason: ReasonCountType[];

  @Field(() => Int, { description: 'Cases referred to an ombudsman in the year.' })
  ombudsmanReferrals: number;

  @Field(() => [FindingCountType], {
    description: 'Findings of the latest determination on the cases referred in the year.',
  })
  ombudsmanFindings: FindingCountType[];

  @Field(() => Int, { description: "Compensation offered on the year's complaints, in pence." })
  compensationOfferedPence: number;

  @Field(() => Int, { description: "Compensation paid on the year's complaints, in pence." })
  compensationPaidPence: number;

  @Field(() => Int, {
    description: 'Residents with two or more stage 1 complaints received in the year.',
  })
  repeatComplainants: number;

  @Field(() => [StageAverageType])
  averageWorkingDaysToRespond: StageAverageType[];

  @Field(() => SatisfactionSummaryType, {
    description: "Residents' 0-10 scores of how their complaint was handled, recorded in the year.",
  })
  transactionalSatisfaction: SatisfactionSummaryType;
}

@ObjectType('MeasureBucket', {
  description: 'One value of a breakdown: a month (YYYY-MM), category, team id or tenure.',
  simpleResolvers: true,
})
export class MeasureBucketType implements MeasureBucket {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  numerator: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The cases counted among; for CH01 the homes (null when none are entered).',
  })
  denominator: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A percentage, or per 1,000 homes for CH01; unrounded.',
  })
  value: number | null;
}
