import { describe, expect, it } from 'vitest';
import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.js';
import { DIVISIONS, type BankHolidayEvent, type Division } from './calendar.types.js';
import { easterSunday } from './easter-sunday.js';
import { fromEpochDay } from './epoch-day.js';
import { bankHolidaysByRule } from './holiday-rules.js';

const describeEvent = (event: BankHolidayEvent): string =>
  `${event.date} ${event.title}${event.notes ? ` (${event.notes})` : ''}`;

function shippedYear(division: Division, year: number): string[] {
  return (SHIPPED_BANK_HOLIDAYS[division]?.events ?? [])
    .filter((event) => event.date.startsWith(`${year}-`))
    .map(describeEvent);
}

// What the announcements changed, identical in all three divisions: the rules give the left
// column, GOV.UK published the right.
const ONE_OFFS: Record<number, { rulesOnly: string[]; dataOnly: string[] }> = {
  2020: {
    rulesOnly: ['2020-05-04 Early May bank holiday'],
    dataOnly: ['2020-05-08 Early May bank holiday (VE day)'],
  },
  2022: {
    rulesOnly: ['2022-05-30 Spring bank holiday'],
    dataOnly: [
      '2022-06-02 Spring bank holiday',
      '2022-06-03 Platinum Jubilee bank holiday',
      '2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II',
    ],
  },
  2023: {
    rulesOnly: [],
    dataOnly: ['2023-05-08 Bank holiday for the coronation of King Charles III'],
  },
};

const YEARS = Array.from({ length: 10 }, (_, i) => 2018 + i);
const cases = DIVISIONS.flatMap((division) => YEARS.map((year) => ({ division, year })));

describe('bankHolidaysByRule against the published data', () => {
  it.each(cases)(
    '$division $year: the rules give the published days, titles and notes, bar the one-offs',
    ({ division, year }) => {
      const rules = bankHolidaysByRule(division, year).map(describeEvent);
      const data = shippedYear(division, year);
      expect({
        rulesOnly: rules.filter((event) => !data.includes(event)),
        dataOnly: data.filter((event) => !rules.includes(event)),
      }).toEqual(ONE_OFFS[year] ?? { rulesOnly: [], dataOnly: [] });
    },
  );
});

describe('easterSunday', () => {
  it.each([
    [2018, '2018-04-01'],
    [2024, '2024-03-31'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    // The extremes: as early as 22 March, as late as 25 April.
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
    [1943, '1943-04-25'],
  ])('%i: %s', (year, expected) => {
    expect(fromEpochDay(easterSunday(year))).toBe(expected);
  });
});

describe('bankHolidaysByRule for later years', () => {
  it('gives England and Wales 2032 in full, Christmas on a Saturday included', () => {
    expect(bankHolidaysByRule('england-and-wales', 2032).map(describeEvent)).toEqual([
      '2032-01-01 New Year’s Day',
      '2032-03-26 Good Friday',
      '2032-03-29 Easter Monday',
      '2032-05-03 Early May bank holiday',
      '2032-05-31 Spring bank holiday',
      '2032-08-30 Summer bank holiday',
      '2032-12-27 Christmas Day (Substitute day)',
      '2032-12-28 Boxing Day (Substitute day)',
    ]);
  });

  it('gives Scotland 2028 in full: New Year on a Saturday, first Monday in August', () => {
    expect(bankHolidaysByRule('scotland', 2028).map(describeEvent)).toEqual([
      '2028-01-03 New Year’s Day (Substitute day)',
      '2028-01-04 2nd January (Substitute day)',
      '2028-04-14 Good Friday',
      '2028-05-01 Early May bank holiday',
      '2028-05-29 Spring bank holiday',
      '2028-08-07 Summer bank holiday',
      '2028-11-30 St Andrew’s Day',
      '2028-12-25 Christmas Day',
      '2028-12-26 Boxing Day',
    ]);
  });

  it.each([
    // Good Friday and Easter Monday from the computus, 2028 to 2032.
    ['england-and-wales', 2028, 'Good Friday', '2028-04-14'],
    ['england-and-wales', 2028, 'Easter Monday', '2028-04-17'],
    ['england-and-wales', 2029, 'Good Friday', '2029-03-30'],
    ['england-and-wales', 2029, 'Easter Monday', '2029-04-02'],
    ['england-and-wales', 2030, 'Good Friday', '2030-04-19'],
    ['england-and-wales', 2030, 'Easter Monday', '2030-04-22'],
    ['england-and-wales', 2031, 'Good Friday', '2031-04-11'],
    ['england-and-wales', 2031, 'Easter Monday', '2031-04-14'],
    ['england-and-wales', 2032, 'Good Friday', '2032-03-26'],
    ['england-and-wales', 2032, 'Easter Monday', '2032-03-29'],
    // Christmas on a Sunday: Boxing Day keeps Monday, Christmas takes Tuesday.
    ['england-and-wales', 2033, 'Boxing Day', '2033-12-26'],
    ['england-and-wales', 2033, 'Christmas Day', '2033-12-27'],
    // New Year on a Sunday in Scotland: 2 January keeps Monday, New Year's Day takes Tuesday.
    ['scotland', 2034, '2nd January', '2034-01-02'],
    ['scotland', 2034, 'New Year’s Day', '2034-01-03'],
    ['england-and-wales', 2034, 'New Year’s Day', '2034-01-02'],
    // St Andrew's Day on a Saturday, then on a Sunday.
    ['scotland', 2030, 'St Andrew’s Day', '2030-12-02'],
    ['scotland', 2031, 'St Andrew’s Day', '2031-12-01'],
    // The Twelfth on a Saturday, then on a Sunday; St Patrick's Day on a Saturday.
    ['northern-ireland', 2031, 'Battle of the Boyne (Orangemen’s Day)', '2031-07-14'],
    ['northern-ireland', 2037, 'Battle of the Boyne (Orangemen’s Day)', '2037-07-13'],
    ['northern-ireland', 2029, 'St Patrick’s Day', '2029-03-19'],
    ['northern-ireland', 2035, 'St Patrick’s Day', '2035-03-19'],
  ] as const)('%s %i: %s is %s', (division, year, title, date) => {
    const events = bankHolidaysByRule(division, year).filter((event) => event.title === title);
    expect(events.map((event) => event.date)).toEqual([date]);
  });

  it.each(DIVISIONS)(
    'never puts a %s bank holiday on a weekend or twice on one day',
    (division) => {
      for (let year = 1990; year <= 2150; year++) {
        const dates = bankHolidaysByRule(division, year).map((event) => event.date);
        expect(new Set(dates).size).toBe(dates.length);
        for (const date of dates) {
          const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
          expect(weekday === 0 || weekday === 6, `${date} is a weekend`).toBe(false);
          expect(date.startsWith(`${year}-`)).toBe(true);
        }
      }
    },
  );

  it('refuses a year that is not a whole number', () => {
    expect(() => bankHolidaysByRule('scotland', 2026.5)).toThrow(RangeError);
  });
});
