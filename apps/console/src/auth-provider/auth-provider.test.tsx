import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAccessToken } from '../shared/access-token';
import { authProvider } from './index';
import { LoginPage } from './LoginPage';
import { endLocally } from './session';

type Handler = (
  body: { query: string; variables: Record<string, unknown> },
  init: RequestInit,
) => unknown;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch answering each operation by the first word of its name, recording what was sent. */
function api(handlers: Record<string, Handler>) {
  const sent: { operation: string; authorization?: string; variables: Record<string, unknown> }[] =
    [];
  const fetchStub = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const operation = /^(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const headers = init.headers as Record<string, string>;
    sent.push({ operation, authorization: headers.authorization, variables: body.variables });
    const handler = handlers[operation];
    if (!handler)
      return json({ errors: [{ message: `unexpected ${operation}`, extensions: { code: 'X' } }] });
    const answer = handler(body, init);
    return answer instanceof Response ? answer : json(answer);
  });
  vi.stubGlobal('fetch', fetchStub);
  return sent;
}

const user = {
  id: 'u1',
  name: 'Priya Shah',
  email: 'priya@example.org',
  role: 'HANDLER',
  teamIds: ['t1'],
};
const payload = (token: string) => ({
  accessToken: token,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  sessionExpiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
  user,
});
const unauthenticated = () =>
  json(
    {
      data: null,
      errors: [
        {
          message: 'There is no session to refresh: sign in.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    },
    401,
  );

afterEach(() => {
  endLocally();
  vi.unstubAllGlobals();
});

describe('authProvider', () => {
  it('signs in with email and password, keeping the token in memory for later requests', async () => {
    const sent = api({
      SignIn: () => ({ data: { signIn: payload('tok-1') } }),
      Me: () => ({ data: { me: user } }),
    });
    await authProvider.login({ email: ' priya@example.org ', password: 'correct horse' });
    expect(sent[0]).toMatchObject({
      operation: 'SignIn',
      authorization: undefined,
      variables: { email: 'priya@example.org', password: 'correct horse' },
    });
    expect(getAccessToken()).toBe('tok-1');
    expect(window.localStorage.length).toBe(0);
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(await authProvider.getIdentity!()).toEqual({
      id: 'u1',
      fullName: 'Priya Shah',
      email: 'priya@example.org',
      role: 'HANDLER',
      teamIds: ['t1'],
    });
  });

  it('refuses a sign-in without a password before asking the API', async () => {
    const sent = api({});
    await expect(authProvider.login({ email: 'a@b.org', password: '' })).rejects.toMatchObject({
      status: 400,
      body: { errors: { password: 'Enter your password.' } },
    });
    expect(sent).toHaveLength(0);
  });

  it('shows the API’s refusal of a wrong password', async () => {
    api({
      SignIn: () => ({
        data: null,
        errors: [
          {
            message: 'That email address and password do not match.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      }),
    });
    await expect(authProvider.login({ email: 'a@b.org', password: 'nope' })).rejects.toMatchObject({
      status: 401,
      message: 'That email address and password do not match.',
    });
    expect(getAccessToken()).toBeUndefined();
  });

  it('after a reload, renews the session from the refresh cookie', async () => {
    const sent = api({ RefreshSession: () => ({ data: { refreshSession: payload('tok-2') } }) });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(sent.map((s) => s.operation)).toEqual(['RefreshSession']);
    expect(getAccessToken()).toBe('tok-2');
  });

  it('after a reload, permissions asked for with checkAuth share one renewal', async () => {
    const sent = api({ RefreshSession: () => ({ data: { refreshSession: payload('tok-5') } }) });
    const [, permissions] = await Promise.all([
      authProvider.checkAuth({}),
      authProvider.getPermissions!({}) as Promise<string[]>,
    ]);
    expect(permissions).toContain('complaints:write');
    expect(sent.map((s) => s.operation)).toEqual(['RefreshSession']);
  });

  it('with no session to renew, sends one to sign in', async () => {
    api({ RefreshSession: unauthenticated });
    await expect(authProvider.checkAuth({})).rejects.toThrow('Sign in to continue.');
    expect(getAccessToken()).toBeUndefined();
  });

  it('a 401 mid-work ends the session here; a 403 does not', async () => {
    api({ SignIn: () => ({ data: { signIn: payload('tok-3') } }) });
    await authProvider.login({ email: 'a@b.org', password: 'pw' });
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(getAccessToken()).toBe('tok-3');
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow(/sign in again/);
    expect(getAccessToken()).toBeUndefined();
  });

  it('permissions come from the role, as the API grants them', async () => {
    api({ SignIn: () => ({ data: { signIn: payload('tok-4') } }) });
    await authProvider.login({ email: 'a@b.org', password: 'pw' });
    const permissions = (await authProvider.getPermissions!({})) as string[];
    expect(permissions).toContain('complaints:write');
    expect(permissions).not.toContain('users:manage');
    expect(permissions).not.toContain('audit:read');
  });

  it('signs out at the API and forgets the token', async () => {
    const sent = api({
      SignIn: () => ({ data: { signIn: payload('tok-5') } }),
      SignOut: () => ({ data: { signOut: true } }),
    });
    await authProvider.login({ email: 'a@b.org', password: 'pw' });
    await authProvider.logout({});
    expect(sent.at(-1)).toMatchObject({ operation: 'SignOut', authorization: 'Bearer tok-5' });
    expect(getAccessToken()).toBeUndefined();
  });

  it('completes a sign-in through the identity provider on its callback page', async () => {
    const sent = api({
      CompleteOidcSignIn: () => ({ data: { completeOidcSignIn: payload('tok-6') } }),
    });
    window.history.replaceState(
      null,
      '',
      '/sign-in/callback?code=c1&state=s1&iss=https%3A%2F%2Fidp',
    );
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(sent[0]).toMatchObject({
      operation: 'CompleteOidcSignIn',
      variables: { code: 'c1', state: 's1', iss: 'https://idp' },
    });
    expect(getAccessToken()).toBe('tok-6');
    expect(window.location.pathname).toBe('/');
  });
});

describe('LoginPage', () => {
  it('offers the organisation’s sign-in only when the API says it is set up', async () => {
    api({ OidcSignInAvailable: () => ({ data: { oidcSignInAvailable: true } }) });
    render(
      <AdminContext authProvider={authProvider}>
        <LoginPage />
      </AdminContext>,
    );
    expect(
      await screen.findByRole('button', { name: 'Sign in with your organisation' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('shows no organisation button when it is not, and shows a refused sign-in', async () => {
    api({
      OidcSignInAvailable: () => ({ data: { oidcSignInAvailable: false } }),
      SignIn: () => ({
        data: null,
        errors: [
          {
            message: 'That email address and password do not match.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      }),
    });
    render(
      <AdminContext authProvider={authProvider}>
        <LoginPage />
      </AdminContext>,
    );
    await userEvent.type(screen.getByLabelText(/Email address/), 'a@b.org');
    await userEvent.type(document.querySelector('input[name=password]')!, 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email address and password do not match.',
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Sign in with your organisation' })).toBeNull(),
    );
  });
});
