import type { Instant, LocalDate, RemedyKind } from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { RemedyKindEnum } from './complaint-enums.type.js';
import { personalData } from './complaint.type.js';

@ObjectType('Action', {
  description: 'A remedy action agreed with the resident, followed to completion.',
})
export class ActionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  stage: number;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  description: string;

  @Field()
  owner: string;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;

  @Field(() => RemedyKindEnum, { nullable: true })
  remedy: RemedyKind | null;

  @Field(() => DateTimeScalar)
  agreedAt: Instant;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt: Instant | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  note: string | null;

  @Field({ description: 'Not completed, and its due date has passed (Europe/London).' })
  overdue: boolean;
}
