import type { Calendar, LocalDate } from '../calendar/calendar.types.js';
import { localDateOf } from '../calendar/local-date.js';
import type { Instant } from '../complaints/complaint.types.js';
import type { Deadline, DeadlineStatus } from './deadline.types.js';

/** What a deadline's state is judged from: its date and whether (and when) it was met or stopped. */
export type DeadlineDates = Pick<Deadline, 'dueOn' | 'metAt' | 'metOn' | 'stoppedAt'>;

/**
 * A deadline's state at `now`, judged on dates in Europe/London: a step done at 23:30 UTC on a
 * summer evening was done the next day. `warningDays` is the policy's due-soon window.
 */
export function deadlineStatus(
  deadline: DeadlineDates,
  now: Instant,
  calendar: Calendar,
  warningDays: number,
): DeadlineStatus {
  return deadlineStatusOn(deadline, localDateOf(now), calendar, warningDays);
}

/**
 * The same on a given day in London: for a page of deadlines judged at one moment, which names
 * today once rather than once a deadline.
 */
export function deadlineStatusOn(
  deadline: DeadlineDates,
  today: LocalDate,
  calendar: Calendar,
  warningDays: number,
): DeadlineStatus {
  if (deadline.metAt !== null) {
    const metOn = deadline.metOn ?? localDateOf(deadline.metAt);
    return { state: metOn <= deadline.dueOn ? 'met' : 'missed', workingDaysLeft: null };
  }

  // Stopped late when the case ended: missed, and nothing more is due.
  if (deadline.stoppedAt !== null) return { state: 'missed', workingDaysLeft: null };

  // YYYY-MM-DD compares as text in date order.
  if (today === deadline.dueOn) return { state: 'due-today', workingDaysLeft: 0 };
  const left = calendar.workingDaysBetween(today, deadline.dueOn);
  if (today > deadline.dueOn) {
    // The weekend after a Friday deadline has no working day since, but the day has still gone:
    // count it as the first day late, as a response sent then would be.
    return { state: 'overdue', workingDaysLeft: Math.min(left, -1) };
  }
  return { state: left <= warningDays ? 'due-soon' : 'pending', workingDaysLeft: left };
}
