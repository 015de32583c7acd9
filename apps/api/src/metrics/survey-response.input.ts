import type { LocalDate, SatisfactionAnswer, Tenure } from '@redress/domain';
import { Field, InputType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { SatisfactionAnswerEnum } from './measure-enums.type.js';

// Checked row by row by the survey service, which names the first bad row and field.
@InputType('SurveyResponseInput', { description: 'One response to the perception survey.' })
export class SurveyResponseInput {
  @Field(() => String, {
    description:
      "The survey's own id for the respondent, e.g. R-00123: 1 to 64 letters, digits and . - _ / :, never a name. With answeredOn it identifies the response.",
  })
  respondent: string;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field(() => LocalDateScalar, {
    description: 'The day the survey was answered: not after today.',
  })
  answeredOn: LocalDate;

  @Field(() => Boolean, {
    description:
      'Whether the respondent says they complained in the last 12 months (TP09 counts only these).',
  })
  complainedInLast12Months: boolean;

  @Field(() => SatisfactionAnswerEnum, {
    nullable: true,
    description:
      'Their satisfaction with the approach to complaints handling; null when not answered.',
  })
  complaintHandling?: SatisfactionAnswer | null;
}
