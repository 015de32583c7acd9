import type { LocalDate } from './calendar.types.js';

/**
 * Dates as whole days since 1970-01-01 (day 0, a Thursday). Integer arithmetic on these is
 * exact, unlike milliseconds, and needs no time zone: a `LocalDate` is already local.
 */
export type EpochDay = number;

const ZERO = 48; // '0'
const DASH = 45; // '-'

/**
 * The epoch day of `YYYY-MM-DD`, or NaN when the text is not a real calendar date. Parsed by
 * character codes because this sits on the hot path of every working-day calculation.
 */
export function epochDayOrNaN(date: string): EpochDay {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) {
    return NaN;
  }
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return daysFromCivil(year, month, day);
}

/** The epoch day of a `LocalDate`; a malformed or impossible date is a programmer error. */
export function toEpochDay(date: LocalDate): EpochDay {
  const epochDay = epochDayOrNaN(date);
  if (Number.isNaN(epochDay)) {
    throw new RangeError(`Not a date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  }
  return epochDay;
}

/** The `YYYY-MM-DD` text of an epoch day. */
export function fromEpochDay(epochDay: EpochDay): LocalDate {
  const { year, month, day } = civilFromDays(epochDay);
  return `${pad4(year)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 for Sunday to 6 for Saturday, as `Date.prototype.getUTCDay`. */
export function weekdayOfEpochDay(epochDay: EpochDay): number {
  // Day 0 was a Thursday (4); the double modulo keeps days before 1970 non-negative.
  return (((epochDay + 4) % 7) + 7) % 7;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// The two conversions below are Howard Hinnant's days_from_civil and civil_from_days: exact for
// the proleptic Gregorian calendar, with no Date objects and no floating point surprises.

export function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number written in `text[from..to)`, or -1 when any character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function pad4(year: number): string {
  return year >= 1000 ? String(year) : String(year).padStart(4, '0');
}
