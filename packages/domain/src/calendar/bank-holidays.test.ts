import { describe, expect, it } from 'vitest';
import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.js';
import { createCalendar } from './calendar.js';
import { DIVISIONS, type Division, type LocalDate } from './calendar.types.js';

type Row = readonly [date: LocalDate, title: string, notes?: string];

// GOV.UK's published bank holidays, 2020 to 2027, written out by hand so that the shipped file
// is checked against a second copy rather than against itself.
const PUBLISHED: Record<Division, readonly Row[]> = {
  'england-and-wales': [
    // 2020
    ['2020-01-01', 'New Year’s Day'],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-08-31', 'Summer bank holiday'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day', 'Substitute day'],
    // 2021
    ['2021-01-01', 'New Year’s Day'],
    ['2021-04-02', 'Good Friday'],
    ['2021-04-05', 'Easter Monday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-08-30', 'Summer bank holiday'],
    ['2021-12-27', 'Christmas Day', 'Substitute day'],
    ['2021-12-28', 'Boxing Day', 'Substitute day'],
    // 2022
    ['2022-01-03', 'New Year’s Day', 'Substitute day'],
    ['2022-04-15', 'Good Friday'],
    ['2022-04-18', 'Easter Monday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-08-29', 'Summer bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day', 'Substitute day'],
    // 2023
    ['2023-01-02', 'New Year’s Day', 'Substitute day'],
    ['2023-04-07', 'Good Friday'],
    ['2023-04-10', 'Easter Monday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-08-28', 'Summer bank holiday'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
    // 2024
    ['2024-01-01', 'New Year’s Day'],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-08-26', 'Summer bank holiday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
    // 2025
    ['2025-01-01', 'New Year’s Day'],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
    // 2026
    ['2026-01-01', 'New Year’s Day'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day', 'Substitute day'],
    // 2027
    ['2027-01-01', 'New Year’s Day'],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day', 'Substitute day'],
    ['2027-12-28', 'Boxing Day', 'Substitute day'],
  ],
  scotland: [
    // 2020
    ['2020-01-01', 'New Year’s Day'],
    ['2020-01-02', '2nd January'],
    ['2020-04-10', 'Good Friday'],
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-08-03', 'Summer bank holiday'],
    ['2020-11-30', 'St Andrew’s Day'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day', 'Substitute day'],
    // 2021
    ['2021-01-01', 'New Year’s Day'],
    ['2021-01-04', '2nd January', 'Substitute day'],
    ['2021-04-02', 'Good Friday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-08-02', 'Summer bank holiday'],
    ['2021-11-30', 'St Andrew’s Day'],
    ['2021-12-27', 'Christmas Day', 'Substitute day'],
    ['2021-12-28', 'Boxing Day', 'Substitute day'],
    // 2022
    ['2022-01-03', 'New Year’s Day', 'Substitute day'],
    ['2022-01-04', '2nd January', 'Substitute day'],
    ['2022-04-15', 'Good Friday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-08-01', 'Summer bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2022-11-30', 'St Andrew’s Day'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day', 'Substitute day'],
    // 2023
    ['2023-01-02', '2nd January'],
    ['2023-01-03', 'New Year’s Day', 'Substitute day'],
    ['2023-04-07', 'Good Friday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-08-07', 'Summer bank holiday'],
    ['2023-11-30', 'St Andrew’s Day'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
    // 2024
    ['2024-01-01', 'New Year’s Day'],
    ['2024-01-02', '2nd January'],
    ['2024-03-29', 'Good Friday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-08-05', 'Summer bank holiday'],
    ['2024-12-02', 'St Andrew’s Day', 'Substitute day'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
    // 2025
    ['2025-01-01', 'New Year’s Day'],
    ['2025-01-02', '2nd January'],
    ['2025-04-18', 'Good Friday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-04', 'Summer bank holiday'],
    ['2025-12-01', 'St Andrew’s Day', 'Substitute day'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
    // 2026
    ['2026-01-01', 'New Year’s Day'],
    ['2026-01-02', '2nd January'],
    ['2026-04-03', 'Good Friday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-03', 'Summer bank holiday'],
    ['2026-11-30', 'St Andrew’s Day'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day', 'Substitute day'],
    // 2027
    ['2027-01-01', 'New Year’s Day'],
    ['2027-01-04', '2nd January', 'Substitute day'],
    ['2027-03-26', 'Good Friday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-02', 'Summer bank holiday'],
    ['2027-11-30', 'St Andrew’s Day'],
    ['2027-12-27', 'Christmas Day', 'Substitute day'],
    ['2027-12-28', 'Boxing Day', 'Substitute day'],
  ],
  'northern-ireland': [
    // 2020
    ['2020-01-01', 'New Year’s Day'],
    ['2020-03-17', 'St Patrick’s Day'],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-07-13', 'Battle of the Boyne (Orangemen’s Day)', 'Substitute day'],
    ['2020-08-31', 'Summer bank holiday'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day', 'Substitute day'],
    // 2021
    ['2021-01-01', 'New Year’s Day'],
    ['2021-03-17', 'St Patrick’s Day'],
    ['2021-04-02', 'Good Friday'],
    ['2021-04-05', 'Easter Monday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['2021-08-30', 'Summer bank holiday'],
    ['2021-12-27', 'Christmas Day', 'Substitute day'],
    ['2021-12-28', 'Boxing Day', 'Substitute day'],
    // 2022
    ['2022-01-03', 'New Year’s Day', 'Substitute day'],
    ['2022-03-17', 'St Patrick’s Day'],
    ['2022-04-15', 'Good Friday'],
    ['2022-04-18', 'Easter Monday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['2022-08-29', 'Summer bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day', 'Substitute day'],
    // 2023
    ['2023-01-02', 'New Year’s Day', 'Substitute day'],
    ['2023-03-17', 'St Patrick’s Day'],
    ['2023-04-07', 'Good Friday'],
    ['2023-04-10', 'Easter Monday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['2023-08-28', 'Summer bank holiday'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
    // 2024
    ['2024-01-01', 'New Year’s Day'],
    ['2024-03-18', 'St Patrick’s Day', 'Substitute day'],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['2024-08-26', 'Summer bank holiday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
    // 2025
    ['2025-01-01', 'New Year’s Day'],
    ['2025-03-17', 'St Patrick’s Day'],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-07-14', 'Battle of the Boyne (Orangemen’s Day)', 'Substitute day'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
    // 2026
    ['2026-01-01', 'New Year’s Day'],
    ['2026-03-17', 'St Patrick’s Day'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-07-13', 'Battle of the Boyne (Orangemen’s Day)', 'Substitute day'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day', 'Substitute day'],
    // 2027
    ['2027-01-01', 'New Year’s Day'],
    ['2027-03-17', 'St Patrick’s Day'],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day', 'Substitute day'],
    ['2027-12-28', 'Boxing Day', 'Substitute day'],
  ],
};

const YEARS_2018_TO_2027 = Array.from({ length: 10 }, (_, i) => String(2018 + i));
const calendars = new Map(DIVISIONS.map((division) => [division, createCalendar({ division })]));

const rows = DIVISIONS.flatMap((division) =>
  PUBLISHED[division].map(([date, title, notes]) => ({
    division,
    date,
    title,
    notes: notes ?? '',
  })),
);

describe('the shipped bank-holidays.json', () => {
  it.each(DIVISIONS)('lists exactly the published %s bank holidays of 2020 to 2027', (division) => {
    const shipped = (SHIPPED_BANK_HOLIDAYS[division]?.events ?? [])
      .filter((event) => event.date >= '2020-01-01' && event.date <= '2027-12-31')
      .map((event) => [event.date, event.title, event.notes ?? '']);
    const published = PUBLISHED[division].map(([date, title, notes]) => [date, title, notes ?? '']);
    expect(shipped).toEqual(published);
  });

  it.each(DIVISIONS)('covers every year from 2018 to 2027 for %s, in date order', (division) => {
    const events = SHIPPED_BANK_HOLIDAYS[division]?.events ?? [];
    const years = new Set(events.map((event) => event.date.slice(0, 4)));
    expect([...years]).toEqual(YEARS_2018_TO_2027);
    const dates = events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
  });

  it.each(rows)('$division: $date ($title) is not a working day', ({ division, date, title }) => {
    const calendar = calendars.get(division);
    expect(calendar?.isWorkingDay(date)).toBe(false);
    expect(calendar?.nonWorkingReason(date)).toEqual({
      date,
      kind: 'bank-holiday',
      title,
      source: 'data',
    });
  });

  it.each([
    // Each division's own days are working days elsewhere.
    ['scotland', '2026-04-06', 'Easter Monday is not a bank holiday in Scotland'],
    ['england-and-wales', '2026-08-03', 'first Monday in August is Scotland’s'],
    ['england-and-wales', '2026-11-30', 'St Andrew’s Day is Scotland’s'],
    ['england-and-wales', '2026-01-02', '2 January is Scotland’s'],
    ['scotland', '2026-08-31', 'last Monday in August is not Scotland’s'],
    ['england-and-wales', '2026-03-17', 'St Patrick’s Day is Northern Ireland’s'],
    ['scotland', '2026-07-13', 'the Boyne substitute is Northern Ireland’s'],
    // The days the one-offs moved away from were working days.
    ['england-and-wales', '2020-05-04', 'Early May 2020 moved to VE day'],
    ['scotland', '2022-05-30', 'Spring 2022 moved to the Jubilee'],
  ] as const)('%s: %s is a working day (%s)', (division, date, _why) => {
    expect(calendars.get(division)?.isWorkingDay(date)).toBe(true);
  });
});
