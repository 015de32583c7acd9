import { describe, expect, it } from 'vitest';
import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.js';
import { createCalendar } from './calendar.js';
import type { BankHolidaysData } from './calendar.types.js';
import { bankHolidaysByRule } from './holiday-rules.js';

const englandAndWales = createCalendar();

describe('the counting convention (domain section 3)', () => {
  it.each([
    // Received Friday 6 Nov 2026: five working days later is Friday 13 Nov.
    ['2026-11-06', 5, '2026-11-13'],
    // Received at a weekend: the same answer as the Friday before.
    ['2026-11-07', 5, '2026-11-13'],
    ['2026-11-08', 5, '2026-11-13'],
    ['2026-11-06', 1, '2026-11-09'],
    ['2026-11-07', 1, '2026-11-09'],
    ['2026-11-06', 10, '2026-11-20'],
    ['2026-11-06', 20, '2026-12-04'],
    // n = 0 is the day itself, even a Saturday.
    ['2026-11-07', 0, '2026-11-07'],
    ['2026-11-06', 0, '2026-11-06'],
    // Negative n counts back.
    ['2026-11-13', -5, '2026-11-06'],
    ['2026-11-09', -1, '2026-11-06'],
    ['2026-11-08', -1, '2026-11-06'],
  ])('%s + %i working days → %s', (date, n, expected) => {
    expect(englandAndWales.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    // Christmas 2026: Fri 25 Christmas Day, Sat 26 and Sun 27, Mon 28 substitute for Boxing Day.
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-23', 2, '2026-12-29'],
    ['2026-12-24', 5, '2027-01-05'],
    ['2026-12-25', 1, '2026-12-29'],
    ['2026-12-29', -1, '2026-12-24'],
    // Stage 1 response, 10 working days from an acknowledgement on Fri 18 Dec 2026.
    ['2026-12-18', 10, '2027-01-06'],
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    ['2026-04-02', 1, '2026-04-07'],
    // The 2022 one-offs: Jubilee Thu 2 and Fri 3 June, State Funeral Mon 19 September.
    ['2022-06-01', 1, '2022-06-06'],
    ['2022-09-16', 1, '2022-09-20'],
    // 2023 Coronation, Mon 8 May, a week after the Early May bank holiday.
    ['2023-04-28', 5, '2023-05-09'],
  ])('England and Wales: %s + %i → %s', (date, n, expected) => {
    expect(englandAndWales.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['england-and-wales', '2026-12-24', 1, '2026-12-29'],
    ['scotland', '2026-12-31', 1, '2027-01-05'],
    ['england-and-wales', '2026-12-31', 1, '2027-01-04'],
    ['scotland', '2026-04-02', 1, '2026-04-06'],
    ['northern-ireland', '2026-07-10', 1, '2026-07-14'],
    ['scotland', '2025-11-28', 1, '2025-12-02'],
  ] as const)('%s: %s + %i → %s', (division, date, n, expected) => {
    expect(createCalendar({ division }).addWorkingDays(date, n)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-06', '2026-11-13', 5],
    ['2026-11-07', '2026-11-13', 5],
    ['2026-11-06', '2026-11-06', 0],
    ['2026-11-06', '2026-11-08', 0],
    ['2026-11-13', '2026-11-06', -5],
    ['2026-12-24', '2026-12-29', 1],
    ['2026-01-01', '2026-12-31', 253],
    ['2026-12-31', '2026-01-01', -253],
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(englandAndWales.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('reasons for non-working days', () => {
  it('lists every non-working day of Christmas 2026, with its reason', () => {
    expect(englandAndWales.nonWorkingDaysBetween('2026-12-24', '2027-01-04')).toEqual([
      { date: '2026-12-25', kind: 'bank-holiday', title: 'Christmas Day', source: 'data' },
      { date: '2026-12-26', kind: 'weekend', title: 'Saturday' },
      { date: '2026-12-27', kind: 'weekend', title: 'Sunday' },
      { date: '2026-12-28', kind: 'bank-holiday', title: 'Boxing Day', source: 'data' },
      { date: '2027-01-01', kind: 'bank-holiday', title: 'New Year’s Day', source: 'data' },
      { date: '2027-01-02', kind: 'weekend', title: 'Saturday' },
      { date: '2027-01-03', kind: 'weekend', title: 'Sunday' },
    ]);
  });

  it('gives nothing for a working day or an empty range', () => {
    expect(englandAndWales.nonWorkingReason('2026-11-06')).toBeUndefined();
    expect(englandAndWales.nonWorkingDaysBetween('2026-12-27', '2026-12-25')).toEqual([]);
  });

  it('says a bank holiday of a year beyond the data comes from the rules', () => {
    expect(englandAndWales.nonWorkingReason('2028-04-17')).toEqual({
      date: '2028-04-17',
      kind: 'bank-holiday',
      title: 'Easter Monday',
      source: 'rules',
    });
  });
});

describe('supplied bank holiday data', () => {
  // A newer GOV.UK file: 2027 as shipped plus a fictional extra day, and 2028 published.
  const newer: BankHolidaysData = {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        ...(SHIPPED_BANK_HOLIDAYS['england-and-wales']?.events ?? []).filter((event) =>
          event.date.startsWith('2027-'),
        ),
        { title: 'Extra bank holiday for a royal event', date: '2027-06-04', notes: '' },
        ...bankHolidaysByRule('england-and-wales', 2028),
      ],
    },
  };
  const calendar = createCalendar({ holidays: newer });

  it('adds the newer file’s extra day', () => {
    expect(englandAndWales.isWorkingDay('2027-06-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-06-04')).toBe(false);
    expect(calendar.nonWorkingReason('2027-06-04')).toMatchObject({
      title: 'Extra bank holiday for a royal event',
      source: 'data',
    });
    expect(calendar.addWorkingDays('2027-06-03', 1)).toBe('2027-06-07');
    expect(englandAndWales.addWorkingDays('2027-06-03', 1)).toBe('2027-06-04');
  });

  it('keeps the rest of that year, and marks a year it publishes as data', () => {
    expect(calendar.isWorkingDay('2027-12-27')).toBe(false);
    expect(calendar.nonWorkingReason('2028-04-17')?.source).toBe('data');
  });

  it('replaces a year whole: a year present in the file is the file’s to decide', () => {
    const moved = createCalendar({
      holidays: {
        'england-and-wales': {
          division: 'england-and-wales',
          events: [{ title: 'Only this', date: '2026-06-01' }],
        },
      },
    });
    expect(moved.isWorkingDay('2026-06-01')).toBe(false);
    expect(moved.isWorkingDay('2026-12-25')).toBe(true);
    // Other years still come from the shipped copy.
    expect(moved.isWorkingDay('2025-12-25')).toBe(false);
  });

  it('leaves other divisions on the shipped data', () => {
    const scotland = createCalendar({ division: 'scotland', holidays: newer });
    expect(scotland.isWorkingDay('2027-06-04')).toBe(true);
    expect(scotland.isWorkingDay('2027-11-30')).toBe(false);
  });
});

describe('closures', () => {
  const calendar = createCalendar({
    closures: [
      { date: '2026-12-29', title: 'Christmas closure' },
      { date: '2026-12-30', title: 'Christmas closure' },
      '2026-12-31',
    ],
  });

  it('are not working days, with their titles', () => {
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2027-01-04');
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(1);
    expect(calendar.nonWorkingReason('2026-12-29')).toEqual({
      date: '2026-12-29',
      kind: 'closure',
      title: 'Christmas closure',
    });
    expect(calendar.nonWorkingReason('2026-12-31')).toEqual({
      date: '2026-12-31',
      kind: 'closure',
      title: 'Closure',
    });
  });

  it('leave the days they do not name alone', () => {
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(englandAndWales.isWorkingDay('2026-12-29')).toBe(true);
  });

  it('on a bank holiday or a weekend give the stronger reason', () => {
    const overlapping = createCalendar({ closures: ['2026-12-25', '2026-12-26'] });
    expect(overlapping.nonWorkingReason('2026-12-25')?.kind).toBe('bank-holiday');
    expect(overlapping.nonWorkingReason('2026-12-26')?.kind).toBe('weekend');
  });

  it('work outside the indexed years too', () => {
    const far = createCalendar({ closures: ['2200-06-02'] });
    expect(far.isWorkingDay('2200-06-02')).toBe(false);
    expect(far.addWorkingDays('2200-06-01', 1)).toBe('2200-06-03');
  });
});

describe('dates outside the indexed years (1990 to 2150)', () => {
  it.each([
    ['1985-12-24', 1, '1985-12-27'],
    ['1989-12-29', 1, '1990-01-02'],
    ['1990-01-02', -1, '1989-12-29'],
    // New Year's Day 2151 is a Friday.
    ['2150-12-31', 1, '2151-01-04'],
    ['2151-01-04', -1, '2150-12-31'],
    ['2200-12-24', 1, '2200-12-29'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(englandAndWales.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['1985-12-24', '1985-12-27', 1],
    ['1989-12-29', '1990-01-02', 1],
    ['2150-12-30', '2151-01-04', 2],
    ['2151-01-04', '2150-12-30', -2],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(englandAndWales.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('refusals', () => {
  it.each(['2026-02-30', '6 Nov 2026', '2026-11-6', ''])(
    'a bad date %j is a RangeError naming it',
    (bad) => {
      expect(() => englandAndWales.addWorkingDays(bad, 1)).toThrow(RangeError);
      expect(() => englandAndWales.addWorkingDays(bad, 1)).toThrow(JSON.stringify(bad));
      expect(() => englandAndWales.isWorkingDay(bad)).toThrow(RangeError);
      expect(() => englandAndWales.workingDaysBetween('2026-01-01', bad)).toThrow(RangeError);
      expect(() => englandAndWales.nonWorkingReason(bad)).toThrow(RangeError);
      expect(() => englandAndWales.addWorkingDays(bad, 0)).toThrow(RangeError);
    },
  );

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('n = %d is a RangeError', (n) => {
    expect(() => englandAndWales.addWorkingDays('2026-11-06', n)).toThrow(RangeError);
  });

  it('an unknown division or closure date is a RangeError', () => {
    expect(() => createCalendar({ division: 'wales' as 'scotland' })).toThrow(RangeError);
    expect(() => createCalendar({ closures: ['2026-12-32'] })).toThrow('"2026-12-32"');
  });
});
