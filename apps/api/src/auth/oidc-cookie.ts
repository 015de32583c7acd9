/**
 * Ties a sign-in through the identity provider to the browser that began it. Set when the
 * authorisation URL is made, read by the callback: a callback link made in another browser (an
 * attacker's own sign-in, sent to a victim) carries no such cookie and is refused. Same
 * attributes as the refresh cookie, for the same reasons (refresh-cookie.ts).
 */
export const OIDC_COOKIE = 'redress_oidc';

export function oidcCookie(binding: string, maxAgeSeconds: number): string {
  return `${OIDC_COOKIE}=${binding}; Path=/graphql; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function clearedOidcCookie(): string {
  return `${OIDC_COOKIE}=; Path=/graphql; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** The binding in a Cookie header, if there is one. */
export function oidcBindingFromCookies(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === OIDC_COOKIE) {
      const value = rest.join('=');
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
