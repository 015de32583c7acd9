import type { Instant, Tenure } from '@redress/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import type { HomesRecord } from './homes.repository.js';

@ObjectType('Homes', {
  description:
    "How many homes the landlord had in a reporting year, of one tenure: CH01's divisor.",
})
export class HomesType {
  @Field(() => Int, { description: 'The reporting year, named by the year it starts in.' })
  year: number;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field(() => Int)
  homes: number;

  @Field(() => DateTimeScalar)
  updatedAt: Instant;
}

export function toHomesType(record: HomesRecord): HomesType {
  return {
    year: record.year,
    tenure: record.tenure,
    homes: record.homes,
    updatedAt: record.updatedAt.toISOString(),
  };
}
