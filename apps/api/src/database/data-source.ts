import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { DataDirError, lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import {
  createPGliteNotificationSource,
  createPgNotificationSource,
  type NotificationSource,
} from './notification-source.js';
import { pglitePgModule } from './pglite-pool.js';
import { openReplica, ReplicaError } from './replica.js';

export interface DatabaseOptions {
  /** A PostgreSQL server. Without it, Redress runs on PGlite in this process. */
  databaseUrl?: string;
  /**
   * A read replica of `databaseUrl` (DATABASE_REPLICA_URL) that reports and exports read from:
   * `Database.reads`. PostgreSQL only: refused without `databaseUrl`.
   */
  replicaUrl?: string;
  /** How long a replica behind the primary's schema is waited for at start (default 30 s). */
  replicaCatchUpMs?: number;
  /** PGlite's data folder (created if missing). Ignored with `databaseUrl` or `inMemory`. */
  dataDir?: string;
  /** PGlite in memory: nothing kept after close (tests). */
  inMemory?: boolean;
  /** PGlite: start from a dumped data folder (tests start from a migrated copy). */
  loadDataDir?: Blob;
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL only: how long a connection may take to open before it fails (default 10 s). */
  connectTimeoutMs?: number;
  applicationName?: string;
  /** TypeORM's logger, e.g. to count statements in a test. */
  logger?: Logger;
  /** Told about a lost LISTEN connection and its reconnection. */
  log?: (message: string, error?: unknown) => void;
}

export interface Database {
  dataSource: DataSource;
  /**
   * Where reports and exports read: the replica's connection when `replicaUrl` was given,
   * otherwise `dataSource` itself.
   */
  reads: DataSource;
  /** Where NOTIFY payloads arrive; the pubsub listens here. */
  listener: NotificationSource;
  engine: 'postgres' | 'pglite';
  /** The PGlite instance, when on PGlite (tests dump it to start copies quickly). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.data/pglite';
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

// Dates are days, not instants: read them as 'YYYY-MM-DD' text, never as a Date at local
// midnight. int8 stays text (event positions outgrow Number; counts are cast to int in SQL).
const DATE_OID = pgliteTypes.DATE;

export async function createDataSource(options: DatabaseOptions = {}): Promise<Database> {
  if (options.replicaUrl && !options.databaseUrl) {
    throw new ReplicaError(
      'DATABASE_REPLICA_URL needs DATABASE_URL: a read replica is a copy of a PostgreSQL server, and the built-in database (PGlite) has none. Set DATABASE_URL to the primary, or unset DATABASE_REPLICA_URL.',
    );
  }
  const database = options.databaseUrl
    ? await postgresDatabase(options.databaseUrl, options)
    : await pgliteDatabase(options);
  try {
    await database.dataSource.initialize();
    if (options.migrate ?? true) {
      await database.dataSource.runMigrations({ transaction: 'each' });
    }
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  if (!options.replicaUrl) return database;
  // Opened once the primary is migrated: the replica is checked to have replayed the same schema.
  const replica = await openReplica(options.replicaUrl, {
    primary: database.dataSource,
    connectionOptions: postgresConnectionOptions(options.replicaUrl, options, 'read'),
    ...(options.replicaCatchUpMs !== undefined ? { catchUpMs: options.replicaCatchUpMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  }).catch(async (error: unknown) => {
    await database.close().catch(() => undefined);
    throw error;
  });
  return {
    ...database,
    reads: replica.dataSource,
    async close() {
      await replica.close();
      await database.close();
    },
  };
}

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migration',
  // The schema is the migrations' business alone.
  synchronize: false,
  migrationsRun: false,
  // gen_random_uuid() is built in since PostgreSQL 13; nothing to install, on either engine.
  installExtensions: false,
  uuidExtension: 'pgcrypto' as const,
};

export type PostgresConnectionOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * A PostgreSQL DataSource's settings, the same for the primary and a replica: the replica's
 * rows must read back exactly as the primary's do (dates as text, the same entities).
 */
function postgresConnectionOptions(
  url: string,
  options: DatabaseOptions,
  role: 'write' | 'read',
): PostgresConnectionOptions {
  const typeParsers = new pg.TypeOverrides();
  typeParsers.setTypeParser(DATE_OID, (value: string) => value);
  const applicationName = options.applicationName ?? 'redress-api';
  // Without a bound, a server that drops packets leaves a connect (and start-up) hanging.
  const connectionTimeoutMillis = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return {
    ...common,
    url,
    driver: pg,
    poolSize: options.poolSize ?? 10,
    applicationName: role === 'read' ? `${applicationName}-reads` : applicationName,
    extra: {
      types: typeParsers,
      connectionTimeoutMillis,
      // Reads only: a replica URL that names a writable server still cannot be written through.
      ...(role === 'read' ? { options: '-c default_transaction_read_only=on' } : {}),
    },
    ...(options.logger ? { logger: options.logger, logging: true } : {}),
  };
}

async function postgresDatabase(url: string, options: DatabaseOptions): Promise<Database> {
  const applicationName = options.applicationName ?? 'redress-api';
  const connectionTimeoutMillis = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const dataSource = new DataSource(postgresConnectionOptions(url, options, 'write'));
  const listener = await createPgNotificationSource(
    {
      connectionString: url,
      application_name: `${applicationName}-listen`,
      connectionTimeoutMillis,
    },
    options.log,
  );
  return {
    dataSource,
    reads: dataSource,
    listener,
    engine: 'postgres',
    pglite: null,
    async close() {
      await listener.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

async function pgliteDatabase(options: DatabaseOptions): Promise<Database> {
  const dataDir =
    options.inMemory || options.loadDataDir ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR);
  // One process per data folder: a second PGlite on it would overwrite the first one's pages.
  const lock = dataDir ? await lockFolder(dataDir) : null;
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: {
        [pgliteTypes.DATE]: (value: string) => value,
        [pgliteTypes.INT8]: (value: string) => value,
      },
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const { module, gate } = pglitePgModule(db);
  const dataSource = new DataSource({
    ...common,
    driver: module,
    ...(options.logger ? { logger: options.logger, logging: true } : {}),
  });
  const listener = createPGliteNotificationSource(db, gate);
  return {
    dataSource,
    reads: dataSource,
    listener,
    engine: 'pglite',
    pglite: db,
    async close() {
      await listener.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!db.closed) await db.close();
      await lock?.release();
    },
  };
}

async function lockFolder(dataDir: string): Promise<DataDirLock> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirError(
      `Cannot create the data folder ${dataDir} (${(error as NodeJS.ErrnoException).code ?? String(error)}): set REDRESS_DATA_DIR to a folder this process can write.`,
    );
  }
  return lockDataDir(dataDir);
}
