import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDaysDayByDay } from '../bench/day-by-day-working-days.js';
import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.js';
import { createCalendar } from './calendar.js';
import { DIVISIONS, type Division, type LocalDate } from './calendar.types.js';
import { daysFromCivil, fromEpochDay } from './epoch-day.js';
import { bankHolidaysByRule } from './holiday-rules.js';

// Dates from 1985 to 2155, so that the edges of the index (1990 and 2150) are crossed too.
const date = fc
  .integer({ min: daysFromCivil(1985, 1, 1), max: daysFromCivil(2155, 12, 31) })
  .map(fromEpochDay);
const division = fc.constantFrom(...DIVISIONS);
const calendars = new Map(DIVISIONS.map((d) => [d, createCalendar({ division: d })]));
const calendarFor = (d: Division) => calendars.get(d) ?? createCalendar({ division: d });

/** The holiday dates the reference walks over: published years from the data, others by rule. */
function holidaySet(d: Division, closures: readonly LocalDate[] = []): Set<string> {
  const dates = new Set<string>(closures);
  const published = SHIPPED_BANK_HOLIDAYS[d]?.events ?? [];
  for (const event of published) dates.add(event.date);
  const publishedYears = new Set(published.map((event) => Number(event.date.slice(0, 4))));
  for (let year = 1980; year <= 2160; year++) {
    if (publishedYears.has(year)) continue;
    for (const event of bankHolidaysByRule(d, year)) dates.add(event.date);
  }
  return dates;
}
const holidays = new Map(DIVISIONS.map((d) => [d, holidaySet(d)]));
const holidaysFor = (d: Division) => holidays.get(d) ?? holidaySet(d);

function workingDaysBetweenDayByDay(set: ReadonlySet<string>, from: string, to: string): number {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let time = Date.parse(`${low}T00:00:00Z`) + 86_400_000; ; time += 86_400_000) {
    const day = new Date(time);
    const text = day.toISOString().slice(0, 10);
    if (text > high) break;
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !set.has(text)) count++;
  }
  return count === 0 ? 0 : sign * count;
}

describe('working-day laws', () => {
  it('n working days then m equals n + m, from a working day', () => {
    fc.assert(
      fc.property(division, date, fc.nat(300), fc.nat(300), (d, start, n, m) => {
        const calendar = calendarFor(d);
        const working = calendar.addWorkingDays(start, 1);
        expect(calendar.addWorkingDays(calendar.addWorkingDays(working, n), m)).toBe(
          calendar.addWorkingDays(working, n + m),
        );
      }),
    );
  });

  it('n >= 1 working days later is a working day after the start', () => {
    fc.assert(
      fc.property(division, date, fc.integer({ min: 1, max: 500 }), (d, start, n) => {
        const calendar = calendarFor(d);
        const result = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(result > start).toBe(true);
        const back = calendar.addWorkingDays(start, -n);
        expect(calendar.isWorkingDay(back)).toBe(true);
        expect(back < start).toBe(true);
      }),
    );
  });

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(
        division,
        date,
        date,
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
        (d, a, b, n1, n2) => {
          const calendar = calendarFor(d);
          const [early, late] = a <= b ? [a, b] : [b, a];
          const [few, many] = n1 <= n2 ? [n1, n2] : [n2, n1];
          expect(calendar.addWorkingDays(a, few) <= calendar.addWorkingDays(a, many)).toBe(true);
          if (few !== 0) {
            expect(calendar.addWorkingDays(early, few) <= calendar.addWorkingDays(late, few)).toBe(
              true,
            );
          }
        },
      ),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(division, date, fc.nat(2000), (d, start, n) => {
        const calendar = calendarFor(d);
        const end = calendar.addWorkingDays(start, n);
        expect(calendar.workingDaysBetween(start, end)).toBe(n);
        expect(calendar.workingDaysBetween(end, start)).toBe(0 - n);
      }),
    );
  });
});

describe('the indexed calendar against a day-by-day walk', () => {
  it('agrees on addWorkingDays', () => {
    fc.assert(
      fc.property(division, date, fc.integer({ min: -80, max: 80 }), (d, start, n) => {
        expect(calendarFor(d).addWorkingDays(start, n)).toBe(
          addWorkingDaysDayByDay(holidaysFor(d), start, n),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on workingDaysBetween and on which days are working days', () => {
    fc.assert(
      fc.property(division, date, fc.integer({ min: -400, max: 400 }), (d, from, span) => {
        const calendar = calendarFor(d);
        const to = fromEpochDay(Date.parse(`${from}T00:00:00Z`) / 86_400_000 + span);
        expect(calendar.workingDaysBetween(from, to)).toBe(
          workingDaysBetweenDayByDay(holidaysFor(d), from, to),
        );
        const nonWorking = calendar.nonWorkingDaysBetween(from, to).map((day) => day.date);
        const expected = workingDaysBetweenDayByDay(holidaysFor(d), from, to);
        expect(Math.max(0, span) - nonWorking.length).toBe(Math.max(0, expected));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with closures added', () => {
    const closureDays = fc.uniqueArray(date, { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        division,
        closureDays,
        date,
        fc.integer({ min: -60, max: 60 }),
        (d, closures, start, n) => {
          const calendar = createCalendar({ division: d, closures });
          expect(calendar.addWorkingDays(start, n)).toBe(
            addWorkingDaysDayByDay(holidaySet(d, closures), start, n),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
