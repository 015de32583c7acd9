// Sign-in through an identity provider, end to end: a real OpenID provider (oidc-provider) on a
// free port, the real API, and a "browser" that follows the provider's redirects with fetch,
// carrying each site's cookies, until the provider sends it back to the console's callback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { ANONYMOUS_HEADERS, gql, gqlData, type GraphQLErrorBody } from '../test/graphql-client.js';
import type { OidcSettings } from './oidc-settings.js';
import { systemPrincipal } from './principal.js';

/** The console's callback page: registered with the provider, never served in this test. */
const REDIRECT_URI = 'http://127.0.0.1:5173/sign-in/callback';
const CONFIDENTIAL = { id: 'redress', secret: 'a client secret only the API knows' };
const PUBLIC_CLIENT = 'redress-public';

interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

/** The people the provider knows, by subject; a test changes them between sign-ins. */
const accounts = new Map<string, TestAccount>();
/** Who the provider's sign-in page signs the next browser in as. */
let signingInAs = '';

interface TestProvider {
  readonly issuer: string;
  stop(): Promise<void>;
}

/**
 * oidc-provider with its sign-in and consent pages replaced by one that signs the browser in as
 * `signingInAs` and grants what was asked: the redirects, cookies, codes, PKCE and tokens are the
 * provider's own.
 */
