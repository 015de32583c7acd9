import type { Calendar } from '../calendar/calendar.types.js';
import { localDateOf } from '../calendar/local-date.js';
import type { Instant } from '../complaints/complaint.types.js';
import type { Deadline, DeadlineStatus } from './deadline.types.js';

/**
 * A deadline's state at `now`, judged on dates in Europe/London: a step done at 23:30 UTC on a
 * summer evening was done the next day. `warningDays` is the policy's due-soon window.
 */
export function deadlineStatus(
  deadline: Deadline,
  now: Instant,
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
  const today = localDateOf(now);
  if (today === deadline.dueOn) return { state: 'due-today', workingDaysLeft: 0 };
  const left = calendar.workingDaysBetween(today, deadline.dueOn);
  if (today > deadline.dueOn) {
    // The weekend after a Friday deadline has no working day since, but the day has still gone:
    // count it as the first day late, as a response sent then would be.
    return { state: 'overdue', workingDaysLeft: Math.min(left, -1) };
  }
  return { state: left <= warningDays ? 'due-soon' : 'pending', workingDaysLeft: left };
}
