import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRESETS } from '@redress/domain';
import pg from 'pg';
import type { Logger } from 'typeorm';
import { createDataSource, type Database } from '../database/data-source.js';
import { MIGRATIONS } from '../database/migrations/index.js';
import { PolicyService } from '../policies/policy.service.js';
import { PolicyRepository } from '../policies/policy.repository.js';
import { transactionsOf } from '../database/transactions.js';

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this database (to open a second connection to it); null on PGlite. */
  readonly url: string | null;
}

export interface TestDatabaseOptions {
  /** TypeORM's logger, e.g. to count statements. */
  readonly logger?: Logger;
}

/**
 * A migrated database with the presets, all of its own: with DATABASE_URL, a fresh PostgreSQL
 * database (dropped again by close()); without, PGlite in memory.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? postgresTestDatabase(url, options) : pgliteTestDatabase(options);
}

async function postgresTestDatabase(
  serverUrl: string,
  options: TestDatabaseOptions,
): Promise<TestDatabase> {
  const name = `redress_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  let database: Database;
  try {
    database = await createDataSource({
      databaseUrl: url,
      poolSize: 5,
      applicationName: 'redress-test',
      ...(options.logger ? { logger: options.logger } : {}),
    });
    await new PolicyService(
      new PolicyRepository(database.dataSource),
      transactionsOf(database.dataSource),
    ).ensurePresets();
  } catch (error) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    throw error;
  }
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function pgliteTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const database = await createDataSource({
    loadDataDir: await migratedDataDir(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { ...database, url: null };
}

// A cold PGlite with migrations costs seconds; a copy of a migrated one, under one. The copy is
// made once per test file and kept on disk for the next runs, keyed by what would change it.
let dataDir: Promise<Blob> | undefined;

function migratedDataDir(): Promise<Blob> {
  dataDir ??= loadOrBuildDataDir();
  return dataDir;
}

async function loadOrBuildDataDir(): Promise<Blob> {
  const key = createHash('sha256')
    .update(MIGRATIONS.map((m) => `${m.name}:${m.prototype.up.toString()}`).join('\n'))
    .update(JSON.stringify(PRESETS))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `redress-pglite-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not there yet: build it below.
  }
  const database = await createDataSource({ inMemory: true });
  try {
    await new PolicyService(
      new PolicyRepository(database.dataSource),
      transactionsOf(database.dataSource),
    ).ensurePresets();
    const pglite = database.pglite;
    if (!pglite) throw new Error('Expected a PGlite database.');
    const dump = await pglite.dumpDataDir('none');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    // Written aside then renamed, so a parallel test file never reads half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return new Blob([bytes]);
  } finally {
    await database.close();
  }
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
