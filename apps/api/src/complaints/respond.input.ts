import type { Outcome, RemedyKind } from '@redress/domain';
import { Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { OutcomeEnum, RemedyKindEnum } from './complaint-enums.type.js';

@InputType('RemedyInput')
export class RemedyInput {
  @Field(() => RemedyKindEnum)
  kind: RemedyKind;

  @Field()
  @MaxLength(2000)
  description: string;

  @Field(() => Int, { nullable: true, description: 'Financial compensation, in pence.' })
  @Min(0)
  @Max(100_000_000)
  amountPence?: number | null;
}

@InputType('RespondInput')
export class RespondInput {
  @Field(() => OutcomeEnum)
  outcome: Outcome;

  @Field({ description: 'What was found, and why the outcome follows.' })
  @MaxLength(20_000)
  findings: string;

  @Field(() => [RemedyInput], { nullable: true })
  @ValidateNested({ each: true })
  remedies?: RemedyInput[] | null;
}
