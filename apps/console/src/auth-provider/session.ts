import { permissionsOfRole, type Role } from '@redress/domain';
import { HttpError } from 'react-admin';
import { getAccessToken, setAccessToken, setTokenRenewer } from '../shared/access-token';
import { graphqlRequest } from '../shared/graphql-client';

/** Who is signed in, as `me` answers it. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
  role: Role | null;
  teamIds: string[];
}

const USER_FIELDS = 'id name email role teamIds';
const PAYLOAD = `accessToken expiresAt sessionExpiresAt user { ${USER_FIELDS} }`;

export const SIGN_IN = `mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${PAYLOAD} } }`;
export const REFRESH = `mutation RefreshSession { refreshSession { ${PAYLOAD} } }`;
export const SIGN_OUT = 'mutation SignOut { signOut }';
export const ME = `query Me { me { ${USER_FIELDS} } }`;
export const OIDC_AVAILABLE = 'query OidcSignInAvailable { oidcSignInAvailable }';
export const START_OIDC = 'mutation StartOidcSignIn { startOidcSignIn { url expiresAt } }';
export const COMPLETE_OIDC = `mutation CompleteOidcSignIn($code: String!, $state: String!, $iss: String) { completeOidcSignIn(code: $code, state: $state, iss: $iss) { ${PAYLOAD} } }`;

interface Payload {
  accessToken: string;
  expiresAt: string;
  sessionExpiresAt: string;
  user: SignedInUser;
}

/** Renew this long before the access token expires, so a request never meets an expired one. */
const RENEW_EARLY_MS = 60_000;

let user: SignedInUser | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function clearTimer() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

function start(payload: Payload, now = Date.now()): SignedInUser {
  setAccessToken(payload.accessToken);
  user = payload.user;
  clearTimer();
  const wait = new Date(payload.expiresAt).getTime() - now - RENEW_EARLY_MS;
  if (Number.isFinite(wait)) {
    timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(5_000, wait));
  }
  return payload.user;
}

/** Forgets the session in this page (the token, who it was, the renewal). */
export function endLocally(): void {
  clearTimer();
  setAccessToken(undefined);
  user = undefined;
}

export async function signIn(email: string, password: string): Promise<SignedInUser> {
  const data = await graphqlRequest<{ signIn: Payload }>(
    SIGN_IN,
    { email, password },
    { anonymous: true },
  );
  return start(data.signIn);
}

let refreshing: Promise<SignedInUser | undefined> | undefined;

/**
 * A new access token from the refresh cookie (HttpOnly: the page never sees it), so a session
 * survives a reload. Answers undefined when there is no session to refresh. Each refresh token
 * works once, so concurrent callers share one request.
 */
export function refresh(): Promise<SignedInUser | undefined> {
  refreshing ??= graphqlRequest<{ refreshSession: Payload }>(REFRESH, {}, { anonymous: true })
    .then((data) => start(data.refreshSession))
    .catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 401) {
        endLocally();
        return undefined;
      }
      throw error;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

// A request meeting an expired token renews it through the refresh cookie, once, and goes on.
setTokenRenewer(async () => {
  const renewed = await refresh().catch(() => undefined);
  return renewed ? getAccessToken() : undefined;
});

export async function signOut(): Promise<void> {
  try {
    // With no token there is no session here to end (react-admin also signs out after a failed
    // check on the sign-in page).
    if (getAccessToken()) await graphqlRequest(SIGN_OUT);
  } catch {
    // Signed out here whatever the API says: an expired session has nothing left to end.
  } finally {
    endLocally();
  }
}

export function currentUser(): SignedInUser | undefined {
  return user;
}

export async function loadMe(): Promise<SignedInUser> {
  const data = await graphqlRequest<{ me: SignedInUser }>(ME);
  user = data.me;
  return data.me;
}

/** What the user may do: the role's permissions, as the API grants them (packages/domain). */
export function permissionsOf(signedIn: SignedInUser | undefined): string[] {
  if (!signedIn) return [];
  return [...permissionsOfRole(signedIn.role ?? null)];
}

/** Whether the API offers sign-in through the organisation's identity provider. */
export async function oidcAvailable(): Promise<boolean> {
  try {
    const data = await graphqlRequest<{ oidcSignInAvailable: boolean }>(
      OIDC_AVAILABLE,
      {},
      { anonymous: true },
    );
    return data.oidcSignInAvailable === true;
  } catch {
    return false;
  }
}

/** Sends the browser to the identity provider. */
export async function startOidc(
  assign: (url: string) => void = (url) => window.location.assign(url),
) {
  const data = await graphqlRequest<{ startOidcSignIn: { url: string } }>(
    START_OIDC,
    {},
    { anonymous: true },
  );
  assign(data.startOidcSignIn.url);
}

/** The console's callback page the provider returns to (docs/operations.md). */
export const OIDC_CALLBACK_PATH = '/sign-in/callback';

/** Completes an identity provider's sign-in from the callback URL's code and state. */
export async function completeOidc(search: string): Promise<SignedInUser> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const state = params.get('state');
  if (!code || !state) {
    throw new HttpError(
      params.get('error_description') ??
        'The identity provider sent you back without signing you in: try again.',
      401,
      { code: 'OIDC_CALLBACK_INCOMPLETE', graphQLErrors: [] },
    );
  }
  const data = await graphqlRequest<{ completeOidcSignIn: Payload }>(
    COMPLETE_OIDC,
    { code, state, iss: params.get('iss') },
    { anonymous: true },
  );
  return start(data.completeOidcSignIn);
}
