import type { LocalDate } from './calendar.types.js';
import { epochDayOrNaN, fromEpochDay, toEpochDay, weekdayOfEpochDay } from './epoch-day.js';

// An instant written as text must carry its offset: without one, JavaScript reads it in the
// server's own time zone, and the same complaint would land on different days on different hosts.
const INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

let londonFormat: Intl.DateTimeFormat | undefined;

// Built once: constructing an Intl.DateTimeFormat costs far more than using one.
function london(): Intl.DateTimeFormat {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return londonFormat;
}

/** The date in Europe/London of an instant: a `Date`, or ISO 8601 text with `Z` or an offset. */
export function localDateOf(instant: Date | string): LocalDate {
  let date: Date;
  if (typeof instant === 'string') {
    if (!INSTANT_TEXT.test(instant)) {
      throw new RangeError(
        `Not an ISO 8601 instant with Z or an offset (e.g. 2026-11-06T09:30:00Z): ${JSON.stringify(instant)}`,
      );
    }
    date = new Date(instant);
  } else if (instant instanceof Date) {
    date = instant;
  } else {
    throw new RangeError(`Not a Date or an ISO 8601 instant: ${String(instant)}`);
  }
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid instant: ${JSON.stringify(instant)}`);
  }
  // formatToParts, not format(): the order and separators of format() depend on the locale data.
  let year = '';
  let month = '';
  let day = '';
  for (const part of london().formatToParts(date)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  const local = `${year.padStart(4, '0')}-${month}-${day}`;
  if (!isLocalDate(local)) {
    throw new RangeError(`Instant outside the years 0000 to 9999: ${date.toISOString()}`);
  }
  return local;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (so not 2026-02-30). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && !Number.isNaN(epochDayOrNaN(value));
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) {
    throw new RangeError(`Days must be a whole number: ${days}`);
  }
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return weekdayOfEpochDay(toEpochDay(date));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A date as letters show it: `Fri 6 Nov 2026`. Fixed English, whatever the host's locale. */
export function formatLocalDate(date: LocalDate): string {
  const epochDay = toEpochDay(date);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return `${WEEKDAYS[weekdayOfEpochDay(epochDay)]} ${day} ${MONTHS[month - 1]} ${date.slice(0, 4)}`;
}
