import { Field, InputType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import { ApiKeyType } from './api-key.type.js';

export type ApiKeyOrderField = 'createdAt' | 'name';

const ORDER_FIELDS: Readonly<Record<ApiKeyOrderField, string>> = {
  createdAt: 'When made.',
  name: 'The name.',
};
export const ApiKeyOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'ApiKeyOrderField',
  'What to order API keys by.',
  ORDER_FIELDS,
);

@InputType('ApiKeyFilter', { description: 'Every field given must match.' })
export class ApiKeyFilterInput extends IdsFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only revoked, or only unrevoked, keys.' })
  revoked?: boolean | null;
}

export const ApiKeyOrderInput = orderInputType<ApiKeyOrderField>('ApiKey', ApiKeyOrderFieldEnum);

export const ApiKeysPageArgs = listArgsType(ApiKeyFilterInput, ApiKeyOrderInput, 'newest first');

export const { Connection: ApiKeyConnectionType } = connectionTypes(
  'ApiKey',
  ApiKeyType,
  'A page of API keys.',
);
