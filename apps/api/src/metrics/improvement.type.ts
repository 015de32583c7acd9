import type { Instant } from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import type { ImprovementRecord } from './improvement.repository.js';

@ObjectType('Improvement', {
  description: '"You said, we did": what residents told us, and what we changed because of it.',
})
export class ImprovementType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The reporting year it is reported in.' })
  year: number;

  @Field(() => String)
  youSaid: string;

  @Field(() => String)
  weDid: string;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field(() => [String], { description: 'The complaints it was learnt from, by reference.' })
  complaintReferences: string[];

  @Field(() => DateTimeScalar)
  recordedAt: Instant;
}

export function toImprovementType(record: ImprovementRecord): ImprovementType {
  return {
    id: record.id,
    year: record.year,
    youSaid: record.youSaid,
    weDid: record.weDid,
    category: record.category,
    complaintReferences: [...record.complaintReferences],
    recordedAt: record.recordedAt.toISOString(),
  };
}
