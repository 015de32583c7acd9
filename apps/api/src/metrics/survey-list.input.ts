import type { Tenure } from '@redress/domain';
import { Field, InputType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import type { SurveyResponseOrderField } from './survey.repository.js';
import { SurveyResponseType } from './survey.type.js';

const ORDER_FIELDS: Readonly<Record<SurveyResponseOrderField, string>> = {
  answeredOn: 'The day answered.',
};
export const SurveyResponseOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'SurveyResponseOrderField',
  'What to order survey responses by.',
  ORDER_FIELDS,
);

@InputType('SurveyResponseFilter', { description: 'Every field given must match.' })
export class SurveyResponseFilterInput extends IdsFilterInput {
  @Field(() => TenureEnum, { nullable: true })
  tenure?: Tenure | null;
}

export const SurveyResponseOrderInput = orderInputType<SurveyResponseOrderField>(
  'SurveyResponse',
  SurveyResponseOrderFieldEnum,
);

export const SurveyResponsesArgs = listArgsType(
  SurveyResponseFilterInput,
  SurveyResponseOrderInput,
  'answered, latest first',
);

export const { Connection: SurveyResponseConnectionType } = connectionTypes(
  'SurveyResponse',
  SurveyResponseType,
  'A page of perception survey responses.',
);
