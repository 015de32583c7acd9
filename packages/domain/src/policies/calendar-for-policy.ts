import { createCalendar } from '../calendar/calendar.js';
import type { BankHolidaysData, Calendar } from '../calendar/calendar.types.js';
import type { Policy } from './policy.types.js';

// Building a calendar precomputes a working-day index, so calendars are kept per policy version
// and holiday data. A WeakMap on the data lets a newer bank-holidays.json replace the old.
const shipped = new Map<string, Calendar>();
const supplied = new WeakMap<BankHolidaysData, Map<string, Calendar>>();

/** The working-day calendar a policy counts in: its division, plus its closure days. */
export function calendarForPolicy(policy: Policy, holidays?: BankHolidaysData): Calendar {
  const cache = holidays ? cacheFor(holidays) : shipped;
  const key = `${policy.id}@${policy.version}:${policy.division}:${policy.closures.map((c) => c.date).join(',')}`;
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = createCalendar({ division: policy.division, closures: policy.closures, holidays });
    cache.set(key, calendar);
  }
  return calendar;
}

function cacheFor(holidays: BankHolidaysData): Map<string, Calendar> {
  let cache = supplied.get(holidays);
  if (!cache) {
    cache = new Map();
    supplied.set(holidays, cache);
  }
  return cache;
}
