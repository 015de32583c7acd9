import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.js';
import { DIVISIONS } from './calendar.types.js';
import type {
  BankHolidayEvent,
  BankHolidaysData,
  Calendar,
  CalendarOptions,
  Division,
  LocalDate,
  NonWorkingDay,
} from './calendar.types.js';
import {
  civilFromDays,
  daysFromCivil,
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type EpochDay,
} from './epoch-day.js';
import { bankHolidaysByRule } from './holiday-rules.js';

// The span the working-day index covers: wide enough for any complaint deadline and its history,
// small enough (about 59,000 days, under 0.5 MB) to build in a few milliseconds. Outside it the
// calendar still answers correctly, by walking day by day.
const FIRST_YEAR = 1990;
const LAST_YEAR = 2150;
const FIRST_DAY = daysFromCivil(FIRST_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(LAST_YEAR, 12, 31);
const SPAN = LAST_DAY - FIRST_DAY + 1;

// The text of each indexed day, shared by every calendar and filled on first use: building a
// date string costs more than the whole index lookup, and the same dates come back again and again.
const DATE_TEXT: string[] = new Array<string>(SPAN).fill('');

function textOf(day: EpochDay): LocalDate {
  const i = day - FIRST_DAY;
  if (i < 0 || i >= SPAN) return fromEpochDay(day);
  let text = DATE_TEXT[i] as string;
  if (text === '') DATE_TEXT[i] = text = fromEpochDay(day);
  return text;
}

const WORKING = 0;
const WEEKEND = 1;
const BANK_HOLIDAY = 2;
const CLOSURE = 3;

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

interface Holiday {
  readonly title: string;
  readonly source: 'data' | 'rules';
}

/**
 * A working-day calendar for one division and one landlord's closures. Bank holidays for a year
 * come from the supplied `holidays` when it has that year, else from the shipped copy of GOV.UK's
 * data, else from the rules.
 *
 * Creation precomputes, over 1990 to 2150, the count of working days up to each day and the list
 * of working days in order, so adding or counting working days is two array reads, whatever `n`.
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const division = options.division ?? 'england-and-wales';
  if (!DIVISIONS.includes(division)) {
    throw new RangeError(
      `Unknown division ${JSON.stringify(division)}; expected one of ${DIVISIONS.join(', ')}`,
    );
  }

  const closures = new Map<EpochDay, string>();
  for (const closure of options.closures ?? []) {
    const date = typeof closure === 'string' ? closure : closure.date;
    const title = typeof closure === 'string' ? 'Closure' : closure.title || 'Closure';
    closures.set(toEpochDay(date), title);
  }

  const supplied = eventsByYear(options.holidays, division);
  const shipped = eventsByYear(SHIPPED_BANK_HOLIDAYS, division);
  const holidays = new Map<EpochDay, Holiday>();
  const yearsLoaded = new Set<number>();

  // Years outside the index are loaded on first use, so a far date costs one rules run.
  function loadYear(year: number): void {
    if (yearsLoaded.has(year)) return;
    yearsLoaded.add(year);
    const data = supplied.get(year) ?? shipped.get(year);
    const events = data ?? bankHolidaysByRule(division, year);
    const source = data ? 'data' : 'rules';
    for (const event of events) {
      const day = toEpochDay(event.date);
      if (!holidays.has(day)) holidays.set(day, { title: event.title, source });
    }
  }

  function kindOf(day: EpochDay): number {
    const weekday = weekdayOfEpochDay(day);
    if (weekday === 0 || weekday === 6) return WEEKEND;
    loadYear(civilFromDays(day).year);
    if (holidays.has(day)) return BANK_HOLIDAY;
    if (closures.has(day)) return CLOSURE;
    return WORKING;
  }

  // The index. kinds[i] says what day FIRST_DAY + i is; upTo[i] counts the working days from
  // FIRST_DAY to FIRST_DAY + i inclusive; workingDays[k] is the (k + 1)th working day.
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) loadYear(year);
  const kinds = new Uint8Array(SPAN);
  for (let i = 0, weekday = weekdayOfEpochDay(FIRST_DAY); i < SPAN; i++) {
    if (weekday === 0 || weekday === 6) kinds[i] = WEEKEND;
    weekday = weekday === 6 ? 0 : weekday + 1;
  }
  // The same precedence as kindOf: a weekend first, then a bank holiday, then a closure.
  for (const day of closures.keys()) {
    const i = day - FIRST_DAY;
    if (i >= 0 && i < SPAN && kinds[i] === WORKING) kinds[i] = CLOSURE;
  }
  for (const day of holidays.keys()) {
    const i = day - FIRST_DAY;
    if (i >= 0 && i < SPAN && kinds[i] !== WEEKEND) kinds[i] = BANK_HOLIDAY;
  }
  const upTo = new Int32Array(SPAN);
  let count = 0;
  for (let i = 0; i < SPAN; i++) {
    if (kinds[i] === WORKING) count++;
    upTo[i] = count;
  }
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < SPAN; i++) {
    if (kinds[i] === WORKING) workingDays[k++] = FIRST_DAY + i;
  }

  function isWorking(day: EpochDay): boolean {
    const i = day - FIRST_DAY;
    return i >= 0 && i < SPAN ? kinds[i] === WORKING : kindOf(day) === WORKING;
  }

  // Working days from FIRST_DAY to `day` inclusive, extended past both ends of the index so that
  // differences stay right: before the index it is minus the working days in (day, FIRST_DAY).
  function workingDaysUpTo(day: EpochDay): number {
    const i = day - FIRST_DAY;
    if (i >= 0 && i < SPAN) return upTo[i] as number;
    let total = 0;
    if (i < 0) {
      for (let d = day + 1; d < FIRST_DAY; d++) if (kindOf(d) === WORKING) total--;
      return total;
    }
    total = count;
    for (let d = LAST_DAY + 1; d <= day; d++) if (kindOf(d) === WORKING) total++;
    return total;
  }

  function addWorkingDays(date: LocalDate, n: number): LocalDate {
    const start = toEpochDay(date);
    if (!Number.isSafeInteger(n)) {
      throw new RangeError(`Working days must be a whole number: ${n}`);
    }
    if (n === 0) return date;
    const i = start - FIRST_DAY;
    if (i >= 0 && i < SPAN) {
      // upTo[i] working days lie on or before the start, so the next one is workingDays[upTo[i]].
      const before = (upTo[i] as number) - (kinds[i] === WORKING ? 1 : 0);
      const k = n > 0 ? (upTo[i] as number) + n - 1 : before + n;
      if (k >= 0 && k < count) return textOf(workingDays[k] as number);
    }
    return textOf(walk(start, n));
  }

  // The answer when it lies outside the index: slow, but only for dates no deadline reaches.
  function walk(start: EpochDay, n: number): EpochDay {
    const step = n > 0 ? 1 : -1;
    let day = start;
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      if (isWorking(day)) left--;
    }
    return day;
  }

  function reasonOf(day: EpochDay): NonWorkingDay | undefined {
    const kind = kindOf(day);
    const date = fromEpochDay(day);
    switch (kind) {
      case WEEKEND:
        return { date, kind: 'weekend', title: WEEKDAY_NAMES[weekdayOfEpochDay(day)] as string };
      case BANK_HOLIDAY: {
        const holiday = holidays.get(day) as Holiday;
        return { date, kind: 'bank-holiday', title: holiday.title, source: holiday.source };
      }
      case CLOSURE:
        return { date, kind: 'closure', title: closures.get(day) as string };
      default:
        return undefined;
    }
  }

  return {
    division,
    isWorkingDay: (date) => isWorking(toEpochDay(date)),
    addWorkingDays,
    workingDaysBetween: (from, to) =>
      workingDaysUpTo(toEpochDay(to)) - workingDaysUpTo(toEpochDay(from)),
    nonWorkingReason: (date) => reasonOf(toEpochDay(date)),
    nonWorkingDaysBetween(from, to) {
      const last = toEpochDay(to);
      const days: NonWorkingDay[] = [];
      for (let day = toEpochDay(from) + 1; day <= last; day++) {
        const reason = reasonOf(day);
        if (reason) days.push(reason);
      }
      return days;
    },
  };
}

/** A division's events grouped by year: a year present in a file is that file's to decide. */
function eventsByYear(
  data: BankHolidaysData | undefined,
  division: Division,
): Map<number, BankHolidayEvent[]> {
  const byYear = new Map<number, BankHolidayEvent[]>();
  for (const event of data?.[division]?.events ?? []) {
    const year = civilFromDays(toEpochDay(event.date)).year;
    let events = byYear.get(year);
    if (!events) byYear.set(year, (events = []));
    events.push(event);
  }
  return byYear;
}
