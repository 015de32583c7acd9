// When a case's personal data may be anonymised: on a resident's request once the case has
// ended, or when the landlord's retention period has passed since the last of the resident's
// cases ended. Anonymising a resident's cases together keeps them one resident among repeat
// complainants, so the retention period runs from their latest case, not case by case.
import type { LocalDate } from '../calendar/calendar.types.js';
import { localDateOf } from '../calendar/local-date.js';
import { daysFromCivil, daysInMonth, fromEpochDay, toEpochDay } from '../calendar/epoch-day.js';
import type { ComplaintState } from '../complaints/complaint-state.js';
import type { Instant } from '../complaints/complaint.types.js';
import { isOpen } from '../complaints/decision.js';

/**
 * Six years from the end of a case: the period housing landlords commonly keep complaint
 * records for (the limitation period for a claim in contract); the landlord sets its own.
 */
export const DEFAULT_RETENTION_YEARS = 6;

/** Why a case cannot be anonymised now, for the person asking; null when it can. */
export function anonymisationRefusal(state: ComplaintState): string | null {
  if (isOpen(state)) {
    return (
      `Complaint ${state.reference} is still open: a case is anonymised once it has ended ` +
      '(closed, withdrawn, refused or merged). End it first, or wait until it has ended.'
    );
  }
  return null;
}

/** The same day `years` years before (29 February falls back to the 28th). */
export function yearsBefore(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  return fromEpochDay(daysFromCivil(year, m, Math.min(d, daysInMonth(year, m))));
}

/** The instant a day begins in Europe/London (00:00 GMT, or 23:00 UTC the day before in BST). */
export function startOfLondonDay(date: LocalDate): Instant {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const summer = midnightUtc - 3_600_000;
  return new Date(localDateOf(new Date(summer)) === date ? summer : midnightUtc).toISOString();
}

/**
 * On `today`, a resident whose latest case ended before the instant returned is past the
 * retention period: their last case ended on or before the day `years` years ago.
 */
export function retentionCutoff(today: LocalDate, years: number): Instant {
  if (!Number.isInteger(years) || years < 1) {
    throw new RangeError(`A retention period is a whole number of years, at least 1: ${years}.`);
  }
  return startOfLondonDay(fromEpochDay(toEpochDay(yearsBefore(today, years)) + 1));
}
