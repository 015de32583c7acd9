import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB, t = 2,
 * p = 1). `pnpm bench` prints what one sign-in costs with them on the machine it runs on.
 */
export const ARGON2_PARAMETERS = {
  // Algorithm.Argon2id: the package exports it as a const enum, which this build cannot inline.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password cannot be used, in words a person can act on; null when it can. */
export function passwordProblem(
  password: string,
  about: { readonly email?: string; readonly name?: string } = {},
): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a few words together are easy to remember.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password)) {
    return 'That password is one of the most commonly used, and is tried first by attackers: choose another.';
  }
  const local = about.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) {
    return 'Choose a password that does not contain your email address.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the email matches nobody, so that an unknown address takes as long to
// refuse as a wrong password and sign-in does not tell which addresses exist.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('a decoy nobody can sign in with');
  await verifyPassword(await decoy, password);
  return false;
}
