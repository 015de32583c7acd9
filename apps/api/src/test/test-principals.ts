// Signed-in callers for the integration tests: an admin by default, and a user of any role or a
// partner key when a test needs to act as one. Each goes through the real sign-in.
import { API_KEY_SCOPES, type Actor, type ApiKeyScope, type Role } from '@redress/domain';
import {
  apiKeyPrincipal,
  systemPrincipal,
  userPrincipal,
  type Principal,
} from '../auth/principal.js';
import type { Services } from '../services.js';

/** A password every test user gets: long enough, and in no list of common ones. */
export const TEST_PASSWORD = 'a long test password that nobody would guess';

export interface SignedInUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly accessToken: string;
  /** `{ authorization: 'Bearer …' }`, for `gql(url, query, variables, headers)`. */
  readonly headers: Readonly<Record<string, string>>;
  /** `{ authorization: 'Bearer …' }`, for `connectSubscriptions(wsUrl, params)`. */
  readonly connectionParams: Readonly<Record<string, string>>;
}

export interface PartnerKey {
  readonly id: string;
  readonly secret: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connectionParams: Readonly<Record<string, string>>;
}

const SETUP = systemPrincipal('test-setup');
let counter = 0;

/** Creates a user with the role (and teams) and signs them in through AuthService. */
export async function signInNewUser(
  services: Services,
  role: Role | null,
  options: { readonly name?: string; readonly teamIds?: readonly string[] } = {},
): Promise<SignedInUser> {
  counter += 1;
  const name = options.name ?? `Test ${role ?? 'no role'} ${counter}`;
  const email = `${(role ?? 'none').toLowerCase()}.${counter}.${Date.now()}@test.redress.invalid`;
  const user = await services.users.createUnchecked(SETUP, {
    email,
    name,
    role,
    password: TEST_PASSWORD,
    teamIds: options.teamIds,
  });
  const signedIn = await services.auth.signIn(email, TEST_PASSWORD, {
    address: '127.0.0.1',
    userAgent: 'test',
  });
  const authorization = `Bearer ${signedIn.accessToken}`;
  return {
    id: user.id,
    email,
    name,
    accessToken: signedIn.accessToken,
    headers: { authorization },
    connectionParams: { authorization },
  };
}

export async function newPartnerKey(
  services: Services,
  scopes: readonly ApiKeyScope[],
  name = `Test partner ${++counter}`,
): Promise<PartnerKey> {
  const { key, secret } = await services.apiKeys.createUnchecked(SETUP, { name, scopes });
  const authorization = `Bearer ${secret}`;
  return { id: key.id, secret, headers: { authorization }, connectionParams: { authorization } };
}

/**
 * The principal a service-level test acts as when it names only an actor: one allowed to do
 * everything, recorded on the events as that actor.
 */
export function principalFor(actor: Actor): Principal {
  switch (actor.kind) {
    case 'user':
      return userPrincipal({
        id: actor.id,
        email: `${actor.id}@test.redress.invalid`,
        name: actor.name ?? actor.id,
        role: 'ADMIN',
        teamIds: [],
        sessionId: 'service-test',
      });
    case 'api-key':
      return apiKeyPrincipal({
        id: actor.id,
        name: actor.name ?? actor.id,
        scopes: API_KEY_SCOPES,
      });
    case 'system':
      return systemPrincipal(actor.id, actor.name);
  }
}

/** Reads as Redress itself: every case, no scope. */
export const READER: Principal = systemPrincipal('test-reader');
