import type { Instant, LocalDate, SatisfactionAnswer, Tenure } from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { SatisfactionAnswerEnum } from './measure-enums.type.js';
import type { SurveyResponseRecord } from './survey.repository.js';

@ObjectType('SurveyImport', { description: 'What an import of survey responses did.' })
export class SurveyImportType {
  @Field(() => Int, { description: 'Responses new to Redress, or whose answers changed.' })
  recorded: number;

  @Field(() => Int, { description: 'Responses stored already with the same answers.' })
  unchanged: number;
}

@ObjectType('SurveyResponse', { description: 'One response to the perception survey.' })
export class SurveyResponseType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "The survey's own id for the respondent (not a name)." })
  respondent: string;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field(() => LocalDateScalar)
  answeredOn: LocalDate;

  @Field(() => Int, { description: 'The reporting year of answeredOn (1 April to 31 March).' })
  reportingYear: number;

  @Field(() => Boolean)
  complainedInLast12Months: boolean;

  @Field(() => SatisfactionAnswerEnum, { nullable: true })
  complaintHandling: SatisfactionAnswer | null;

  @Field(() => DateTimeScalar, { description: 'When it was last imported with other answers.' })
  recordedAt: Instant;
}

export function toSurveyResponseType(record: SurveyResponseRecord): SurveyResponseType {
  return {
    id: record.id,
    respondent: record.respondent,
    tenure: record.tenure,
    answeredOn: record.answeredOn,
    reportingYear: record.reportingYear,
    complainedInLast12Months: record.complainedInLast12Months,
    complaintHandling: record.complaintHandling,
    recordedAt: record.recordedAt.toISOString(),
  };
}
