// Reports and exports read from a read replica when DATABASE_REPLICA_URL is set: a PostgreSQL
// standby (streaming replication) of DATABASE_URL. Casework reads and writes stay on the primary.
//
// Why a second DataSource rather than TypeORM's `replication: { master, slaves }`: with
// replication configured, TypeORM sends every query builder's SELECT to a slave by default
// (`defaultReplicationModeForReads`), and `dataSource.query()` to the master. That would move the
// whole application's reads, a case read back just after it was written among them, onto a copy
// that lags by however long replay takes, while raw SQL stayed on the primary: which server a
// read met would depend on how its repository happened to be written. A DataSource of its own
// makes the choice where it belongs, in the composition root: the repositories given `reads`
// (the measures, the annual report) read the replica, every statement of theirs, raw or built;
// everything else reads its own writes on the primary.
import type { DataSource } from 'typeorm';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import type { PostgresConnectionOptions } from './data-source.js';

/** DATABASE_REPLICA_URL cannot be used as given; its one-line message says what to change. */
export class ReplicaError extends Error {}

export interface ReadReplica {
  /** A DataSource on the replica: no migrations run through it, and no writes. */
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  /** The primary, already migrated: the replica must hold its schema. */
  readonly primary: DataSource;
  /** The same settings as the primary's connection (parsers, entities), for the replica's URL. */
  readonly connectionOptions: PostgresConnectionOptions;
  /** Told when the replica is not a standby, or while it catches up with the primary's schema. */
  readonly log?: (message: string, error?: unknown) => void;
  /**
   * How long a replica behind the primary's latest migration is waited for (default 30 s): just
   * after a start has migrated the primary, its standby replays the change a moment later.
   */
  readonly catchUpMs?: number;
}

/**
 * Opens the replica's connection and checks it can serve: it answers, and it has replayed the
 * primary's latest migration (a replica still catching up on a new column would fail each
 * report). Throws ReplicaError, whose one-line message the API prints at start-up.
 */
export async function openReplica(url: string, options: ReplicaOptions): Promise<ReadReplica> {
  const dataSource = new TypeOrmDataSource({
    ...options.connectionOptions,
    // The schema is the primary's migrations' business; a standby only replays them.
    migrations: [],
    migrationsRun: false,
    synchronize: false,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new ReplicaError(
      `DATABASE_REPLICA_URL: cannot reach PostgreSQL at ${serverOf(url)} (${oneLine(error)}): check that the replica is running and accepts connections from here, or unset DATABASE_REPLICA_URL to read reports from the primary.`,
    );
  }
  try {
    await checkReplica(dataSource, options);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return {
    dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

async function checkReplica(replica: DataSource, options: ReplicaOptions): Promise<void> {
  const latest = async (source: DataSource): Promise<string | null> => {
    const rows = (await source.query('SELECT max(timestamp)::text AS latest FROM migration')) as {
      latest: string | null;
    }[];
    return rows[0]?.latest ?? null;
  };
  const wanted = await latest(options.primary);
  const deadline = Date.now() + (options.catchUpMs ?? 30_000);
  let found: string | null = null;
  let told = false;
  for (;;) {
    try {
      found = await latest(replica);
    } catch (error) {
      // No migration table yet: a standby still replaying the primary's first migrations.
      if (Date.now() >= deadline) {
        throw new ReplicaError(
          `DATABASE_REPLICA_URL: ${serverOf(options.connectionOptions.url ?? '')} holds no Redress schema (${oneLine(error)}): it must be a replica of the DATABASE_URL database.`,
        );
      }
    }
    if (found === wanted || Date.now() >= deadline) break;
    if (!told) {
      options.log?.(
        `DATABASE_REPLICA_URL: waiting up to ${Math.round((deadline - Date.now()) / 1000)} s for the replica to replay migration ${wanted ?? 'none'} (it is at ${found ?? 'none'}).`,
      );
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (found !== wanted) {
    throw new ReplicaError(
      `DATABASE_REPLICA_URL: the replica's schema is at migration ${found ?? 'none'}, the primary's at ${wanted ?? 'none'}: wait for the replica to catch up (or check it replicates DATABASE_URL), then start again.`,
    );
  }
  const [recovery] = (await replica.query('SELECT pg_is_in_recovery() AS standby')) as {
    standby: boolean;
  }[];
  if (!recovery?.standby) {
    // A logical replica or a copy kept some other way can serve; reads stay read-only either way.
    options.log?.(
      'DATABASE_REPLICA_URL names a server that is not a standby: reports read from it as they would from a replica, read-only.',
    );
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

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
