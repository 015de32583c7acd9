import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_MEASURES, EMPTY_TSM, MEASURES_2026, monthsOf, TSM_2026 } from './measures-fixtures';
import { ADMIN, ANALYST, fakeApi, renderAt } from './measures-test-kit';

function yearApi() {
  return fakeApi(
    {
      TsmReport: ({ year }) => ({ tsmReport: year === 2026 ? TSM_2026 : EMPTY_TSM }),
      Measures: ({ year }) => ({ measures: year === 2026 ? MEASURES_2026 : EMPTY_MEASURES }),
      MeasureBreakdown: ({ year, measure, by }) => ({
        measureBreakdown:
          year !== 2026
            ? []
            : by === 'MONTH'
              ? monthsOf(measure)
              : [{ key: 'repairs', label: 'Repairs', numerator: 30, denominator: 31, value: 96.8 }],
      }),
    },
    {
      '/exports/measures.csv?year=2026': {
        body: 'measure,year,tenure,numerator,denominator,value\r\nCH02_STAGE1,2026,,38,41,92.68\r\n',
      },
    },
  );
}

// Role queries over the whole page are slow in jsdom (every element's name is computed): a
// tile is found by its heading's text, then searched within.
async function tile(title: RegExp): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: 'h3' });
  return heading.closest('section')!;
}

async function tableNamed(name: string | RegExp): Promise<HTMLElement> {
  const match = (label: string | null) =>
    label !== null && (typeof name === 'string' ? label === name : name.test(label));
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = [...document.querySelectorAll<HTMLElement>('table[aria-label]')].find((table) =>
      match(table.getAttribute('aria-label')),
    );
    expect(found).toBeDefined();
  });
  return found!;
}

