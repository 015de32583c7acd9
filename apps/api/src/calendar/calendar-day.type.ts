import type { LocalDate } from '@redress/domain';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';

@ObjectType('CalendarDay', {
  description: 'A day that is not a working day, with why: a bank holiday, by its name.',
})
export class CalendarDayType {
  @Field(() => LocalDateScalar)
  date: LocalDate;

  @Field({
    description:
      'The name of the day, e.g. "Boxing Day" (on its substitute day when the day falls at a weekend).',
  })
  title: string;

  @Field({
    description:
      "Whether the day comes from GOV.UK's published bank holidays (true) or, for years it has " +
      'not published yet, from the rules that set them (false).',
  })
  published: boolean;
}
