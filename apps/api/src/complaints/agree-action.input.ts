import type { LocalDate, RemedyKind } from '@redress/domain';
import { MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { RemedyKindEnum } from './complaint-enums.type.js';

@InputType('AgreeActionInput')
export class AgreeActionInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Your id for the action, so that a retried request cannot agree it twice; default a new UUID.',
  })
  @MinLength(1)
  @MaxLength(100)
  id?: string | null;

  @Field()
  @MaxLength(2000)
  description: string;

  @Field({ description: 'Who is to do it.' })
  @MaxLength(200)
  owner: string;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;

  @Field(() => RemedyKindEnum, { nullable: true })
  remedy?: RemedyKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The remedy of the response this action delivers, by its id (`1.2`); its kind is the action's.",
  })
  @MaxLength(20)
  remedyId?: string | null;
}
