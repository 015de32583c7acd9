import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANALYST, fakeApi, renderAt } from './measures-test-kit';
import { SURVEY_CHUNK } from './SurveyImportPage';

const HEADER = 'respondent,tenure,answered_on,complained_in_last_12_months,complaint_handling';

function csvFile(lines: string[], name = 'survey.csv'): File {
  return new File([lines.join('\n')], name, { type: 'text/csv' });
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Survey CSV file'), { target: { files: [file] } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SurveyImportPage', { timeout: 60_000 }, () => {
  it('shows each row with its errors before sending, and sends nothing while any remain', async () => {
    const api = fakeApi({});
    renderAt('/measures/surveys', ANALYST);
    await screen.findByText('Import survey responses', { selector: 'h1' });
    choose(
      csvFile([HEADER, 'R-1,LCRA,2026-05-04,yes,Very satisfied', 'R-2,LCRA,2026-13-01,perhaps,']),
    );
    expect(
      await screen.findByText('2 rows, 1 with errors: correct the file and choose it again.'),
    ).toBeInTheDocument();
    const bad = screen.getByText('R-2').closest('tr')!;
    expect(bad).toHaveTextContent(
      'answered_on must be a date written YYYY-MM-DD; complained_in_last_12_months must be yes or no',
    );
    expect(screen.getByText(/^Record 2 responses/).closest('button')).toBeDisabled();
    expect(api.sent).toEqual([]);
  });

  it('sends a good file in chunks and says what was recorded', async () => {
    const user = userEvent.setup();
    const rows = Array.from(
      { length: SURVEY_CHUNK + 2 },
      (_, i) => `R-${i},LCHO,2026-06-01,${i % 2 ? 'yes' : 'no'},${i % 3 ? 'Fairly satisfied' : ''}`,
    );
    // The stand-in API has seen the first 10 rows before: those are unchanged.
    const api = fakeApi({
      RecordSurveyResponses: ({ responses }) => {
        const sent = responses as { respondent: string }[];
        const seen = sent.filter((r) => Number(r.respondent.slice(2)) < 10).length;
        return { recordSurveyResponses: { recorded: sent.length - seen, unchanged: seen } };
      },
    });
    renderAt('/measures/surveys', ANALYST);
    await screen.findByText('Import survey responses', { selector: 'h1' });
    choose(csvFile([HEADER, ...rows]));
    await screen.findByText('1,002 rows, none with errors.');
    await user.click(screen.getByText(/^Record 1,002 responses/));
    expect(await screen.findByText('992 recorded, 10 unchanged.')).toBeInTheDocument();
    const calls = api.variablesOf('RecordSurveyResponses');
    expect(calls.map((v) => (v.responses as unknown[]).length)).toEqual([SURVEY_CHUNK, 2]);
    expect((calls[0]!.responses as unknown[])[1]).toEqual({
      respondent: 'R-1',
      tenure: 'LCHO',
      answeredOn: '2026-06-01',
      complainedInLast12Months: true,
      complaintHandling: 'FAIRLY_SATISFIED',
    });
  });

  it("shows the API's refusal and what was recorded before it", async () => {
    const user = userEvent.setup();
    let call = 0;
    fakeApi({
      RecordSurveyResponses: ({ responses }) => {
        call += 1;
        if (call === 2) throw new Error('Row 0: answeredOn is in the future.');
        return {
          recordSurveyResponses: { recorded: (responses as unknown[]).length, unchanged: 0 },
        };
      },
    });
    renderAt('/measures/surveys', ANALYST);
    await screen.findByText('Import survey responses', { selector: 'h1' });
    const rows = Array.from({ length: SURVEY_CHUNK + 1 }, (_, i) => `R-${i},LCRA,2026-06-01,yes,`);
    choose(csvFile([HEADER, ...rows]));
    await user.click(await screen.findByText(/^Record 1,001 responses/));
    expect(
      await screen.findByText(
        /Row 0: answeredOn is in the future\. Before that: 1,000 recorded, 0 unchanged/,
      ),
    ).toBeInTheDocument();
  });

  it('lists at most 200 rows with errors, and says how many there are', async () => {
    fakeApi({});
    renderAt('/measures/surveys', ANALYST);
    await screen.findByText('Import survey responses', { selector: 'h1' });
    const rows = Array.from({ length: 250 }, (_, i) => `R-${i},LCRA,someday,yes,`);
    choose(csvFile([HEADER, ...rows]));
    expect(
      await screen.findByText('The first 200 rows with errors are shown, of 250.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Rows in the file').querySelectorAll('tbody tr')).toHaveLength(
      200,
    );
  });

  it('refuses a file without the columns', async () => {
    fakeApi({});
    renderAt('/measures/surveys', ANALYST);
    await screen.findByText('Import survey responses', { selector: 'h1' });
    choose(csvFile(['id,answer', '1,yes']));
    await waitFor(() =>
      expect(screen.getByText(/The file has no column respondent, tenure/)).toBeInTheDocument(),
    );
  });

  it('is not offered to someone without surveys:write', async () => {
    fakeApi({});
    renderAt('/measures/surveys', ['self', 'measures:read']);
    expect(
      await screen.findByText(/Your role does not allow you to import survey responses/),
    ).toBeInTheDocument();
  });
});
