import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import {
  DEFAULT_RETENTION_YEARS,
  parseBankHolidays,
  ROLES,
  type BankHolidaysData,
  type Role,
} from '@redress/domain';
import { defaultAttachmentsDir } from './attachments/attachment-storage.js';
import type { OidcSettings } from './auth/oidc-settings.js';
import { mailSettingsOf, type MailSettings } from './mail/mail-settings.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './limits/rate-limit-settings.js';
import { DEFAULT_CORS_ORIGINS, DEFAULT_MAX_COMPLEXITY } from './server.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  /** A PostgreSQL server; absent: PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /**
   * A read replica of DATABASE_URL (DATABASE_REPLICA_URL) that reports and exports read from;
   * absent: they read from DATABASE_URL. PostgreSQL only.
   */
  readonly databaseReplicaUrl: string | undefined;
  readonly dataDir: string;
  /**
   * Where attachments' bytes are kept (REDRESS_ATTACHMENTS_DIR); default beside the data
   * folder, `.data/attachments`. Several instances must share one folder (docs/operations.md).
   */
  readonly attachmentsDir: string;
  /** Load demo data into a database with no complaints. */
  readonly demoData: boolean;
  /** A newer GOV.UK bank-holidays.json than the one shipped. */
  readonly bankHolidaysFile: string | undefined;
  readonly logLevel: LogLevel;
  readonly watchIntervalMs: number;
  readonly corsOrigins: readonly string[];
  readonly maxComplexity: number;
  /** NODE_ENV=production: introspection needs a signed-in caller, demo secrets are not printed. */
  readonly production: boolean;
  /** The first admin, made on an empty database (REDRESS_ADMIN_EMAIL, REDRESS_ADMIN_PASSWORD). */
  readonly admin: { readonly email: string | undefined; readonly password: string | undefined };
  /** A PKCS#8 PEM Ed25519 key signing access tokens (REDRESS_SIGNING_KEY); absent: generated. */
  readonly signingKey: string | undefined;
  /** Load balancers and proxies whose X-Forwarded-For names the client (REDRESS_TRUSTED_PROXIES). */
  readonly trustedProxies: readonly string[];
  /** Sign-in through the landlord's identity provider; absent unless REDRESS_OIDC_ISSUER is set. */
  readonly oidc: OidcSettings | undefined;
  /** REDRESS_RATE_LIMIT_*, REDRESS_SIGN_IN_*: docs/operations.md, "Rate limits". */
  readonly rateLimits: RateLimitSettings;
  /** Letters by email (REDRESS_SMTP_URL, REDRESS_MAIL_FROM); absent: letters are posted. */
  readonly mail: MailSettings | undefined;
  /**
   * Years after a resident's last case ended that their personal data is kept
   * (REDRESS_RETENTION_YEARS, default 6); null (`off`): never anonymised by the retention job.
   */
  readonly retentionYears: number | null;
}

/** A setting that cannot be used; its message names the variable and what it accepts. */
export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the environment; throws ConfigError, with one line to fix, on the first bad value. */
export function loadConfig(env: Env, cwd: string): Config {
  const dataDir = resolve(cwd, text(env.REDRESS_DATA_DIR) ?? '.data/pglite');
  const url = databaseUrl(env.DATABASE_URL);
  const attachmentsDir = text(env.REDRESS_ATTACHMENTS_DIR);
  return {
    port: integer(env, 'PORT', 4000, 0, 65_535),
    databaseUrl: url,
    databaseReplicaUrl: databaseReplicaUrl(env.DATABASE_REPLICA_URL, env.DATABASE_URL),
    dataDir,
    // Beside the embedded database's folder, so one folder holds everything to back up; with
    // PostgreSQL (no data folder of ours) under the working directory's .data, as PGlite's is.
    attachmentsDir:
      attachmentsDir !== undefined
        ? resolve(cwd, attachmentsDir)
        : url === undefined
          ? defaultAttachmentsDir(dataDir)
          : resolve(cwd, '.data/attachments'),
    demoData: demoData(env.REDRESS_DEMO_DATA),
    bankHolidaysFile: text(env.REDRESS_BANK_HOLIDAYS_FILE)
      ? resolve(cwd, text(env.REDRESS_BANK_HOLIDAYS_FILE) ?? '')
      : undefined,
    logLevel: logLevel(env.LOG_LEVEL),
    watchIntervalMs: integer(env, 'REDRESS_WATCH_INTERVAL_MS', 60_000, 100, 86_400_000),
    corsOrigins: corsOrigins(env.REDRESS_CORS_ORIGINS),
    maxComplexity: integer(env, 'REDRESS_MAX_COMPLEXITY', DEFAULT_MAX_COMPLEXITY, 1, 10_000_000),
    production: text(env.NODE_ENV)?.toLowerCase() === 'production',
    admin: {
      email: text(env.REDRESS_ADMIN_EMAIL),
      password: env.REDRESS_ADMIN_PASSWORD || undefined,
    },
    signingKey: signingKey(env.REDRESS_SIGNING_KEY),
    trustedProxies: trustedProxies(env.REDRESS_TRUSTED_PROXIES),
    oidc: oidc(env),
    rateLimits: rateLimits(env),
    mail: mailSettingsOf(env, (message) => new ConfigError(message)),
    retentionYears:
      text(env.REDRESS_RETENTION_YEARS)?.toLowerCase() === 'off'
        ? null
        : integer(env, 'REDRESS_RETENTION_YEARS', DEFAULT_RETENTION_YEARS, 1, 100),
  };
}