async function startProvider(): Promise<TestProvider> {
  // The issuer names the port, so the provider is made once the server listens.
  const made: { provider?: Provider } = {};
  const http: Server = createServer((req, res) => {
    const current = made.provider;
    if (!current) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const details = await current.interactionDetails(req, res);
        const grant = new current.Grant({
          accountId: signingInAs,
          clientId: String(details.params.client_id),
        });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await current.interactionFinished(
          req,
          res,
          { login: { accountId: signingInAs }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    current.callback()(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  made.provider = new Provider(issuer, {
    clients: [
      {
        client_id: CONFIDENTIAL.id,
        client_secret: CONFIDENTIAL.secret,
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: PUBLIC_CLIENT,
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
      },
    ],
    findAccount: async (_ctx: unknown, id: string): Promise<Account | undefined> => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['a cookie key for the test provider'] },
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** A browser's cookies for one site: what Set-Cookie gave, sent back on every request. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Follows redirects as a browser would, until the provider sends it to the console. */
async function followToCallback(start: string): Promise<URL> {
  const jar = new CookieJar();
  let next = new URL(start);
  for (let hop = 0; hop < 12; hop += 1) {
    if (next.href.startsWith(REDIRECT_URI)) return next;
    const response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (location === null) {
      throw new Error(`HTTP ${response.status} at ${next.href}: ${await response.text()}`);
    }
    next = new URL(location, next);
  }
  throw new Error(`The provider never sent the browser back to ${REDIRECT_URI}`);
}

interface SignInPayload {
  accessToken: string;
  user: { id: string; email: string; name: string; role: string | null };
}

interface Answer<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly GraphQLErrorBody[];
  readonly cookies: readonly string[];
}

/** A call from the console: no access token, the API's cookies carried as the browser would. */
async function fromConsole<T>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  cookie = '',
): Promise<Answer<T>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
  return { status: response.status, ...body, cookies: response.headers.getSetCookie() };
}

const START = 'mutation { startOidcSignIn { url expiresAt } }';
const COMPLETE = `mutation ($state: String!, $code: String!, $iss: String) {
  completeOidcSignIn(state: $state, code: $code, iss: $iss) {
    accessToken user { id email name role }
  }
}`;

interface Begun {
  readonly url: URL;
  /** The API's cookie tying the sign-in to this browser, as a Cookie header. */
  readonly cookie: string;
}

async function begin(server: TestServer): Promise<Begun> {
  const answer = await fromConsole<{ startOidcSignIn: { url: string } }>(server, START, {});
  expect(answer.errors).toBeUndefined();
  const binding = answer.cookies.find((line) => line.startsWith('redress_oidc='));
  expect(binding).toMatch(/HttpOnly; Secure; SameSite=Strict/);
  return {
    url: new URL(answer.data?.startOidcSignIn.url ?? ''),
    cookie: binding?.split(';')[0] ?? '',
  };
}

/** The provider's answer on the redirect URI, as the console would pass it on. */
function callbackParams(callback: URL): { state: string; code: string; iss?: string } {
  const { searchParams } = callback;
  return {
    state: searchParams.get('state') ?? '',
    code: searchParams.get('code') ?? '',
    ...(searchParams.has('iss') ? { iss: searchParams.get('iss') ?? '' } : {}),
  };
}

async function complete(
  server: TestServer,
  params: { readonly state: string; readonly code: string; readonly iss?: string },
  cookie: string,
): Promise<Answer<{ completeOidcSignIn: SignInPayload }>> {
  return fromConsole(server, COMPLETE, params, cookie);
}

/** The whole journey: begin, the provider's pages as `subject`, the callback. */
async function signInAs(server: TestServer, subject: string) {
  signingInAs = subject;
  const begun = await begin(server);
  const callback = await followToCallback(begun.url.href);
  const params = callbackParams(callback);
  return { ...(await complete(server, params, begun.cookie)), params, cookie: begun.cookie };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function lastFailure(server: TestServer) {
  const failures = await server.services.securityLog.find(systemPrincipal('test'), {
    kinds: ['sign-in-failed'],
    limit: 100,
  });
  // The newest by id, counted as a number (the log's own order is not relied on here).
  const newest = failures.reduce<(typeof failures)[number] | undefined>(
    (best, event) => (best === undefined || BigInt(event.id) > BigInt(best.id) ? event : best),
    undefined,
  );
  return newest?.detail;
}

function settings(issuer: string, extra: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer,
    clientId: CONFIDENTIAL.id,
    clientSecret: CONFIDENTIAL.secret,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'email', 'profile'],
    roleGroups: new Map(),
    allowInsecureRequests: true,
    ...extra,
  };
}

let provider: TestProvider;

beforeAll(async () => {
  provider = await startProvider();
});

afterAll(async () => {
  await provider?.stop();
});

beforeEach(() => {
  accounts.clear();
  accounts.set('alice-sub', {
    email: 'Alice.Ng@landlord.example',
    email_verified: true,
    name: 'Alice Ng',
  });
  accounts.set('bob-sub', {
    email: 'bob@landlord.example',
    email_verified: false,
    name: 'Bob Ray',
  });
  accounts.set('carol-sub', {
    email: 'carol@landlord.example',
    email_verified: true,
    name: 'Carol Oduya',
  });
});

describe('signing in through the identity provider (roles given in Redress)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ oidc: settings(provider.issuer) });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { url } = await begin(server);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(CONFIDENTIAL.id);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
  });

  it('creates the user on first sign-in with no role: me works, complaints is FORBIDDEN', async () => {
    const first = await signInAs(server, 'alice-sub');
    expect(first.errors).toBeUndefined();
    const payload = first.data?.completeOidcSignIn;
    expect(payload?.user).toMatchObject({
      email: 'alice.ng@landlord.example',
      name: 'Alice Ng',
      role: null,
    });
    expect(first.cookies.some((line) => line.startsWith('redress_refresh='))).toBe(true);
    // The binding is spent with the sign-in.
    expect(first.cookies).toContainEqual(expect.stringMatching(/^redress_oidc=;.*Max-Age=0/));

    const headers = bearer(payload?.accessToken ?? '');
    const me = await gqlData<{ me: { email: string; role: string | null } }>(
      server.url,
      '{ me { email role } }',
      {},
      headers,
    );
    expect(me.me).toEqual({ email: 'alice.ng@landlord.example', role: null });
    const complaints = await gql(server.url, '{ complaints { totalCount } }', {}, headers);
    expect(complaints.status).toBe(403);
    expect(complaints.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const stored = await server.services.users.findByEmail('alice.ng@landlord.example');
    expect(stored?.oidcSubject).toBe('alice-sub');
    expect(stored?.hasPassword).toBe(false);
    const [signIn] = await server.services.securityLog.find(systemPrincipal('test'), {
      kinds: ['sign-in'],
      involving: stored?.id ?? '',
      limit: 1,
    });
    expect(signIn?.detail).toEqual({ method: 'oidc' });
  });

  it('gives the next sign-in the role an admin has given since', async () => {
    const user = await server.services.users.findByEmail('alice.ng@landlord.example');
    await gqlData(
      server.url,
      'mutation ($id: ID!) { updateUser(id: $id, input: { role: HANDLER }) { role } }',
      { id: user?.id },
    );
    const again = await signInAs(server, 'alice-sub');
    expect(again.data?.completeOidcSignIn.user).toMatchObject({ id: user?.id, role: 'HANDLER' });
    const complaints = await gql(
      server.url,
      '{ complaints { totalCount } }',
      {},
      bearer(again.data?.completeOidcSignIn.accessToken ?? ''),
    );
    expect(complaints.errors).toBeUndefined();
  });

  it('refuses a replayed state and code as UNAUTHENTICATED', async () => {
    const used = await signInAs(server, 'alice-sub');
    expect(used.errors).toBeUndefined();
    const replay = await complete(server, used.params, used.cookie);
    expect(replay.status).toBe(401);
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(replay.data).toBeNull();
    expect(await lastFailure(server)).toMatchObject({
      method: 'oidc',
      reason: 'unknown-or-used-state',
    });
  });

  it('refuses a state it never made', async () => {
    signingInAs = 'alice-sub';
    const begun = await begin(server);
    const params = callbackParams(await followToCallback(begun.url.href));
    const forged = await complete(server, { ...params, state: 'a'.repeat(43) }, begun.cookie);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a code presented with another sign-in's state: the PKCE verifier does not match", async () => {
    signingInAs = 'alice-sub';
    const mine = await begin(server);
    const other = await begin(server);
    const myCallback = callbackParams(await followToCallback(mine.url.href));
    const otherCallback = callbackParams(await followToCallback(other.url.href));
    const crossed = await complete(
      server,
      { ...myCallback, state: otherCallback.state },
      other.cookie,
    );
    expect(crossed.status).toBe(401);
    expect(crossed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await lastFailure(server)).toMatchObject({ method: 'oidc', reason: 'provider-refused' });
  });

  it('refuses a callback from a browser that did not begin the sign-in', async () => {
    signingInAs = 'alice-sub';
    const begun = await begin(server);
    const params = callbackParams(await followToCallback(begun.url.href));
    const elsewhere = await complete(server, params, '');
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await lastFailure(server)).toMatchObject({ method: 'oidc', reason: 'other-browser' });
  });

  it('refuses an email address the provider has not verified, and creates no user', async () => {
    const refused = await signInAs(server, 'bob-sub');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.services.users.findByEmail('bob@landlord.example')).toBeNull();
    expect(await lastFailure(server)).toMatchObject({
      method: 'oidc',
      reason: 'email-not-verified',
    });
  });

  it('refuses a deactivated user', async () => {
    const first = await signInAs(server, 'carol-sub');
    const id = first.data?.completeOidcSignIn.user.id;
    await gqlData(server.url, 'mutation ($id: ID!) { deactivateUser(id: $id) { active } }', { id });
    const refused = await signInAs(server, 'carol-sub');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await lastFailure(server)).toMatchObject({ method: 'oidc', reason: 'inactive' });
  });

  it('refuses an account whose address now belongs to another identity at the provider', async () => {
    accounts.set('alice-impostor-sub', {
      email: 'alice.ng@landlord.example',
      email_verified: true,
      name: 'Not Alice',
    });
    const refused = await signInAs(server, 'alice-impostor-sub');
    expect(refused.status).toBe(401);
    expect(await lastFailure(server)).toMatchObject({ method: 'oidc', reason: 'subject-mismatch' });
  });

  it('is public: no access token is needed to begin or complete', async () => {
    const answer = await gql(server.url, START, {}, ANONYMOUS_HEADERS);
    expect(answer.errors).toBeUndefined();
  });
});

