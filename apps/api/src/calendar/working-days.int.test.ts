// The calendar queries for each division, against the bank holidays each one publishes: the
// dates below are GOV.UK's for 2026 and early 2027, substitute days included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.stop();
});

describe('isWorkingDay', () => {
  it.each([
    // date, England and Wales, Scotland, Northern Ireland
    {
      date: '2026-01-02',
      why: "2 January (Scotland's second New Year holiday)",
      ew: true,
      sc: false,
      ni: true,
    },
    { date: '2026-03-17', why: "St Patrick's Day", ew: true, sc: true, ni: false },
    { date: '2026-04-06', why: 'Easter Monday (not in Scotland)', ew: false, sc: true, ni: false },
    {
      date: '2026-07-13',
      why: 'Battle of the Boyne, substitute for Sunday 12 July',
      ew: true,
      sc: true,
      ni: false,
    },
    { date: '2026-08-03', why: "Scotland's summer bank holiday", ew: true, sc: false, ni: true },
    {
      date: '2026-08-31',
      why: 'summer bank holiday outside Scotland',
      ew: false,
      sc: true,
      ni: false,
    },
    { date: '2026-11-30', why: "St Andrew's Day", ew: true, sc: false, ni: true },
    { date: '2026-12-25', why: 'Christmas Day', ew: false, sc: false, ni: false },
    {
      date: '2026-12-28',
      why: 'Boxing Day, substitute for Saturday 26 December',
      ew: false,
      sc: false,
      ni: false,
    },
    {
      date: '2027-01-04',
      why: 'substitute for Saturday 2 January in Scotland',
      ew: true,
      sc: false,
      ni: true,
    },
    {
      date: '2026-12-24',
      why: 'Christmas Eve, an ordinary Thursday',
      ew: true,
      sc: true,
      ni: true,
    },
    { date: '2026-11-07', why: 'a Saturday', ew: false, sc: false, ni: false },
  ])('$date, $why', async ({ date, ew, sc, ni }) => {
    const data = await gqlData<{ ew: boolean; sc: boolean; ni: boolean; byDefault: boolean }>(
      api.url,
      `query ($date: LocalDate!) {
        ew: isWorkingDay(date: $date, division: ENGLAND_AND_WALES)
        sc: isWorkingDay(date: $date, division: SCOTLAND)
        ni: isWorkingDay(date: $date, division: NORTHERN_IRELAND)
        byDefault: isWorkingDay(date: $date)
      }`,
      { date },
    );
    // Without a division, England and Wales.
    expect(data).toEqual({ ew, sc, ni, byDefault: ew });
  });
});

describe('addWorkingDays', () => {
  it.each([
    { from: '2026-11-06', days: 5, division: 'ENGLAND_AND_WALES', expected: '2026-11-13' },
    { from: '2026-11-07', days: 5, division: 'ENGLAND_AND_WALES', expected: '2026-11-13' },
    { from: '2026-12-24', days: 1, division: 'ENGLAND_AND_WALES', expected: '2026-12-29' },
    { from: '2026-12-18', days: 5, division: 'ENGLAND_AND_WALES', expected: '2026-12-29' },
    { from: '2026-12-31', days: 1, division: 'ENGLAND_AND_WALES', expected: '2027-01-04' },
    { from: '2026-12-31', days: 1, division: 'SCOTLAND', expected: '2027-01-05' },
    { from: '2026-11-27', days: 1, division: 'SCOTLAND', expected: '2026-12-01' },
    { from: '2026-11-27', days: 1, division: 'ENGLAND_AND_WALES', expected: '2026-11-30' },
    { from: '2026-03-16', days: 1, division: 'NORTHERN_IRELAND', expected: '2026-03-18' },
    { from: '2026-07-10', days: 1, division: 'NORTHERN_IRELAND', expected: '2026-07-14' },
    { from: '2026-07-10', days: 1, division: 'ENGLAND_AND_WALES', expected: '2026-07-13' },
    { from: '2026-12-07', days: 20, division: 'ENGLAND_AND_WALES', expected: '2027-01-07' },
  ])('$from + $days in $division = $expected', async ({ from, days, division, expected }) => {
    const data = await gqlData<{ addWorkingDays: string }>(
      api.url,
      `query ($from: LocalDate!, $days: Int!, $division: Division) {
        addWorkingDays(from: $from, days: $days, division: $division)
      }`,
      { from, days, division },
    );
    expect(data.addWorkingDays).toBe(expected);
  });

  it('refuses a date that does not exist, as bad input', async () => {
    const result = await gql(
      api.url,
      `query ($from: LocalDate!) { addWorkingDays(from: $from, days: 1) }`,
      {
        from: '2026-02-29',
      },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/2026-02-29/);
  });
});
