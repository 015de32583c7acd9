import {
  createCalendar,
  SUPPORTED_DATES,
  type BankHolidaysData,
  type Calendar,
  type Division,
  type LocalDate,
} from '@redress/domain';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { CalendarDayType } from './calendar-day.type.js';
import { DivisionEnum } from './division.type.js';

/** About thirty years of working days: far beyond any deadline, and within the calendar's years. */
const MAX_WORKING_DAYS = 7500;

// The years of SUPPORTED_DATES, each whole.
const FIRST_YEAR = Number(SUPPORTED_DATES.first.slice(0, 4));
const LAST_YEAR = Number(SUPPORTED_DATES.last.slice(0, 4));

/** The key for calendars built on the shipped bank-holiday data alone. */
const SHIPPED = {};

const DIVISION_ARG = {
  nullable: true,
  defaultValue: 'england-and-wales',
  description: 'Whose bank holidays count; default ENGLAND_AND_WALES.',
} as const;

@Resolver()
export class CalendarResolver {
  // A calendar precomputes a working-day index, so one is kept per division and holiday file.
  private readonly calendars = new WeakMap<
    BankHolidaysData | typeof SHIPPED,
    Map<Division, Calendar>
  >();

  @Query(() => LocalDateScalar, {
    description:
      'The Nth working day strictly after a date (N = 0 gives the date; negative counts back), skipping weekends and bank holidays.',
  })
  addWorkingDays(
    @Arg('from', () => LocalDateScalar) from: LocalDate,
    @Arg('days', () => Int) days: number,
    @Arg('division', () => DivisionEnum, DIVISION_ARG) division: Division,
    @Ctx() ctx: AppContext,
  ): LocalDate {
    if (Math.abs(days) > MAX_WORKING_DAYS) {
      throw new BadUserInputError(
        `days must be between -${MAX_WORKING_DAYS} and ${MAX_WORKING_DAYS}.`,
        'days',
      );
    }
    return this.calendarFor(division, ctx).addWorkingDays(from, days);
  }

  @Query(() => Boolean, {
    description: 'Whether a date is a working day: not a weekend, not a bank holiday.',
  })
  isWorkingDay(
    @Arg('date', () => LocalDateScalar) date: LocalDate,
    @Arg('division', () => DivisionEnum, DIVISION_ARG) division: Division,
    @Ctx() ctx: AppContext,
  ): boolean {
    return this.calendarFor(division, ctx).isWorkingDay(date);
  }

  @Query(() => [CalendarDayType], {
    description:
      "A division's bank holidays in a year, in date order, substitute days included. A holiday " +
      'falling on a weekend is listed by its substitute weekday, as GOV.UK lists it.',
  })
  bankHolidays(
    @Arg('year', () => Int) year: number,
    @Arg('division', () => DivisionEnum, DIVISION_ARG) division: Division,
    @Ctx() ctx: AppContext,
  ): CalendarDayType[] {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new BadUserInputError(
        `year must be between ${FIRST_YEAR} and ${LAST_YEAR}, the years Redress supports.`,
        'year',
      );
    }
    // The days after 31 December of the year before, up to and including this year's.
    return this.calendarFor(division, ctx)
      .nonWorkingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)
      .filter((day) => day.kind === 'bank-holiday')
      .map((day) => ({ date: day.date, title: day.title, published: day.source === 'data' }));
  }

  private calendarFor(division: Division | null | undefined, ctx: AppContext): Calendar {
    const key = ctx.holidays ?? SHIPPED;
    let byDivision = this.calendars.get(key);
    if (!byDivision) {
      byDivision = new Map();
      this.calendars.set(key, byDivision);
    }
    const chosen = division ?? 'england-and-wales';
    let calendar = byDivision.get(chosen);
    if (!calendar) {
      calendar = createCalendar({ division: chosen, holidays: ctx.holidays });
      byDivision.set(chosen, calendar);
    }
    return calendar;
  }
}
