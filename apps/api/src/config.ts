import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseBankHolidays, type BankHolidaysData } from '@redress/domain';
import { DEFAULT_CORS_ORIGINS, DEFAULT_MAX_COMPLEXITY } from './server.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  /** A PostgreSQL server; absent: PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Load demo data into a database with no complaints. */
  readonly demoData: boolean;
  /** A newer GOV.UK bank-holidays.json than the one shipped. */
  readonly bankHolidaysFile: string | undefined;
  readonly logLevel: LogLevel;
  readonly watchIntervalMs: number;
  readonly corsOrigins: readonly string[];
  readonly maxComplexity: number;
}

/** A setting that cannot be used; its message names the variable and what it accepts. */
export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the environment; throws ConfigError, with one line to fix, on the first bad value. */
export function loadConfig(env: Env, cwd: string): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65_535),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    dataDir: resolve(cwd, text(env.REDRESS_DATA_DIR) ?? '.data/pglite'),
    demoData: demoData(env.REDRESS_DEMO_DATA),
    bankHolidaysFile: text(env.REDRESS_BANK_HOLIDAYS_FILE)
      ? resolve(cwd, text(env.REDRESS_BANK_HOLIDAYS_FILE) ?? '')
      : undefined,
    logLevel: logLevel(env.LOG_LEVEL),
    watchIntervalMs: integer(env, 'REDRESS_WATCH_INTERVAL_MS', 60_000, 100, 86_400_000),
    corsOrigins: corsOrigins(env.REDRESS_CORS_ORIGINS),
    maxComplexity: integer(env, 'REDRESS_MAX_COMPLEXITY', DEFAULT_MAX_COMPLEXITY, 1, 10_000_000),
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
