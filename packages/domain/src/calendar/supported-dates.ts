import type { LocalDate } from './calendar.types.js';
import { epochDayOrNaN } from './epoch-day.js';

/**
 * The dates Redress takes in, first and last included. Before 1990 no landlord holds complaint
 * records still open to the Housing Ombudsman (its scheme began in 1996), and the working-day
 * index starts there; 2199 leaves the longest count a caller may ask for (about thirty years of
 * working days) well inside the years the bank-holiday rules and the date arithmetic handle.
 * Outside it a date is a typing slip or a probe, not a complaint.
 */
export const SUPPORTED_DATES: { readonly first: LocalDate; readonly last: LocalDate } = {
  first: '1990-01-01',
  last: '2199-12-31',
};

// Both ends fall in winter, when London keeps UTC: the instants bounding the London dates.
const FIRST_MS = Date.UTC(1990, 0, 1);
const AFTER_LAST_MS = Date.UTC(2200, 0, 1);
const FIRST_DAY = epochDayOrNaN(SUPPORTED_DATES.first);
const LAST_DAY = epochDayOrNaN(SUPPORTED_DATES.last);

/** Whether `date` is a real `YYYY-MM-DD` date within SUPPORTED_DATES. */
export function isSupportedDate(date: unknown): date is LocalDate {
  if (typeof date !== 'string') return false;
  const day = epochDayOrNaN(date);
  return day >= FIRST_DAY && day <= LAST_DAY;
}

/** Whether an instant (a `Date` or ISO 8601 text) falls on a London date within SUPPORTED_DATES. */
export function isSupportedInstant(instant: Date | string): boolean {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return ms >= FIRST_MS && ms < AFTER_LAST_MS;
}

/** What to tell a person whose date is outside SUPPORTED_DATES. */
export function unsupportedDateMessage(what: string, value: string): string {
  return (
    `${what} ${JSON.stringify(value)} is outside the dates Redress supports, ` +
    `${SUPPORTED_DATES.first} to ${SUPPORTED_DATES.last}: check the year.`
  );
}
