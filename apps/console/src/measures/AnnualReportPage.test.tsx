import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnualReport } from './annual-report.query';
import { EMPTY_MEASURES, EMPTY_TSM, MEASURES_2026, TSM_2026 } from './measures-fixtures';
import { fakeApi, renderAt } from './measures-test-kit';

const REPORT_2026: AnnualReport = {
  year: 2026,
  title: 'Riverside Homes: complaints performance and service improvement report 2026/27',
  pdfPath: '/reports/annual/2026.pdf',
  from: '2026-04-01',
  to: '2027-03-31',
  preparedOn: '2026-12-02',
  actionsOnTimeTarget: 100,
  lessonsNotListed: false,
  tsm: TSM_2026,
  tsmByTenure: [
    {
      ...TSM_2026,
      tenure: 'LCRA',
      stage1Responded: 30,
      stage1RespondedOnTime: 29,
      ch02Stage1: (29 / 30) * 100,
    },
    { ...EMPTY_TSM, year: 2026, tenure: 'LCHO' },
  ],
  measures: MEASURES_2026,
  selfAssessment: [
    {
      policyId: 'riverside',
      version: 3,
      name: 'Riverside Homes complaints policy',
      cases: 47,
      departures: [
        { clause: '6.12', code: 'ESCALATION_REASONS_REQUIRED', message: 'Asks for reasons.' },
      ],
    },
  ],
  lessons: [
    {
      lesson: 'Book the damp survey at the first call.',
      recordedAt: '2026-10-01T09:00:00Z',
      category: 'damp-and-mould',
      tenure: 'LCRA',
    },
  ],
  improvements: [{ youSaid: 'You were slow.', weDid: 'We hired two surveyors.', category: null }],
};

const EMPTY_REPORT: AnnualReport = {
  ...REPORT_2026,
  year: 2025,
  from: '2025-04-01',
  to: '2026-03-31',
  tsm: EMPTY_TSM,
  tsmByTenure: [],
  measures: EMPTY_MEASURES,
  actionsOnTimeTarget: null,
  selfAssessment: [],
  lessons: [],
  improvements: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnnualReportPage', { timeout: 60_000 }, () => {
  it('shows every section of the report, printable', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fakeApi({ AnnualReport: () => ({ annualReport: REPORT_2026 }) });
    renderAt('/measures/report/2026');
    expect(
      await screen.findByText(
        'Riverside Homes: complaints performance and service improvement report 2026/27',
        { selector: 'h1' },
      ),
    ).toBeInTheDocument();
    // All tenures, then LCRA (29 of 30 = 96.7%), then LCHO, with nothing responded to.
    const ch02 = await screen.findAllByText(
      'CH02 stage 1 responded to within the Code’s timescales',
    );
    expect(
      ch02.map((cell) => cell.closest('table')!.querySelector('caption')!.textContent),
    ).toEqual(['All tenures', 'Low-cost rental (LCRA)', 'Low-cost home ownership (LCHO)']);
    expect(ch02.map((cell) => cell.closest('tr')!.textContent)).toEqual([
      'CH02 stage 1 responded to within the Code’s timescales92.7%38 of 41 responses',
      'CH02 stage 1 responded to within the Code’s timescales96.7%29 of 30 responses',
      'CH02 stage 1 responded to within the Code’s timescales—0 of 0 responses',
    ]);
    expect(screen.getByText('6.12').closest('tr')).toHaveTextContent('Asks for reasons.');
    expect(
      screen.getByText('Book the damp survey at the first call.').closest('tr'),
    ).toHaveTextContent('Damp and mould');
    expect(screen.getByText('We hired two surveyors.')).toBeInTheDocument();
    expect(
      screen.getByText('Agreed actions completed on time', { selector: 'th' }).closest('tr'),
    ).toHaveTextContent('target 100.0%');
    expect(screen.getByText(/while the year is still running/)).toBeInTheDocument();
    await user.click(screen.getByText('Print'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('says so in each empty section rather than leaving it blank', async () => {
    fakeApi({ AnnualReport: () => ({ annualReport: EMPTY_REPORT }) });
    renderAt('/measures/report/2025');
    expect(await screen.findByText('No lessons were recorded in 2025-26.')).toBeInTheDocument();
    expect(
      screen.getByText('No “You said, we did” entries were recorded for 2025-26.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No complaints were handled under a policy in 2025-26.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('CH01 stage 1 complaints per 1,000 homes').closest('tr'),
    ).toHaveTextContent('Homes not entered');
  });

  it("downloads the PDF with the session's token", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() }),
    );
    const api = fakeApi(
      { AnnualReport: () => ({ annualReport: REPORT_2026 }) },
      { '/reports/annual/2026.pdf': { body: '%PDF-1.7', type: 'application/pdf' } },
    );
    renderAt('/measures/report/2026');
    await user.click(await screen.findByText('Download PDF'));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(api.files).toEqual([
      { path: '/reports/annual/2026.pdf', authorization: 'Bearer token-of-the-session' },
    ]);
  });
});
