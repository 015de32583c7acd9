import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { getAccessToken } from '../shared/access-token';
import {
  completeOidc,
  currentUser,
  endLocally,
  loadMe,
  OIDC_CALLBACK_PATH,
  permissionsOf,
  refresh,
  signIn,
  signOut,
  type SignedInUser,
} from './session';

export interface Identity extends UserIdentity {
  id: string;
  fullName: string;
  email: string | null;
  role: SignedInUser['role'];
  teamIds: string[];
}

const identityOf = (user: SignedInUser): Identity => ({
  id: user.id,
  fullName: user.name,
  email: user.email,
  role: user.role,
  teamIds: user.teamIds,
});

let callback: Promise<void> | undefined;

/**
 * The identity provider sends the browser back to /sign-in/callback with a code and a state:
 * the sign-in is completed there, once, and the address becomes the console's own again.
 */
function completeCallbackIfReturning(location: Location = window.location): Promise<void> {
  if (location.pathname !== OIDC_CALLBACK_PATH) return Promise.resolve();
  callback ??= completeOidc(location.search)
    .then(() => undefined)
    .finally(() => window.history.replaceState(null, '', '/#/'));
  return callback;
}

/**
 * Signing in, out and back: a password (signIn) or the organisation's identity provider, the
 * access token in memory and the session renewed from the API's HttpOnly refresh cookie, so a
 * reload keeps one signed in. A 401 mid-work ends the session here; react-admin then shows the
 * sign-in page and returns to the page one was on.
 */
export const authProvider: AuthProvider = {
  login: async (params: { email?: string; username?: string; password?: string }) => {
    const email = (params.email ?? params.username ?? '').trim();
    const password = params.password ?? '';
    if (!email || !password) {
      throw new HttpError('Enter your email address and password.', 400, {
        code: 'BAD_USER_INPUT',
        errors: {
          ...(email ? {} : { email: 'Enter your email address.' }),
          ...(password ? {} : { password: 'Enter your password.' }),
        },
        graphQLErrors: [],
      });
    }
    await signIn(email, password);
  },

  logout: async () => {
    await signOut();
  },

  checkAuth: async () => {
    await completeCallbackIfReturning();
    if (getAccessToken()) return;
    const renewed = await refresh().catch(() => undefined);
    if (!renewed) throw new Error('Sign in to continue.');
  },

  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) {
      endLocally();
      throw new Error('Your session has ended: sign in again to continue.');
    }
  },

  getIdentity: async () => identityOf(currentUser() ?? (await loadMe())),

  // On a reload react-admin may ask for permissions before checkAuth has renewed the session;
  // answering [] then would leave the menu empty until the next sign-in. Renewing here shares
  // checkAuth's request (refresh() sends one at a time), so the refresh cookie is used once.
  getPermissions: async () => {
    if (!getAccessToken() && !(await refresh().catch(() => undefined))) return [];
    return permissionsOf(currentUser() ?? (await loadMe()));
  },
};

export { oidcAvailable, startOidc } from './session';
