// The TSM reporting year: 1 April of year Y to 31 March of Y + 1, named by Y (the Regulator's
// "2026/27" is year 2026). Every measure is placed in a year by a London local date, the same
// date the deadlines count from, so a complaint received at 23:30 UTC on 31 March during
// British Summer Time (00:30 on 1 April in London) belongs to the new year.
import type { LocalDate } from '../calendar/calendar.types.js';
import { isLocalDate, localDateOf } from '../calendar/local-date.js';
import type { Instant } from '../complaints/complaint.types.js';

/** The reporting year holding a London local date: 2026-04-01 to 2027-03-31 is 2026. */
export function reportingYearOf(date: LocalDate): number {
  if (!isLocalDate(date)) {
    throw new RangeError(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** The reporting year of an instant, by its Europe/London date. */
export function reportingYearOfInstant(at: Instant): number {
  return reportingYearOf(localDateOf(at));
}

/** The first and last London dates of a reporting year, both inclusive. */
export function reportingYearRange(year: number): { from: LocalDate; to: LocalDate } {
  if (!Number.isSafeInteger(year) || year < 0 || year > 9998) {
    throw new RangeError(`Not a reporting year: ${year}`);
  }
  const start = String(year).padStart(4, '0');
  const end = String(year + 1).padStart(4, '0');
  return { from: `${start}-04-01`, to: `${end}-03-31` };
}
