import type { LocalDate } from './calendar.types.js';

/**
 * Dates as whole days since 1970-01-01 (day 0, a Thursday). Integer arithmetic on these is
 * exact, unlike milliseconds, and needs no time zone: a `LocalDate` is already local.
 */
export type EpochDay = number;

const ZERO = 48; // '0'
const DASH = 45; // '-'

// Day of the year each month starts on (common year, index 1 = January), and the epoch day of
// 1 January of every four-digit year: table reads instead of divisions on the hot path.
const MONTH_STARTS = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;
const YEAR_STARTS = Int32Array.from({ length: 10000 }, (_, year) => daysFromCivil(year, 1, 1));

/**
 * The epoch day of `YYYY-MM-DD`, or NaN when the text is not a real calendar date. Parsed by
 * character codes, unrolled, because this sits on the hot path of every working-day calculation.
 */
export function epochDayOrNaN(date: string): EpochDay {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) {
    return NaN;
  }
  const y0 = date.charCodeAt(0) - ZERO;
  const y1 = date.charCodeAt(1) - ZERO;
  const y2 = date.charCodeAt(2) - ZERO;
  const y3 = date.charCodeAt(3) - ZERO;
  const m0 = date.charCodeAt(5) - ZERO;
  const m1 = date.charCodeAt(6) - ZERO;
  const d0 = date.charCodeAt(8) - ZERO;
  const d1 = date.charCodeAt(9) - ZERO;
  // `>>> 0` turns a negative into a huge number, so one comparison rejects both sides of 0-9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) {
    return NaN;
  }
  return (
    (YEAR_STARTS[year] as number) +
    (MONTH_STARTS[month] as number) +
    (month > 2 && isLeapYear(year) ? 1 : 0) +
    day -
    1
  );
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
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
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

function pad4(year: number): string {
  return year >= 1000 ? String(year) : String(year).padStart(4, '0');
}