/** Reads and checks the bank-holiday file named in the configuration. */
export async function loadBankHolidays(path: string): Promise<BankHolidaysData> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `REDRESS_BANK_HOLIDAYS_FILE: cannot read ${path} as JSON (${(error as Error).message}).`,
    );
  }
  const parsed = parseBankHolidays(json);
  if (!parsed.ok) {
    throw new ConfigError(
      `REDRESS_BANK_HOLIDAYS_FILE: ${path} is not a GOV.UK bank-holidays.json: ${parsed.error}`,
    );
  }
  return parsed.value;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}.`);
  }
  return value;
}

function databaseUrl(raw: string | undefined): string | undefined {
  const value = text(raw);
  if (value === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/redress, or unset for the built-in database.',
    );
  }
  return value;
}

function databaseReplicaUrl(
  raw: string | undefined,
  primary: string | undefined,
): string | undefined {
  const value = text(raw);
  if (value === undefined) return undefined;
  if (text(primary) === undefined) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL needs DATABASE_URL: a read replica is a copy of a PostgreSQL server, and the built-in database (PGlite) has none. Set DATABASE_URL to the primary, or unset DATABASE_REPLICA_URL.',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL must be a PostgreSQL URL such as postgres://reader:password@replica:5432/redress (a replica of DATABASE_URL), or unset to read reports from DATABASE_URL.',
    );
  }
  if (value === text(primary)) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL is the same as DATABASE_URL: name the replica, or unset DATABASE_REPLICA_URL to read reports from DATABASE_URL.',
    );
  }
  return value;
}

function demoData(raw: string | undefined): boolean {
  const value = text(raw)?.toLowerCase() ?? 'auto';
  if (['auto', 'true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`REDRESS_DEMO_DATA=${raw} must be auto (the default) or false.`);
}

function logLevel(raw: string | undefined): LogLevel {
  const value = text(raw)?.toLowerCase() ?? 'info';
  const level = LOG_LEVELS.find((known) => known === value);
  if (!level) throw new ConfigError(`LOG_LEVEL=${raw} must be one of ${LOG_LEVELS.join(', ')}.`);
  return level;
}

function corsOrigins(raw: string | undefined): readonly string[] {
  const value = text(raw);
  if (value === undefined) return DEFAULT_CORS_ORIGINS;
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(
        `REDRESS_CORS_ORIGINS: "${origin}" is not an origin like https://console.example.org (no path).`,
      );
    }
  }
  return origins;
}

function rateLimits(env: Env): RateLimitSettings {
  const d = DEFAULT_RATE_LIMITS;
  return {
    ...d,
    requestsPerMinute: integer(
      env,
      'REDRESS_RATE_LIMIT_REQUESTS_PER_MINUTE',
      d.requestsPerMinute,
      0,
      1_000_000,
    ),
    writesPerMinute: integer(
      env,
      'REDRESS_RATE_LIMIT_WRITES_PER_MINUTE',
      d.writesPerMinute,
      0,
      1_000_000,
    ),
    signInAttempts: integer(env, 'REDRESS_SIGN_IN_ATTEMPTS', d.signInAttempts, 1, 1_000),
    signInWindowSeconds: integer(
      env,
      'REDRESS_SIGN_IN_WINDOW_SECONDS',
      d.signInWindowSeconds,
      1,
      86_400,
    ),
    signInAttemptsPerAddress: integer(
      env,
      'REDRESS_SIGN_IN_ATTEMPTS_PER_ADDRESS',
      d.signInAttemptsPerAddress,
      1,
      100_000,
    ),
  };
}

