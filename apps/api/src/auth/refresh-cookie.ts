import { createHash, randomBytes } from 'node:crypto';

/**
 * The console keeps no token where page scripts can read it: the refresh token travels only in
 * this cookie (HttpOnly, so scripts cannot read it; Secure; SameSite=Strict, so no other site's
 * page can send it), scoped to the GraphQL path. The access token lives in the page's memory.
 * Cross-site request forgery is refused twice over: SameSite=Strict, and Apollo's CSRF
 * prevention, which accepts a POST only as application/json or with a custom header, both of
 * which need a CORS preflight that only the configured origins pass.
 */
export const REFRESH_COOKIE = 'redress_refresh';

export function refreshCookie(token: string, maxAgeSeconds: number): string {
  return `${REFRESH_COOKIE}=${token}; Path=/graphql; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Path=/graphql; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** The refresh token in a Cookie header, if there is one. */
export function refreshTokenFromCookies(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE) {
      const value = rest.join('=');
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** An opaque secret: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets Redress makes are 256 random bits: SHA-256 is enough to keep them unusable if the
 * table leaks (nothing to guess), and costs microseconds per request where argon2 would cost
 * tens of milliseconds. Passwords, which people choose, get argon2id.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
