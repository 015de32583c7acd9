import type { LocalDate, Tenure } from '@redress/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import type { TsmReport } from './measures.types.js';

const PERCENT =
  'A percentage, unrounded (the Regulator asks for one decimal place); null when nothing was responded to.';
const PER_THOUSAND =
  'Per 1,000 homes, unrounded; null when no homes are entered for the year (setHomes).';

@ObjectType('TsmReport', {
  description:
    'The Tenant Satisfaction Measures on complaints for a reporting year (1 April to 31 March, by the London date): CH01, CH02 and TP09, with the counts they are worked from.',
  simpleResolvers: true,
})
export class TsmReportType implements TsmReport {
  @Field(() => Int, { description: 'The reporting year, named by the year it starts in.' })
  year: number;

  @Field(() => TenureEnum, { nullable: true, description: 'The tenure reported; null: all.' })
  tenure: Tenure | null;

  @Field(() => LocalDateScalar, { description: 'The first day of the year, 1 April.' })
  from: LocalDate;

  @Field(() => LocalDateScalar, { description: 'The last day of the year, 31 March.' })
  to: LocalDate;

  @Field(() => Int, { nullable: true, description: 'Homes owned; null when not entered.' })
  homes: number | null;

  @Field(() => Int, { description: 'Stage 1 complaints received in the year.' })
  stage1Received: number;

  @Field(() => Int, { description: 'Stage 2 complaints received (escalations requested).' })
  stage2Received: number;

  @Field(() => Int, { description: 'Stage 1 complaints responded to in the year.' })
  stage1Responded: number;

  @Field(() => Int, { description: 'Of those, acknowledged and responded to on time.' })
  stage1RespondedOnTime: number;

  @Field(() => Int, { description: 'Of those, on time without counting any extension.' })
  stage1RespondedOnTimeWithoutExtensions: number;

  @Field(() => Int)
  stage2Responded: number;

  @Field(() => Int)
  stage2RespondedOnTime: number;

  @Field(() => Int)
  stage2RespondedOnTimeWithoutExtensions: number;

  @Field(() => Int, {
    description: 'Survey respondents who complained in the last 12 months and answered TP09.',
  })
  surveyRespondents: number;

  @Field(() => Int, { description: 'Of those, very or fairly satisfied.' })
  surveySatisfied: number;

  @Field(() => Float, { nullable: true, description: `CH01 stage 1. ${PER_THOUSAND}` })
  ch01Stage1: number | null;

  @Field(() => Float, { nullable: true, description: `CH01 stage 2. ${PER_THOUSAND}` })
  ch01Stage2: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `CH02 stage 1: responded to within the Code's timescales, extensions within the Code counted. ${PERCENT}`,
  })
  ch02Stage1: number | null;

  @Field(() => Float, { nullable: true, description: `CH02 stage 2. ${PERCENT}` })
  ch02Stage2: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `CH02 stage 1 with no extension counted. ${PERCENT}`,
  })
  ch02Stage1WithoutExtensions: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `CH02 stage 2 with no extension counted. ${PERCENT}`,
  })
  ch02Stage2WithoutExtensions: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'TP09: satisfied with the approach to complaints handling (%); null with no respondents.',
  })
  tp09: number | null;
}
