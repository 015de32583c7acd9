import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type DataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { CalendarPage } from './CalendarPage';
import type { BankHoliday, Division } from './calendar.types';

const ENGLAND_2026: BankHoliday[] = [
  { date: '2026-12-25', title: 'Christmas Day', published: true },
  { date: '2026-12-28', title: 'Boxing Day', published: true },
];
const SCOTLAND_2026: BankHoliday[] = [
  { date: '2026-11-30', title: 'St Andrew’s Day', published: true },
  ...ENGLAND_2026,
];
const ENGLAND_2027: BankHoliday[] = [
  { date: '2027-01-01', title: 'New Year’s Day', published: true },
];

function fakeHolidays() {
  return vi.fn((year: number, division: Division) =>
    Promise.resolve(
      year === 2027 ? ENGLAND_2027 : division === 'SCOTLAND' ? SCOTLAND_2026 : ENGLAND_2026,
    ),
  );
}

const POLICIES = [
  {
    id: 'riverside-2026',
    name: 'Riverside Homes 2026',
    closures: [
      { date: '2026-12-29', title: 'Christmas closure' },
      { date: '2027-01-02', title: 'New Year closure' },
    ],
  },
  { id: 'code-2024', name: 'Complaint Handling Code 2024', closures: [] },
];

function dataProvider(): DataProvider {
  return {
    getList: () => Promise.resolve({ data: POLICIES, total: POLICIES.length }),
  } as unknown as DataProvider;
}

function renderPage(load = fakeHolidays()) {
  render(
    <AdminContext dataProvider={dataProvider()}>
      <CalendarPage loadBankHolidays={load} initialYear={2026} />
    </AdminContext>,
  );
  return load;
}

function rowsOf(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');
}

describe('CalendarPage', () => {
  it("shows England and Wales's bank holidays for the year, dates as Fri 13 Nov 2026", async () => {
    const load = renderPage();
    const table = await screen.findByRole('table', { name: 'Bank holidays in England and Wales' });
    expect(rowsOf(table)).toEqual(['Fri 25 Dec 2026Christmas Day', 'Mon 28 Dec 2026Boxing Day']);
    expect(load).toHaveBeenCalledWith(2026, 'ENGLAND_AND_WALES');
  });

  it("shows another division's when it is chosen", async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: 'Bank holidays in England and Wales' });
    await user.click(screen.getByRole('combobox', { name: 'Division' }));
    await user.click(screen.getByRole('option', { name: 'Scotland' }));
    const table = await screen.findByRole('table', { name: 'Bank holidays in Scotland' });
    expect(rowsOf(table)[0]).toBe('Mon 30 Nov 2026St Andrew’s Day');
  });

  it("lists the policies' closure days in the year, each with its policy", async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Closure days in 2026' });
    // The New Year closure falls in 2027, so it is not in 2026's list.
    expect(rowsOf(table)).toEqual(['Tue 29 Dec 2026Christmas closureRiverside Homes 2026']);
  });

  it('moves to the next year and back', async () => {
    const user = userEvent.setup();
    const load = renderPage();
    await screen.findByRole('table', { name: 'Bank holidays in England and Wales' });
    await user.click(screen.getByRole('button', { name: 'Next year' }));
    await waitFor(() => expect(load).toHaveBeenLastCalledWith(2027, 'ENGLAND_AND_WALES'));
    expect(
      await screen.findByRole('heading', { name: 'Bank holidays and closure days, 2027' }),
    ).toBeInTheDocument();
    const closures = await screen.findByRole('table', { name: 'Closure days in 2027' });
    expect(rowsOf(closures)).toEqual(['Sat 2 Jan 2027New Year closureRiverside Homes 2026']);
    await user.click(screen.getByRole('button', { name: 'Previous year' }));
    await waitFor(() => expect(load).toHaveBeenLastCalledWith(2026, 'ENGLAND_AND_WALES'));
  });

  it('says when a year comes from the rules, not from GOV.UK', async () => {
    renderPage(
      vi.fn(() =>
        Promise.resolve([{ date: '2026-12-25', title: 'Christmas Day', published: false }]),
      ),
    );
    expect(
      await screen.findByText(/has not published 2026's bank holidays yet/),
    ).toBeInTheDocument();
  });

  it("shows the API's message when the bank holidays do not load", async () => {
    renderPage(vi.fn(() => Promise.reject(new Error('The API could not be reached.'))));
    expect(await screen.findByText('The API could not be reached.')).toBeInTheDocument();
  });

  it('marks a year outside the supported years and keeps the last good one', async () => {
    const user = userEvent.setup();
    const load = renderPage();
    await screen.findByRole('table', { name: 'Bank holidays in England and Wales' });
    const year = screen.getByRole('textbox', { name: 'Year' });
    await user.clear(year);
    await user.type(year, '2300');
    expect(year).toHaveAccessibleDescription('A year from 1990 to 2199');
    expect(load).not.toHaveBeenCalledWith(2300, expect.anything());
  });
});