beforeEach(() => {
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// A busy machine draws this page slowly in jsdom: each test may take longer than the default.
describe('MeasuresPage', { timeout: 60_000 }, () => {
  it('shows the TSM figures of the year with their counts', async () => {
    const api = yearApi();
    renderAt('/measures?year=2026');
    expect(await screen.findByText('Measures, 2026-27', { selector: 'h1' })).toBeInTheDocument();
    const ch02 = await tile(/^CH02 stage 1/);
    // 38 / 41 = 92.68…% and 35 / 41 = 85.36…%, one decimal place.
    expect(ch02).toHaveTextContent('92.7%');
    expect(ch02).toHaveTextContent('38 of 41 on time');
    expect(ch02).toHaveTextContent('Without extensions: 85.4% (35 of 41)');
    // 47 / 14,250 homes × 1,000 = 3.298…
    expect(await tile(/^CH01 stage 1/)).toHaveTextContent('3.30');
    expect(await tile(/^CH01 stage 1/)).toHaveTextContent(
      '47 stage 1 complaints received, 14,250 homes',
    );
    // 120 / 348 = 34.48…%
    const tp09 = await tile(/^TP09/);
    expect(tp09).toHaveTextContent('34.5%');
    expect(tp09).toHaveTextContent('120 of 348 respondents');
    expect(api.variablesOf('TsmReport')).toEqual([{ year: 2026, tenure: null }]);
    expect(api.sent[0]?.authorization).toBe('Bearer token-of-the-session');
  });

  it('links each figure to the cases behind it, numerator and denominator', async () => {
    yearApi();
    renderAt('/measures?year=2026');
    const ch02 = await tile(/^CH02 stage 1/);
    expect(within(ch02).getByRole('link', { name: 'On time' })).toHaveAttribute(
      'href',
      '#/measures/cases?year=2026&measure=CH02_STAGE1&part=NUMERATOR',
    );
    expect(within(ch02).getByRole('link', { name: 'All responded' })).toHaveAttribute(
      'href',
      '#/measures/cases?year=2026&measure=CH02_STAGE1&part=DENOMINATOR',
    );
  });

  it('asks for one tenure when one is chosen', async () => {
    const user = userEvent.setup();
    const api = yearApi();
    renderAt('/measures?year=2026');
    await tile(/^CH02 stage 1/);
    await user.click(screen.getByLabelText('Tenure'));
    await user.click(
      within(await screen.findByRole('listbox')).getByText('Low-cost rental (LCRA)'),
    );
    await waitFor(() =>
      expect(api.variablesOf('TsmReport')).toContainEqual({ year: 2026, tenure: 'LCRA' }),
    );
    expect(api.variablesOf('Measures')).toContainEqual({ year: 2026, filter: { tenure: 'LCRA' } });
    const ch02 = await tile(/^CH02 stage 1/);
    expect(within(ch02).getByRole('link', { name: 'On time' })).toHaveAttribute(
      'href',
      '#/measures/cases?year=2026&measure=CH02_STAGE1&part=NUMERATOR&tenure=LCRA',
    );
  });

  it('says when nothing was counted yet, and offers admins to enter the homes', async () => {
    yearApi();
    renderAt('/measures?year=2025', ADMIN);
    expect(
      await screen.findByText(/The number of homes for 2025-26 has not been entered/),
    ).toBeInTheDocument();
    expect(screen.getByText('Enter the homes for the year').closest('a')).toHaveAttribute(
      'href',
      '#/measures/homes?year=2025',
    );
    expect(
      screen.getByText('No complaints were responded to at stage 1 in 2025-26 yet.'),
    ).toBeInTheDocument();
    expect(
      await screen.findAllByText('No complaints were responded to in 2025-26 yet.'),
    ).toHaveLength(2);
    expect(screen.getByText('No complaints were refused in 2025-26.')).toBeInTheDocument();
  });

  it('tells an analyst who enters the homes instead of linking to the form', async () => {
    yearApi();
    renderAt('/measures?year=2025', ANALYST);
    expect(await screen.findByText(/An administrator can enter them/)).toBeInTheDocument();
    expect(screen.queryByText(/Enter the homes/)).not.toBeInTheDocument();
    expect(screen.queryByText('Homes', { selector: 'a' })).not.toBeInTheDocument();
    expect(screen.getByText('Import survey responses', { selector: 'a' })).toBeInTheDocument();
  });

  it('gives each chart its figures as a table', async () => {
    yearApi();
    renderAt('/measures?year=2026');
    const months = await tableNamed('CH02 by month');
    const rows = within(months)
      .getAllByRole('row')
      .map((row) => row.textContent);
    // 20 / 21 = 95.2%; stage 2 1 / 2 = 50%.
    expect(rows.slice(1)).toEqual([
      'Apr 202620 of 21 (95.2%)1 of 2 (50.0%)',
      'May 202618 of 20 (90.0%)3 of 3 (100.0%)',
    ]);
    const outcomes = await tableNamed('Outcomes by category');
    // Repairs: 10 upheld at stage 1 and 2 at stage 2.
    expect(
      within(outcomes)
        .getAllByRole('row')
        .map((row) => row.textContent)
        .slice(1),
    ).toEqual(['Damp and mould070', 'Repairs1204']);
  });

  it('breaks a figure down by category on request', async () => {
    const user = userEvent.setup();
    const api = yearApi();
    renderAt('/measures?year=2026');
    await tableNamed(/CH02 stage 1 responded to within .* by month/);
    await user.click(screen.getByText('Category', { selector: 'button' }));
    const table = await tableNamed(/CH02 stage 1 responded to within .* by category/);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Repairs303196.8%');
    expect(api.variablesOf('MeasureBreakdown')).toContainEqual({
      year: 2026,
      measure: 'CH02_STAGE1',
      by: 'CATEGORY',
      filter: null,
    });
  });

  it('shows the other measures against their targets', async () => {
    yearApi();
    renderAt('/measures?year=2026');
    await screen.findByText('Other measures', { selector: 'h2' });
    const row = (name: string) =>
      screen.getByText(name, { selector: 'th', exact: false }).closest('tr')!;
    expect(row('Compensation offered')).toHaveTextContent('£1,234.50Paid: £1,000.00');
    expect(row('Transactional satisfaction')).toHaveTextContent('7.1');
    expect(row('Transactional satisfaction')).toHaveTextContent('target at least 6.5, met');
    await waitFor(() =>
      expect(row('Agreed actions completed on time')).toHaveTextContent('9 of 12; target 100.0%'),
    );
    expect(row('Referred to the Ombudsman')).toHaveTextContent('Maladministration: 1');
    expect(row('Refused')).toHaveTextContent('The issue arose more than 12 months ago: 2');
    expect(row('Average working days to respond, stage 1')).toHaveTextContent('8.2');
  });

  it("downloads the measures' CSV with the session's token", async () => {
    const user = userEvent.setup();
    const api = yearApi();
    renderAt('/measures?year=2026');
    await tile(/^CH02 stage 1/);
    await user.click(screen.getByText('Download the measures (CSV)'));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(api.files).toEqual([
      { path: '/exports/measures.csv?year=2026', authorization: 'Bearer token-of-the-session' },
    ]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect((await blob.text()).split('\r\n')[0]).toBe(
      'measure,year,tenure,numerator,denominator,value',
    );
  });

  it("shows the API's refusal of a download", async () => {
    const user = userEvent.setup();
    fakeApi(
      {
        TsmReport: () => ({ tsmReport: TSM_2026 }),
        Measures: () => ({ measures: MEASURES_2026 }),
        MeasureBreakdown: () => ({ measureBreakdown: [] }),
      },
      {
        '/exports/measures.csv?year=2026': {
          status: 403,
          type: 'application/json',
          body: '{"errors":[{"message":"Your role does not allow this.","extensions":{"code":"FORBIDDEN"}}]}',
        },
      },
    );
    renderAt('/measures?year=2026');
    await tile(/^CH02 stage 1/);
    await user.click(screen.getByText('Download the measures (CSV)'));
    expect(await screen.findByText('Your role does not allow this.')).toBeInTheDocument();
  });
});
