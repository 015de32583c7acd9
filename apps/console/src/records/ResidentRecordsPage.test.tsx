// The residents' records page through the console's GraphQL client and file transfer, with fetch
// doubled at the network edge: a person found by their details, their cases listed, everything
// held downloaded with the details in the body (never the URL), nobody found said in words, an
// API refusal shown, and the page refused to someone without records:manage.
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { MemoryRouter, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../shared/access-token';
import { recordsRoute } from './index';
import './ResidentRecordsPage';
import type { PersonCase } from './records.query';

configure({ asyncUtilTimeout: 10_000 });

const CASE: PersonCase = {
  id: 'case-1',
  reference: 'CMP-2026-000042',
  receivedAt: '2026-11-06T10:00:00Z',
  status: 'ACKNOWLEDGED',
  statusLabel: 'Acknowledged',
  closedAt: null,
  anonymisedAt: null,
};

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

let cases: PersonCase[];
let sent: Sent[];
let refuseExport: boolean;

beforeEach(() => {
  cases = [CASE];
  sent = [];
  refuseExport = false;
  setAccessToken('token-of-the-session');
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() }),
  );
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = JSON.parse(String(init.body)) as unknown;
    sent.push({
      url: input,
      method: init.method ?? 'GET',
      authorization: headers.authorization,
      body,
    });
    if (input.startsWith('/records/')) {
      if (refuseExport) {
        return Response.json(
          { errors: [{ message: 'You may not do this.', extensions: { code: 'FORBIDDEN' } }] },
          { status: 403 },
        );
      }
      return new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } });
    }
    const { query } = body as { query: string };
    if (query.includes('anonymiseResident')) {
      const done = cases.map(({ id, reference }) => ({ id, reference }));
      cases = [];
      return Response.json({
        data: {
          anonymiseResident: {
            complaints: done,
            alreadyAnonymised: 0,
            letters: 1,
            notes: 0,
            attachments: 2,
          },
        },
      });
    }
    return Response.json({ data: { casesOfPerson: cases } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(permissions: readonly string[] = ['self', 'records:manage']) {
  const auth: AuthProvider = {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve([...permissions]),
  };
  render(
    <MemoryRouter initialEntries={['/records']}>
      <AdminContext dataProvider={{} as DataProvider} authProvider={auth}>
        <Routes>{recordsRoute}</Routes>
      </AdminContext>
    </MemoryRouter>,
  );
}

async function find(details: Record<string, string>) {
  const user = userEvent.setup({ delay: null });
  for (const [label, value] of Object.entries(details)) {
    fireEvent.change(await screen.findByRole('textbox', { name: label }), {
      target: { value },
    });
  }
  await user.click(screen.getByRole('button', { name: 'Find their cases' }));
  return user;
}

describe("the residents' records page", () => {
  it('finds a person’s cases by the details given, and lists them', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      "Residents' records",
    );
    expect(screen.getByRole('button', { name: 'Find their cases' })).toBeDisabled();
    await find({ Email: ' sam@example.org ', Phone: '07700 900456' });
    const table = await screen.findByRole('table', { name: 'Cases held for this person' });
    const row = within(table).getByRole('row', { name: /CMP-2026-000042/ });
    expect(row).toHaveTextContent('Acknowledged');
    expect(row).toHaveTextContent('6 Nov 2026');
    expect(sent[0]?.url).toBe('/graphql');
    expect(sent[0]?.body).toMatchObject({
      variables: { person: { email: 'sam@example.org', phone: '07700 900456' } },
    });
  });

  it('downloads everything held as a PDF and as JSON, the details in the body', async () => {
    renderPage();
    const user = await find({ Name: 'Sam Okafor', Address: '4 Mill Lane' });
    await user.click(await screen.findByRole('button', { name: 'Download everything held (PDF)' }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Download everything held (JSON)' }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalledTimes(2));
    const exports = sent.filter((s) => s.url.startsWith('/records/'));
    expect(exports).toEqual([
      {
        url: '/records/subject-access?format=pdf',
        method: 'POST',
        authorization: 'Bearer token-of-the-session',
        body: { name: 'Sam Okafor', address: '4 Mill Lane' },
      },
      {
        url: '/records/subject-access?format=json',
        method: 'POST',
        authorization: 'Bearer token-of-the-session',
        body: { name: 'Sam Okafor', address: '4 Mill Lane' },
      },
    ]);
    expect(exports.some((s) => s.url.includes('Okafor'))).toBe(false);
  });

  it('says when nothing is held, and still offers the exports as an answer to send', async () => {
    cases = [];
    renderPage();
    await find({ Email: 'nobody@example.org' });
    expect(await screen.findByText(/No case is held for this person/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Download everything held (PDF)' })).toBeEnabled();
  });

  it('shows the API’s refusal beside the buttons', async () => {
    refuseExport = true;
    renderPage();
    const user = await find({ Email: 'sam@example.org' });
    await user.click(await screen.findByRole('button', { name: 'Download everything held (PDF)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You may not do this.');
  });

  it('waits for every case to end before it offers to anonymise', async () => {
    renderPage();
    await find({ Email: 'sam@example.org' });
    expect(await screen.findByText(/CMP-2026-000042 is open/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Anonymise this resident…' })).toBeDisabled();
  });

  it('anonymises the resident found, by the same details, once confirmed', async () => {
    cases = [
      { ...CASE, status: 'CLOSED', statusLabel: 'Closed', closedAt: '2026-11-20T10:00:00Z' },
    ];
    renderPage();
    const user = await find({ Email: 'sam@example.org' });
    await user.click(await screen.findByRole('button', { name: 'Anonymise this resident…' }));
    const dialog = screen.getByRole('dialog', { name: 'Anonymise this resident?' });
    expect(dialog).toHaveTextContent(/This cannot be undone/);
    await user.click(within(dialog).getByRole('button', { name: 'Anonymise' }));
    expect(
      await screen.findByText(
        'Anonymised 1 case (CMP-2026-000042): 1 letter, 0 notes and 2 attachments.',
      ),
    ).toBeVisible();
    const anonymise = sent.find((s) => JSON.stringify(s.body).includes('anonymiseResident'));
    expect(anonymise?.body).toMatchObject({ variables: { person: { email: 'sam@example.org' } } });
    // Found again by the same details: nothing is held now.
    expect(await screen.findByText(/No case is held for this person/)).toBeVisible();
  });

  it('says what is needed to anyone without records:manage, and reads nothing', async () => {
    renderPage(['self', 'complaints:personal']);
    expect(await screen.findByText(/does not allow you to read or export residents/)).toBeVisible();
    expect(sent).toEqual([]);
  });
});
