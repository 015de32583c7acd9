import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import { PolicyType } from './policy.type.js';

export type PolicyOrderField = 'name' | 'id';

const ORDER_FIELDS: Readonly<Record<PolicyOrderField, string>> = {
  name: 'The name of the current version.',
  id: 'The id.',
};
export const PolicyOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'PolicyOrderField',
  'What to order policies by.',
  ORDER_FIELDS,
);

@InputType('PolicyFilter', { description: 'Every field given must match.' })
export class PolicyFilterInput extends IdsFilterInput {
  @Field(() => String, { nullable: true, description: "Text in the current version's name." })
  @MaxLength(200)
  text?: string | null;
}

export const PolicyOrderInput = orderInputType<PolicyOrderField>('Policy', PolicyOrderFieldEnum);

export const PoliciesPageArgs = listArgsType(PolicyFilterInput, PolicyOrderInput, 'name, A to Z');

export const { Connection: PolicyConnectionType } = connectionTypes(
  'Policy',
  PolicyType,
  'A page of policies, each at its current version.',
);
