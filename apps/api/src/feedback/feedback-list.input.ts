import type { FeedbackKind } from '@redress/domain';
import { Field, InputType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import { FeedbackKindEnum, FeedbackType } from './feedback.type.js';

export type FeedbackOrderField = 'receivedAt';

const ORDER_FIELDS: Readonly<Record<FeedbackOrderField, string>> = {
  receivedAt: 'When received.',
};
export const FeedbackOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'FeedbackOrderField',
  'What to order feedback by.',
  ORDER_FIELDS,
);

@InputType('FeedbackFilter', { description: 'Every field given must match.' })
export class FeedbackFilterInput extends IdsFilterInput {
  @Field(() => FeedbackKindEnum, { nullable: true })
  kind?: FeedbackKind | null;
}

export const FeedbackOrderInput = orderInputType<FeedbackOrderField>(
  'Feedback',
  FeedbackOrderFieldEnum,
);

export const FeedbackItemsArgs = listArgsType(
  FeedbackFilterInput,
  FeedbackOrderInput,
  'received, newest first',
);

export const { Connection: FeedbackConnectionType } = connectionTypes(
  'Feedback',
  FeedbackType,
  'A page of feedback.',
);
