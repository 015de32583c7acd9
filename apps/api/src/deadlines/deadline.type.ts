import type {
  DeadlineKind,
  DeadlineState,
  Instant,
  LocalDate,
  NonWorkingDay,
} from '@redress/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { DeadlineKindEnum, DeadlineStateEnum } from './deadline-enums.type.js';

const NON_WORKING_DAY_KINDS: Readonly<Record<NonWorkingDay['kind'], string>> = {
  weekend: 'Saturday or Sunday.',
  'bank-holiday': 'A bank holiday of the policy division.',
  closure: 'A closure day the landlord declared.',
};

export const NonWorkingDayKindEnum = registerDomainEnum(
  valuesOf(NON_WORKING_DAY_KINDS),
  'NonWorkingDayKind',
  'Why a day is not a working day.',
  NON_WORKING_DAY_KINDS,
);

@ObjectType('NonWorkingDay', { description: 'A day skipped when counting working days, and why.' })
export class NonWorkingDayType {
  @Field(() => LocalDateScalar)
  date: LocalDate;

  @Field(() => NonWorkingDayKindEnum)
  kind: NonWorkingDay['kind'];

  @Field({ description: '"Saturday", "Boxing Day", "Christmas closure" ...' })
  title: string;
}

@ObjectType('Deadline', {
  description: 'A due date of a stage, derived from the events and the policy.',
})
export class DeadlineType {
  @Field(() => Int)
  stage: number;

  @Field(() => DeadlineKindEnum)
  kind: DeadlineKind;

  @Field(() => LocalDateScalar)
  dueOn: LocalDate;

  @Field({ description: 'True while the date counts from a step that has not happened yet.' })
  provisional: boolean;

  @Field(() => DeadlineStateEnum)
  state: DeadlineState;

  @Field()
  stateLabel: string;

  @Field(() => DateTimeScalar, { nullable: true })
  metAt: Instant | null;

  @Field(() => LocalDateScalar, { nullable: true })
  metOn: LocalDate | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the case ended (withdrawn, refused, merged) with this step undone and already late: the deadline stays, MISSED, and nothing more is due. Null otherwise.',
  })
  stoppedAt: Instant | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Working days from today to the due date (0 on the day, negative when overdue); null once done.',
  })
  workingDaysLeft: number | null;

  @Field(() => Int, { description: 'Working days added by extensions.' })
  extendedBy: number;

  @Field({ description: 'Why the deadline falls where it does, in words.' })
  explanation: string;

  @Field(() => [NonWorkingDayType], { description: 'The non-working days skipped in the count.' })
  skippedDays: NonWorkingDayType[];
}
