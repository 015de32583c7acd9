import type { ComplaintStatus, LocalDate, Tenure } from '@redress/domain';
import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdsFilterInput, listArgsType, type ListArgs } from '../shared/list-args.js';
import { OrderDirectionEnum } from '../shared/order-direction.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import type { ComplaintOrder } from './complaint.service.js';
import { ComplaintStatusEnum, TenureEnum } from './complaint-enums.type.js';

// One list shape for every list (shared/list-args.ts); re-exported for this list's callers.
export { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE } from '../shared/list-args.js';
export { OrderDirectionEnum } from '../shared/order-direction.js';

const ORDER_FIELDS: Readonly<Record<ComplaintOrder['field'], string>> = {
  receivedAt: 'When received.',
  nextDueOn: 'The next open due date.',
  reference: 'The reference.',
  updatedAt: 'When last changed.',
};
export const ComplaintOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'ComplaintOrderField',
  'What to order complaints by.',
  ORDER_FIELDS,
);

@InputType('ComplaintFilter', { description: 'Every field given must match.' })
export class ComplaintFilterInput extends IdsFilterInput {
  @Field(() => [ComplaintStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  @ArrayMaxSize(10)
  status?: ComplaintStatus[] | null;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(2)
  stage?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: an open deadline has passed; false: none has.',
  })
  overdue?: boolean | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The next open deadline falls before this day (a deadline on the day itself does not match).',
  })
  dueBefore?: LocalDate | null;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'The handler of the current stage.' })
  @MaxLength(200)
  assignee?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The user handling the current stage (your own id from `me`: your cases).',
  })
  @MaxLength(100)
  assigneeId?: string | null;

  @Field(() => TenureEnum, { nullable: true })
  tenure?: Tenure | null;

  @Field(() => String, {
    nullable: true,
    description: "Words in the reference, summary or complainant's name.",
  })
  @MaxLength(200)
  text?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Received on or after this day.' })
  receivedFrom?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Received on or before this day.' })
  receivedTo?: LocalDate | null;
}

@InputType('ComplaintOrder')
export class ComplaintOrderInput {
  @Field(() => ComplaintOrderFieldEnum)
  field: ComplaintOrder['field'];

  @Field(() => OrderDirectionEnum)
  direction: ComplaintOrder['direction'];
}

/** The complaints list's arguments: the one list shape, with this list's filter and order. */
export const ComplaintsArgs = listArgsType(
  ComplaintFilterInput,
  ComplaintOrderInput,
  'received, newest first',
);
export type ComplaintsArgs = ListArgs<ComplaintFilterInput, ComplaintOrderInput>;
