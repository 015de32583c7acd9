// The calendar page's bank holidays, by division and year: GOV.UK's dates for 2026, substitute
// days included, and the rules' dates for a year GOV.UK has not published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, gql, gqlData, gqlError } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.stop();
});

interface Day {
  date: string;
  title: string;
  published: boolean;
}

const QUERY = `query ($year: Int!, $division: Division) {
  bankHolidays(year: $year, division: $division) { date title published }
}`;

async function holidays(year: number, division?: string): Promise<Day[]> {
  const data = await gqlData<{ bankHolidays: Day[] }>(api.url, QUERY, { year, division });
  return data.bankHolidays;
}

describe('bankHolidays', () => {
  it.each([
    {
      division: 'ENGLAND_AND_WALES',
      dates: [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    },
    {
      division: 'SCOTLAND',
      dates: [
        '2026-01-01',
        '2026-01-02',
        '2026-04-03',
        '2026-05-04',
        '2026-05-25',
        '2026-08-03',
        '2026-11-30',
        '2026-12-25',
        '2026-12-28',
      ],
    },
    {
      division: 'NORTHERN_IRELAND',
      dates: [
        '2026-01-01',
        '2026-03-17',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-07-13',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    },
  ])("2026 in $division: GOV.UK's dates, in order", async ({ division, dates }) => {
    const days = await holidays(2026, division);
    expect(days.map((day) => day.date)).toEqual(dates);
    expect(days.every((day) => day.published)).toBe(true);
  });

  it('names each day, a substitute day by the holiday it stands for', async () => {
    const days = await holidays(2026, 'NORTHERN_IRELAND');
    expect(days.find((day) => day.date === '2026-12-28')?.title).toBe('Boxing Day');
    expect(days.find((day) => day.date === '2026-07-13')?.title).toMatch(/Battle of the Boyne/);
  });

  it('answers England and Wales without a division, and to a caller not signed in', async () => {
    const result = await gql<{ bankHolidays: Day[] }>(
      api.url,
      QUERY,
      { year: 2026 },
      ANONYMOUS_HEADERS,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.bankHolidays).toEqual(await holidays(2026, 'ENGLAND_AND_WALES'));
  });

  it('gives a year GOV.UK has not published from the rules, and says so', async () => {
    const days = await holidays(2031, 'ENGLAND_AND_WALES');
    // Easter Sunday 2031 is 13 April; 25 December 2031 is a Thursday.
    expect(days.map((day) => day.date)).toEqual([
      '2031-01-01',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ]);
    expect(days.some((day) => day.published)).toBe(false);
  });

  it.each([1989, 2200, -1])('refuses the year %i as bad input, naming the years', async (year) => {
    const error = await gqlError(api.url, QUERY, { year });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/1990 and 2199/);
  });
});
