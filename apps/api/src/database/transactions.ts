import type { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work in progress: what a service hands to repository methods so that their
 * statements run in one transaction. Services see it only as this name; what it is (a TypeORM
 * entity manager) is the repositories' business.
 */
export type Transaction = EntityManager;

/** Runs work in a transaction: committed when it resolves, rolled back when it throws. */
export interface Transactions {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** The database handle the composition root builds repositories from. */
export type Connection = DataSource;

export function transactionsOf(connection: Connection): Transactions {
  return { run: (work) => connection.transaction(work) };
}

/** Why the API cannot serve yet, or null when it can: what GET /health answers. */
export function healthCheck(connection: Connection): () => Promise<string | null> {
  // Once every migration has run it stays so for the life of the connection: asked until then.
  let migrated = false;
  return async () => {
    try {
      if (!connection.isInitialized) return 'The database is not connected yet.';
      if (!migrated) {
        if (await connection.showMigrations()) return 'Database migrations have not run yet.';
        migrated = true;
      }
      await connection.query('select 1');
      return null;
    } catch {
      return 'The database does not answer.';
    }
  };
}
