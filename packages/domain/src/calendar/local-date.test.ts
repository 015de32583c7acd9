import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  dayOfWeek,
  formatLocalDate,
  isLocalDate,
  localDateOf,
} from './local-date.js';

describe('localDateOf', () => {
  it.each([
    // The clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on
    // Sunday 25 October 2026: the date must not wobble either side of the change.
    ['2026-03-29T00:59:00Z', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29'],
    ['2026-03-28T23:30:00Z', '2026-03-28'],
    ['2026-03-29T23:30:00Z', '2026-03-30'],
    ['2026-10-25T00:59:00Z', '2026-10-25'],
    ['2026-10-25T01:00:00Z', '2026-10-25'],
    ['2026-10-24T23:30:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'],
    // Summer: 23:30 UTC on Friday 5 June is 00:30 BST on Saturday 6 June.
    ['2026-06-05T23:30:00Z', '2026-06-06'],
    ['2026-06-05T22:59:59Z', '2026-06-05'],
    ['2026-06-05T23:00:00Z', '2026-06-06'],
    // Winter: London is on UTC, so 23:30 UTC on New Year's Eve is still 31 December.
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2027-01-01T00:00:00Z', '2027-01-01'],
    // Offsets are honoured, whatever the host's own time zone.
    ['2026-06-06T00:30:00+01:00', '2026-06-06'],
    ['2026-06-05T19:30:00-04:00', '2026-06-06'],
    ['2026-11-06T09:15:30.123Z', '2026-11-06'],
  ])('%s is %s in London', (instant, expected) => {
    expect(localDateOf(instant)).toBe(expected);
    expect(localDateOf(new Date(instant))).toBe(expected);
  });

  it.each([
    ['not a date'],
    ['2026-13-01T00:00:00Z'],
    // No offset: JavaScript would read it in the host's time zone, so it is refused.
    ['2026-06-05T23:30:00'],
    ['2026-06-05'],
    [''],
  ])('refuses %j with a RangeError naming it', (bad) => {
    expect(() => localDateOf(bad)).toThrow(RangeError);
    expect(() => localDateOf(bad)).toThrow(JSON.stringify(bad));
  });

  it('refuses an invalid Date', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isLocalDate', () => {
  it.each([
    ['2026-11-06', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-13-01', false],
    ['2026-1-06', false],
    ['2026-11-6', false],
    ['2026/11/06', false],
    ['2026-11-06T00:00:00Z', false],
    [' 2026-11-06', false],
    ['', false],
    [20261106, false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-11-06', 7, '2026-11-13'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-06', 0, '2026-11-06'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i → %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('refuses a bad date or a fraction of a day', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow('"2026-02-30"');
    expect(() => addCalendarDays('2026-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek and formatLocalDate', () => {
  it.each([
    ['2026-11-06', 5, 'Fri 6 Nov 2026'],
    ['2026-11-07', 6, 'Sat 7 Nov 2026'],
    ['2026-11-08', 0, 'Sun 8 Nov 2026'],
    ['2026-12-28', 1, 'Mon 28 Dec 2026'],
    ['1970-01-01', 4, 'Thu 1 Jan 1970'],
    ['1969-12-31', 3, 'Wed 31 Dec 1969'],
    ['2000-02-29', 2, 'Tue 29 Feb 2000'],
  ])('%s is day %i, %s', (date, weekday, text) => {
    expect(dayOfWeek(date)).toBe(weekday);
    expect(formatLocalDate(date)).toBe(text);
  });

  it('agrees with Date on the weekday for every day from 1900 to 2200', () => {
    for (let time = Date.UTC(1900, 0, 1); time <= Date.UTC(2200, 11, 31); time += 86_400_000) {
      const date = new Date(time).toISOString().slice(0, 10);
      if (dayOfWeek(date) !== new Date(time).getUTCDay()) {
        expect.fail(`${date}: ${dayOfWeek(date)}`);
      }
    }
  });

  it('refuses a bad date', () => {
    expect(() => formatLocalDate('2026-11-31')).toThrow(RangeError);
    expect(() => dayOfWeek('06/11/2026')).toThrow('"06/11/2026"');
  });
});
