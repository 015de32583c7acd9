import type { ContactMethod, Instant, LocalDate, RemedyKind } from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { ContactMethodEnum, RemedyKindEnum } from './complaint-enums.type.js';
import { personalData } from './complaint.type.js';

@ObjectType('ActionUpdate', {
  description: 'What the resident was told about an outstanding action, and how (Code 6.6, 7.3).',
})
export class ActionUpdateType {
  @Field(() => DateTimeScalar)
  at: Instant;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('What the resident was told.') })
  update: string;

  @Field(() => ContactMethodEnum)
  method: ContactMethod;
}

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

  @Field(() => ID, {
    nullable: true,
    description: 'The remedy it delivers, by id (see `Complaint.remedies`).',
  })
  remedyId: string | null;

  @Field(() => DateTimeScalar)
  agreedAt: Instant;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt: Instant | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  note: string | null;

  @Field({ description: 'Not completed, and its due date has passed (Europe/London).' })
  overdue: boolean;

  @Field(() => [ActionUpdateType], { description: 'Updates given to the resident, oldest first.' })
  updates: ActionUpdateType[];
}
