// What a complaint is about and which cases it answers for: points raised during the
// investigation (Code 6.8), the contractor whose service it concerns (the complaint is still the
// landlord's, 1.2), and the duplicates merged into it.
import type { Instant } from '@redress/domain';
import { MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { personalData } from './complaint.type.js';

@ObjectType('Contractor', {
  description:
    'A contractor or agent whose service the complaint is about. It acts for the landlord, whose complaint it stays (Code 1.2).',
  simpleResolvers: true,
})
export class ContractorType {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "The contractor's own job reference." })
  reference: string | null;
}

@InputType('ContractorInput')
export class ContractorInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: "The contractor's own job reference." })
  @MaxLength(100)
  reference?: string | null;
}

@ObjectType('ComplaintDuplicate', {
  description: 'A duplicate merged into this complaint: its reference answers with this one.',
  simpleResolvers: true,
})
export class ComplaintDuplicateType {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => DateTimeScalar, { description: 'When it was merged in.' })
  at: Instant;
}

@ObjectType('ComplaintLink', {
  description: 'Another complaint, by id and reference.',
  simpleResolvers: true,
})
export class ComplaintLinkType {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;
}

@ObjectType('StagePoint', {
  description:
    "A point raised during the investigation, answered in the stage's response (Code 6.8).",
})
export class StagePointType {
  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData('The point, as the resident put it.'),
  })
  point: string;

  @Field(() => DateTimeScalar)
  at: Instant;
}
