import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Homes } from './measures.types';
import { ADMIN, ANALYST, fakeApi, renderAt } from './measures-test-kit';

function homesApi() {
  const stored: Homes[] = [
    { year: 2026, tenure: 'LCRA', homes: 12400, updatedAt: '2026-04-02T09:15:00Z' },
  ];
  const api = fakeApi({
    Homes: ({ year }) => ({ homes: stored.filter((h) => h.year === year) }),
    SetHomes: ({ year, tenure, homes }) => {
      if (Number(homes) > 10_000_000) throw new Error('homes: at most 10,000,000.');
      const row = {
        year: Number(year),
        tenure: String(tenure),
        homes: Number(homes),
        updatedAt: '2026-12-02T10:00:00Z',
      };
      stored.push(row);
      return { setHomes: row };
    },
  });
  return api;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('HomesPage', { timeout: 60_000 }, () => {
  it("shows the year's homes per tenure and lets an admin enter one", async () => {
    const user = userEvent.setup();
    const api = homesApi();
    renderAt('/measures/homes?year=2026', ADMIN);
    const lcra = (await screen.findByText('12,400')).closest('tr')!;
    expect(lcra).toHaveTextContent('Low-cost rental (LCRA)12,400Thu 2 Apr 2026, 10:15');
    expect(screen.getByText('Not entered').closest('tr')).toHaveTextContent(
      'Low-cost home ownership (LCHO)',
    );
    await user.type(screen.getByLabelText('Homes, Low-cost home ownership (LCHO)'), '1,850');
    await user.click(screen.getByLabelText('Save the homes, LCHO'));
    await waitFor(() =>
      expect(api.variablesOf('SetHomes')).toEqual([{ year: 2026, tenure: 'LCHO', homes: 1850 }]),
    );
    expect(await screen.findByText('1,850')).toBeInTheDocument();
  });

  it('checks the figure before sending it', async () => {
    const user = userEvent.setup();
    const api = homesApi();
    renderAt('/measures/homes?year=2026', ADMIN);
    await screen.findByText('12,400');
    const input = screen.getByLabelText('Homes, Low-cost home ownership (LCHO)');
    await user.type(input, 'about 2000');
    expect(input).toHaveAccessibleDescription('A whole number of homes, such as 12400');
    expect(screen.getByLabelText('Save the homes, LCHO')).toBeDisabled();
    expect(api.variablesOf('SetHomes')).toEqual([]);
  });

  it('shows an analyst the figures without the form', async () => {
    homesApi();
    renderAt('/measures/homes?year=2026', ANALYST);
    await screen.findByText('12,400');
    expect(screen.queryByLabelText('Homes, Low-cost rental (LCRA)')).not.toBeInTheDocument();
    expect(
      screen.queryByLabelText('Homes, Low-cost home ownership (LCHO)'),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Change', { selector: 'th' })).not.toBeInTheDocument();
  });
});
