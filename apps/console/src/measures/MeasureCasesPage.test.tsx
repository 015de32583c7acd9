import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeasureCase } from './measures.types';
import { fakeApi, renderAt } from './measures-test-kit';

function caseNumbered(n: number, overrides: Partial<MeasureCase> = {}): MeasureCase {
  return {
    id: `case-${n}`,
    reference: `CMP-2026-${String(n).padStart(6, '0')}`,
    stage: 1,
    tenure: 'LCRA',
    category: 'damp-and-mould',
    receivedOn: '2026-05-04',
    respondedOn: '2026-05-14',
    onTime: true,
    outcome: 'UPHELD',
    teamId: null,
    actionId: null,
    dueOn: null,
    ...overrides,
  };
}

/** 60 cases on time, in pages of 50 by cursor; all 61 responded (one late). */
function casesApi() {
  const onTime = Array.from({ length: 60 }, (_, i) => caseNumbered(i + 1));
  const all = [...onTime, caseNumbered(61, { onTime: false, outcome: 'NOT_UPHELD' })];
  return fakeApi({
    MeasureCases: ({ part, after, first }) => {
      const cases = part === 'NUMERATOR' ? onTime : all;
      const start = after ? Number(after) : 0;
      const nodes = cases.slice(start, start + Number(first));
      const end = start + nodes.length;
      return {
        measureCases: {
          nodes,
          pageInfo: { hasNextPage: end < cases.length, endCursor: String(end) },
          totalCount: cases.length,
        },
      };
    },
  });
}

const rowsOf = (table: HTMLElement) => table.querySelectorAll('tbody tr');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MeasureCasesPage', { timeout: 60_000 }, () => {
  it('lists the cases a figure counts, each a link to its page, a page at a time', async () => {
    const user = userEvent.setup();
    const api = casesApi();
    renderAt('/measures/cases?year=2026&measure=CH02_STAGE1&part=NUMERATOR&tenure=LCRA');
    expect(
      await screen.findByText(/^CH02 stage 1 responded to within .*, 2026-27$/, { selector: 'h1' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Stage 1 complaints responded to on time: 60 cases, 50 shown.'),
    ).toBeInTheDocument();
    const table = screen.getByText('Reference').closest('table')!;
    expect(rowsOf(table)).toHaveLength(50);
    const first = rowsOf(table)[0] as HTMLElement;
    expect(first).toHaveTextContent(
      'CMP-2026-000001Stage 1LCRADamp and mouldMon 4 May 2026Thu 14 May 2026YesUpheld',
    );
    expect(within(first).getByText('CMP-2026-000001').closest('a')).toHaveAttribute(
      'href',
      '#/complaints/case-1/show',
    );
    expect(api.variablesOf('MeasureCases')[0]).toEqual({
      year: 2026,
      measure: 'CH02_STAGE1',
      part: 'NUMERATOR',
      filter: { tenure: 'LCRA' },
      first: 50,
      after: null,
    });
    await user.click(screen.getByText('Show more cases'));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(60));
    expect(api.variablesOf('MeasureCases')[1]).toMatchObject({ after: '50' });
    expect(screen.queryByText('Show more cases')).not.toBeInTheDocument();
  });

  it('switches to the cases counted among (the denominator)', async () => {
    const user = userEvent.setup();
    const api = casesApi();
    renderAt('/measures/cases?year=2026&measure=CH02_STAGE1&part=NUMERATOR');
    await screen.findByText(/60 cases/);
    await user.click(screen.getByText('Stage 1 complaints responded to', { selector: 'button' }));
    expect(await screen.findByText(/: 61 cases, 50 shown/)).toBeInTheDocument();
    expect(api.variablesOf('MeasureCases').at(-1)).toMatchObject({
      part: 'DENOMINATOR',
      filter: null,
    });
  });

  it('downloads the cases behind the figure as CSV', async () => {
    const user = userEvent.setup();
    const api = casesApi();
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }),
    );
    renderAt('/measures/cases?year=2026&measure=ESCALATION_RATE&part=DENOMINATOR');
    await screen.findByText(/61 cases/);
    await user.click(screen.getByText('Download these cases (CSV)'));
    await waitFor(() => expect(api.files).toHaveLength(1));
    expect(api.files[0]?.path).toBe(
      '/exports/measures/ESCALATION_RATE/cases.csv?year=2026&part=denominator',
    );
  });

  it('says when no case is counted, and when the figure is unknown', async () => {
    fakeApi({
      MeasureCases: () => ({
        measureCases: {
          nodes: [],
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: 0,
        },
      }),
    });
    const { unmount } = renderAt(
      '/measures/cases?year=2025&measure=ACTIONS_ON_TIME&part=NUMERATOR',
    );
    expect(
      await screen.findByText(
        'No cases are counted here for 2025-26: agreed actions completed on time, none yet.',
      ),
    ).toBeInTheDocument();
    unmount();
    renderAt('/measures/cases?year=2025&measure=CH99');
    expect(await screen.findByText(/There is no figure of that name/)).toBeInTheDocument();
  });
});
