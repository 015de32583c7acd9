import type { DeadlineKind, DeadlineState, LocalDate } from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { DeadlineKindEnum, DeadlineStateEnum } from './deadline-enums.type.js';

@ObjectType('DeadlineAlert', {
  description: 'Raised once when a deadline becomes due soon, due today or overdue.',
})
export class DeadlineAlertType {
  @Field(() => ID)
  complaintId: string;

  @Field()
  reference: string;

  @Field(() => Int)
  stage: number;

  @Field(() => DeadlineKindEnum)
  kind: DeadlineKind;

  @Field(() => DeadlineStateEnum, { description: 'DUE_SOON, DUE_TODAY or OVERDUE.' })
  alert: DeadlineState;

  @Field()
  alertLabel: string;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;
}
