/**
 * The access token, kept in the page's memory only (never in storage a script could read
 * later): the refresh token lives in the API's HttpOnly cookie, so a reload renews the session
 * with refreshSession. The auth provider sets the token and registers how to renew it; the
 * GraphQL client and the live socket read it.
 */

type Listener = (token: string | undefined) => void;

let current: string | undefined;
let renew: (() => Promise<string | undefined>) | undefined;
let renewing: Promise<string | undefined> | undefined;
const listeners = new Set<Listener>();

export function getAccessToken(): string | undefined {
  return current;
}

export function setAccessToken(token: string | undefined): void {
  if (token === current) return;
  current = token;
  for (const listener of listeners) listener(token);
}

/** Called with the new token (or undefined on sign-out) whenever it changes. */
export function onAccessTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How to get a fresh token (the auth provider's refresh); undefined when none can be had. */
export function setTokenRenewer(renewer: (() => Promise<string | undefined>) | undefined): void {
  renew = renewer;
}

/** Renews the token once, however many requests ask at the same moment. */
export function renewAccessToken(): Promise<string | undefined> {
  if (!renew) return Promise.resolve(undefined);
  renewing ??= renew().finally(() => {
    renewing = undefined;
  });
  return renewing;
}