/** REDRESS_OIDC_*: all of issuer, client id and redirect URI, or none of them. */
function oidc(env: Env): OidcSettings | undefined {
  const issuer = text(env.REDRESS_OIDC_ISSUER);
  const clientId = text(env.REDRESS_OIDC_CLIENT_ID);
  const redirectUri = text(env.REDRESS_OIDC_REDIRECT_URI);
  if (issuer === undefined) {
    const stray = Object.keys(env).find(
      (name) => name.startsWith('REDRESS_OIDC_') && text(env[name]),
    );
    if (stray) throw new ConfigError(`${stray} is set but REDRESS_OIDC_ISSUER is not: set it too.`);
    return undefined;
  }
  if (!/^https:\/\/[^\s]+$/.test(issuer)) {
    throw new ConfigError(
      `REDRESS_OIDC_ISSUER=${issuer} must be an https URL such as https://login.example.org/realms/staff.`,
    );
  }
  if (clientId === undefined) {
    throw new ConfigError(
      'REDRESS_OIDC_CLIENT_ID must be set: the client id Redress is registered with at the identity provider.',
    );
  }
  if (redirectUri === undefined || !/^https?:\/\/[^\s?#]+$/.test(redirectUri)) {
    throw new ConfigError(
      "REDRESS_OIDC_REDIRECT_URI must be the console's callback URL such as https://redress.example.org/sign-in/callback (no query).",
    );
  }
  const scopes = (text(env.REDRESS_OIDC_SCOPES) ?? 'openid email profile')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!scopes.includes('openid')) {
    throw new ConfigError(`REDRESS_OIDC_SCOPES=${env.REDRESS_OIDC_SCOPES} must include openid.`);
  }
  const groupsClaim = text(env.REDRESS_OIDC_GROUPS_CLAIM);
  const roleGroups = oidcRoleGroups(env.REDRESS_OIDC_ROLE_GROUPS);
  if ((groupsClaim === undefined) !== (roleGroups.size === 0)) {
    throw new ConfigError(
      'REDRESS_OIDC_GROUPS_CLAIM and REDRESS_OIDC_ROLE_GROUPS go together: set both or neither.',
    );
  }
  return {
    issuer,
    clientId,
    clientSecret: text(env.REDRESS_OIDC_CLIENT_SECRET),
    redirectUri,
    scopes,
    groupsClaim,
    roleGroups,
  };
}

/** `ADMIN=redress-admins,HANDLER=redress-handlers;redress-triage`: role, then its groups. */
function oidcRoleGroups(raw: string | undefined): ReadonlyMap<string, Role> {
  const groups = new Map<string, Role>();
  const value = text(raw);
  if (value === undefined) return groups;
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name = '', list = ''] = entry.split('=', 2).map((part) => part.trim());
    const role = ROLES.find((known) => known === name.toUpperCase());
    const names = list
      .split(';')
      .map((group) => group.trim())
      .filter(Boolean);
    if (!role || names.length === 0 || !entry.includes('=')) {
      throw new ConfigError(
        `REDRESS_OIDC_ROLE_GROUPS: "${entry}" is not ROLE=group with ROLE one of ${ROLES.join(', ')}.`,
      );
    }
    for (const group of names) groups.set(group, role);
  }
  return groups;
}

function signingKey(raw: string | undefined): string | undefined {
  const value = text(raw)?.replace(/\\n/g, '\n');
  if (value === undefined) return undefined;
  if (!value.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new ConfigError(
      'REDRESS_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519), or unset to have one generated and kept in the database.',
    );
  }
  return value;
}

function trustedProxies(raw: string | undefined): readonly string[] {
  const value = text(raw);
  if (value === undefined) return [];
  const addresses = value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (isIP(address) === 0) {
      throw new ConfigError(
        `REDRESS_TRUSTED_PROXIES: "${address}" is not an IP address; list your load balancers' addresses, e.g. 10.0.0.5,10.0.0.6.`,
      );
    }
  }
  return addresses;
}
