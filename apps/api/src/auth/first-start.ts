import { systemPrincipal } from './principal.js';
import { passwordProblem } from './passwords.js';
import { generatedPassword } from '../users/user.service.js';
import type { Services } from '../services.js';

export interface FirstStartOptions {
  /** REDRESS_ADMIN_EMAIL and REDRESS_ADMIN_PASSWORD, when set. */
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  /** Whether demo data is being loaded into this (empty) database. */
  readonly demo: boolean;
}

export interface FirstStart {
  /** Lines for the operator: how to sign in as each user made, printed once. */
  readonly lines: readonly string[];
  /** The demo staff's password, when demo users were made. */
  readonly demoPassword: string | undefined;
}

const FIRST_START = systemPrincipal('first-start', 'Redress');
const DEFAULT_ADMIN_EMAIL = 'admin@redress.localhost';

/**
 * On a database with no users: the first admin, from REDRESS_ADMIN_EMAIL and
 * REDRESS_ADMIN_PASSWORD when set, otherwise with a generated password told to the operator once.
 * With demo data, a demo password for the demo staff (one user per role) and a demo partner key,
 * told the same way. Nothing is made, or told, when users exist already.
 */
export async function prepareFirstStart(
  services: Services,
  options: FirstStartOptions,
): Promise<FirstStart> {
  if ((await services.users.count()) > 0) return { lines: [], demoPassword: undefined };
  const lines: string[] = [];
  const email = options.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const given = options.adminPassword;
  if (given !== undefined) {
    const problem = passwordProblem(given, { email });
    if (problem) throw new FirstStartError(`REDRESS_ADMIN_PASSWORD: ${problem}`);
  }
  const password = given ?? generatedPassword();
  await services.users.createUnchecked(FIRST_START, {
    email,
    name: 'Administrator',
    role: 'ADMIN',
    password,
  });
  lines.push(
    given === undefined
      ? `First admin: ${email} with the password ${password} (shown once: change it after signing in).`
      : `First admin: ${email}, with the password in REDRESS_ADMIN_PASSWORD.`,
  );
  if (!options.demo) return { lines, demoPassword: undefined };

  const demoPassword = generatedPassword();
  const { secret } = await services.apiKeys.createUnchecked(FIRST_START, {
    name: 'Demo tenant portal',
    scopes: ['complaints:read', 'complaints:write', 'events:subscribe'],
  });
  lines.push(
    `Demo staff, each with the password ${demoPassword}: manager@demo.redress.localhost (MANAGER), handler@demo.redress.localhost (HANDLER), analyst@demo.redress.localhost (ANALYST).`,
    `Demo partner key (a tenant portal: complaints:read, complaints:write, events:subscribe): ${secret}`,
  );
  return { lines, demoPassword };
}

/** A first-start setting that cannot be used: one line for the operator. */
export class FirstStartError extends Error {}
