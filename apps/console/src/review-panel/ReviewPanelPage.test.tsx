// The review panel's page through the console's GraphQL client, with fetch doubled at the
// network edge: the panel listed with each member's consent, a resident added, consent
// withdrawn, and the page refused to someone who does not keep the panel.
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { MemoryRouter, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../shared/access-token';
import { todayInLondon } from '../shared/format';
import { reviewPanelRoute } from './index';
import './ReviewPanelPage';
import type { PanelMember } from './review-panel.query';

configure({ asyncUtilTimeout: 10_000 });

const MORGAN: PanelMember = {
  id: 'member-1',
  name: 'Morgan Lee',
  addressLines: '40 Oak Avenue',
  postcode: 'LS6 3CD',
  consentGivenOn: '2026-01-15',
  consentWithdrawnOn: null,
  available: true,
  conflictsDeclared: 'Chair of the Oak Avenue residents’ group',
};

let members: PanelMember[];
let sent: { operation: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  members = [MORGAN];
  sent = [];
  setAccessToken('token-of-the-session');
  vi.stubGlobal('fetch', async (_input: string, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    sent.push({ operation, variables: body.variables });
    if (operation === 'ReviewPanel')
      return Response.json({ data: { reviewPanelMembers: members } });
    if (operation === 'AddReviewPanelMember') {
      const input = body.variables.input as Partial<PanelMember>;
      const added = { ...MORGAN, ...input, id: 'member-2', available: false } as PanelMember;
      members = [...members, added];
      return Response.json({ data: { addReviewPanelMember: added } });
    }
    const changes = body.variables.changes as { consentWithdrawnOn: string };
    members = members.map((m) =>
      m.id === body.variables.id
        ? { ...m, consentWithdrawnOn: changes.consentWithdrawnOn, available: false }
        : m,
    );
    return Response.json({ data: { updateReviewPanelMember: members[0] } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(permissions: readonly string[] = ['self', 'panel:manage']) {
  const auth: AuthProvider = {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve([...permissions]),
  };
  render(
    <MemoryRouter initialEntries={['/review-panel']}>
      <AdminContext dataProvider={{} as DataProvider} authProvider={auth}>
        <Routes>{reviewPanelRoute}</Routes>
      </AdminContext>
    </MemoryRouter>,
  );
}

describe('the review panel page', () => {
  it('lists the panel with each member’s home, consent and declared conflicts', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'The review panel' });
    const row = within(table).getByRole('row', { name: /Morgan Lee/ });
    expect(row).toHaveTextContent('40 Oak Avenue, LS6 3CD');
    expect(row).toHaveTextContent('Given Thu 15 Jan 2026');
    expect(row).toHaveTextContent('Chair of the Oak Avenue residents’ group');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The stage 2 review panel');
  });

  it('adds a resident, sending what was typed and empty fields as null', async () => {
    renderPage();
    await screen.findByRole('table', { name: 'The review panel' });
    const user = userEvent.setup({ delay: null });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: ' Jo Hart ' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Address/ }), {
      target: { value: '3 Ash Grove' },
    });
    await user.click(screen.getByRole('button', { name: 'Add to the panel' }));
    await waitFor(() =>
      expect(sent.find((s) => s.operation === 'AddReviewPanelMember')?.variables).toEqual({
        input: {
          name: 'Jo Hart',
          addressLines: '3 Ash Grove',
          postcode: null,
          consentGivenOn: null,
          conflictsDeclared: null,
        },
      }),
    );
    const table = await screen.findByRole('table', { name: 'The review panel' });
    await within(table).findByRole('row', { name: /Jo Hart/ });
  });

  it('withdraws a member’s consent today, and offers it no more', async () => {
    renderPage();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Withdraw consent of Morgan Lee' }));
    await waitFor(() =>
      expect(sent.find((s) => s.operation === 'UpdateReviewPanelMember')?.variables).toEqual({
        id: 'member-1',
        changes: { consentWithdrawnOn: todayInLondon() },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Withdraw consent/ })).toBeNull(),
    );
    expect(screen.getByRole('row', { name: /Morgan Lee/ })).toHaveTextContent('Withdrawn');
  });

  it('says what is needed to anyone who does not keep the panel, and reads nothing', async () => {
    renderPage(['self', 'complaints:write']);
    expect(await screen.findByText(/does not allow you to keep the review panel/)).toBeVisible();
    expect(sent).toEqual([]);
  });
});
