import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referencesOf } from './ImprovementsPage';
import type { Improvement } from './measures.types';
import { ADMIN, ANALYST, fakeApi, renderAt } from './measures-test-kit';

function improvementsApi() {
  const stored: Improvement[] = [
    {
      id: 'i-1',
      year: 2026,
      youSaid: 'Nobody told us when the repair was coming.',
      weDid: 'Text messages the day before every repair visit.',
      category: 'repairs',
      complaintReferences: ['CMP-2026-000012'],
      recordedAt: '2026-10-01T08:00:00Z',
    },
  ];
  return fakeApi({
    Improvements: ({ year }) => ({ improvements: stored.filter((i) => i.year === year) }),
    RecordImprovement: ({ input }) => {
      const entry = {
        ...(input as Omit<Improvement, 'id' | 'recordedAt'>),
        id: `i-${stored.length + 1}`,
        complaintReferences:
          (input as { complaintReferences: string[] | null }).complaintReferences ?? [],
        recordedAt: '2026-12-02T10:00:00Z',
      };
      stored.push(entry as Improvement);
      return { recordImprovement: entry };
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ImprovementsPage', { timeout: 60_000 }, () => {
  it("lists the year's entries and records a new one", async () => {
    const user = userEvent.setup();
    const api = improvementsApi();
    renderAt('/measures/improvements?year=2026', ADMIN);
    const row = (await screen.findByText('Nobody told us when the repair was coming.')).closest(
      'tr',
    )!;
    expect(row).toHaveTextContent(
      'Text messages the day before every repair visit.RepairsCMP-2026-000012Thu 1 Oct 2026',
    );
    // Pasted rather than typed: each key would redraw the form, slow in jsdom.
    const fill = async (field: HTMLElement, text: string) => {
      await user.click(field);
      await user.paste(text);
    };
    await fill(
      screen.getByLabelText(/^You said/, { selector: 'textarea' }),
      'The damp came back every winter.',
    );
    await fill(
      screen.getByLabelText(/^We did/, { selector: 'textarea' }),
      'Surveys of every home with damp reported.',
    );
    await fill(screen.getByLabelText('Complaint references'), 'cmp-2026-000040, CMP-2026-000041');
    await user.click(screen.getByText('Record the entry'));
    await waitFor(() =>
      expect(api.variablesOf('RecordImprovement')).toEqual([
        {
          input: {
            year: 2026,
            youSaid: 'The damp came back every winter.',
            weDid: 'Surveys of every home with damp reported.',
            category: null,
            complaintReferences: ['CMP-2026-000040', 'CMP-2026-000041'],
          },
        },
      ]),
    );
    expect(await screen.findByText('The damp came back every winter.')).toBeInTheDocument();
  });

  it('says when a year has none, and shows no form to an analyst', async () => {
    improvementsApi();
    renderAt('/measures/improvements?year=2025', ANALYST);
    expect(
      await screen.findByText('No “You said, we did” entries for 2025-26 yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Record the entry')).not.toBeInTheDocument();
  });

  it('reads references separated by commas, spaces or semicolons', () => {
    expect(referencesOf(' cmp-1; CMP-2  CMP-3,')).toEqual(['CMP-1', 'CMP-2', 'CMP-3']);
    expect(referencesOf('  ')).toBeNull();
  });
});
