// The case page's case file for the Ombudsman: offered to those who may read personal data,
// fetched with the session's token and saved; left out for anyone else.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, usePermissions, type AuthProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../../shared/access-token';
import { CaseFilePanel } from './CaseFilePanel';
import type { ComplaintPage } from './complaint-query';

const COMPLAINT = { id: 'c-1', reference: 'CMP-2026-000042' } as ComplaintPage;

let fetched: { url: string; authorization: string | undefined }[];

beforeEach(() => {
  fetched = [];
  setAccessToken('token-of-the-session');
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() }),
  );
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    fetched.push({ url, authorization: headers.authorization });
    return new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Says when the permissions have been read, so that a test can wait for the panel's decision. */
const PermissionsRead = () => (usePermissions().isPending ? null : <p>Permissions read</p>);

function renderPanel(permissions: readonly string[]) {
  const auth: AuthProvider = {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve([...permissions]),
  };
  render(
    <AdminContext authProvider={auth}>
      <PermissionsRead />
      <CaseFilePanel complaint={COMPLAINT} />
    </AdminContext>,
  );
}

describe('the case file for the Ombudsman', () => {
  it('downloads the case file with the session’s token', async () => {
    renderPanel(['complaints:read', 'complaints:personal']);
    const user = userEvent.setup({ delay: null });
    await user.click(
      await screen.findByRole('button', { name: 'Case file for the Ombudsman (PDF)' }),
    );
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(fetched).toEqual([
      { url: '/records/case-file/c-1.pdf', authorization: 'Bearer token-of-the-session' },
    ]);
  });

  it('is not offered to someone who may not read personal data', async () => {
    renderPanel(['complaints:read', 'measures:read']);
    await screen.findByText('Permissions read');
    expect(screen.queryByRole('button', { name: /Case file/ })).toBeNull();
  });
});
