import type { LocalDate, Outcome, Tenure } from '@redress/domain';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Max, Min, MaxLength } from 'class-validator';
import { OutcomeEnum, TenureEnum } from '../complaints/complaint-enums.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { connectionTypes } from '../shared/connection.js';
import { MAX_PAGE_SIZE } from '../shared/list-args.js';
import type { MeasureCaseRow } from './measure-cases.repository.js';
import {
  MeasureNameEnum,
  MeasurePartEnum,
  type MeasureName,
  type MeasurePart,
} from './measure-names.type.js';
import { MeasuresFilterInput } from './measures-report.type.js';

@ObjectType('MeasureCase', {
  description:
    'A case behind a figure, as the figure counted it: no personal data. For the actions figure, one per action.',
  simpleResolvers: true,
})
export class MeasureCaseType implements MeasureCaseRow {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => Int)
  stage: 1 | 2;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field()
  category: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Received at the stage (stage 2: the escalation request).',
  })
  receivedOn: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The stage's response; for an action, the day it was completed.",
  })
  respondedOn: LocalDate | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'On time as the figure counts it; null where it does not ask.',
  })
  onTime: boolean | null;

  @Field(() => OutcomeEnum, { nullable: true })
  outcome: Outcome | null;

  @Field(() => ID, { nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true, description: 'For the actions figure: the action.' })
  actionId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'For the actions figure: due.' })
  dueOn: LocalDate | null;
}

export const { Connection: MeasureCaseConnectionType } = connectionTypes(
  'MeasureCase',
  MeasureCaseType,
  'A page of the cases behind a figure, by reference.',
);

@ArgsType()
export class MeasureCasesArgs {
  @Field(() => Int)
  year: number;

  @Field(() => MeasureNameEnum)
  measure: MeasureName;

  @Field(() => MeasurePartEnum)
  part: MeasurePart;

  @Field(() => MeasuresFilterInput, { nullable: true })
  filter?: MeasuresFilterInput | null;

  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the page before.' })
  @MaxLength(1000)
  after?: string | null;
}
