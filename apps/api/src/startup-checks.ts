import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from './config.js';
import { DataDirError } from './database/data-dir-lock.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './database/data-source.js';

// What can stop the API from starting, checked before it does any work (migrations, demo data),
// so that the operator reads one line saying what to fix instead of a stack after a long wait.

/** A fault in the surroundings (port, folder, database server); its message says what to do. */
export class StartupError extends Error {}

export interface StartupCheckOptions {
  /** How long the database server may take to accept a connection. */
  readonly connectTimeoutMs?: number;
}

/** Throws StartupError on the first fault: the port, then the database or the data folder. */
export async function runStartupChecks(
  config: Pick<Config, 'port' | 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'attachmentsDir'>>,
  options: StartupCheckOptions = {},
): Promise<void> {
  await checkPortFree(config.port);
  if (config.databaseUrl) {
    await checkDatabaseReachable(
      config.databaseUrl,
      options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    );
  } else {
    await checkFolderWritable(config.dataDir, 'data folder', 'REDRESS_DATA_DIR');
  }
  if (config.attachmentsDir !== undefined) {
    await checkFolderWritable(
      config.attachmentsDir,
      'attachments folder',
      'REDRESS_ATTACHMENTS_DIR',
    );
  }
}

/**
 * The line to print for a fault met while starting, when it is one the operator can fix; null
 * for a defect, which deserves its stack. Covers a port taken between the check and the listen.
 */
export function startupFaultMessage(error: unknown, config?: Pick<Config, 'port'>): string | null {
  if (error instanceof StartupError || error instanceof DataDirError) return error.message;
  const code = codeOf(error);
  if (config && (code === 'EADDRINUSE' || code === 'EACCES')) return portMessage(config.port, code);
  return null;
}

async function checkPortFree(port: number): Promise<void> {
  // Port 0 asks the system for a free one: nothing to check.
  if (port === 0) return;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      // The same address the API listens on (all interfaces), so the answer is the same.
      probe.listen(port, () => resolve());
    });
  } catch (error) {
    throw new StartupError(portMessage(port, codeOf(error)));
  } finally {
    if (probe.listening) await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

function portMessage(port: number, code: string | undefined): string {
  return code === 'EACCES'
    ? `PORT=${port} needs privileges this process does not have: set PORT to 1024 or above.`
    : `PORT=${port} is already in use by another process: stop that process, or set PORT to a free port.`;
}

async function checkFolderWritable(dataDir: string, what: string, setting: string): Promise<void> {
  const fix = `set ${setting} to a folder this process can write, or give it write access to ${dataDir}.`;
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new StartupError(
      `Cannot create the ${what} ${dataDir} (${codeOf(error) ?? String(error)}): ${fix}`,
    );
  }
  // Permission bits do not tell the whole story (a read-only mount, root squash): write a file.
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    throw new StartupError(
      `Cannot write in the ${what} ${dataDir} (${codeOf(error) ?? String(error)}): ${fix}`,
    );
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

async function checkDatabaseReachable(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: 'redress-api-check',
  });
  // A connection that fails later must not surface as an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(
      `DATABASE_URL: cannot reach PostgreSQL at ${serverOf(url)} (${reasonOf(error, timeoutMs)}): check that the server is running and accepts connections from here, and that the URL's host, port, user, password and database are right.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Host, port and database of a URL, never its user or password. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured address';
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = codeOf(error);
  const reason = code && !message.includes(code) ? `${code}: ${message}` : message;
  // One line, whatever the driver said.
  return reason.replace(/\s+/g, ' ').trim();
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
