import { randomBytes } from 'node:crypto';

/**
 * A partner key reads `rk_<prefix>_<secret>`: `rk_` so that a leaked key is recognisable (and
 * secret scanners can be taught it), a 12-character public prefix to find it by, and 256 random
 * bits of secret. Only the SHA-256 of the whole key is stored.
 */
export const API_KEY_PATTERN = /^rk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

export function newApiKey(): { prefix: string; secret: string } {
  const prefix = `rk_${randomBytes(6).toString('hex')}`;
  return { prefix, secret: `${prefix}_${randomBytes(32).toString('base64url')}` };
}

export function parseApiKey(secret: string): { prefix: string } | null {
  if (!API_KEY_PATTERN.test(secret)) return null;
  return { prefix: secret.slice(0, 15) };
}