describe('signing in through the identity provider (roles from the groups claim, public client)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      oidc: settings(provider.issuer, {
        clientId: PUBLIC_CLIENT,
        clientSecret: undefined,
        scopes: ['openid', 'email', 'profile', 'groups'],
        groupsClaim: 'groups',
        roleGroups: new Map([
          ['redress-admins', 'ADMIN'],
          ['redress-handlers', 'HANDLER'],
        ]),
      }),
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('gives the role the groups map to, and follows the groups at each sign-in', async () => {
    accounts.set('dana-sub', {
      email: 'dana@landlord.example',
      email_verified: true,
      name: 'Dana Kay',
      groups: ['everyone', 'redress-handlers'],
    });
    const first = await signInAs(server, 'dana-sub');
    expect(first.errors).toBeUndefined();
    expect(first.data?.completeOidcSignIn.user.role).toBe('HANDLER');
    const complaints = await gql(
      server.url,
      '{ complaints { totalCount } }',
      {},
      bearer(first.data?.completeOidcSignIn.accessToken ?? ''),
    );
    expect(complaints.errors).toBeUndefined();

    accounts.set('dana-sub', {
      ...(accounts.get('dana-sub') as TestAccount),
      groups: ['redress-handlers', 'redress-admins'],
    });
    const promoted = await signInAs(server, 'dana-sub');
    expect(promoted.data?.completeOidcSignIn.user.role).toBe('ADMIN');

    accounts.set('dana-sub', {
      ...(accounts.get('dana-sub') as TestAccount),
      groups: ['everyone'],
    });
    const demoted = await signInAs(server, 'dana-sub');
    expect(demoted.data?.completeOidcSignIn.user.role).toBeNull();
  });
});
