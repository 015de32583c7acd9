// Counting SQL statements at the driver: every statement sent on a connection of the data
// source's pool, whether TypeORM sends it or code that holds the raw connection does (the prepared
// write path in complaint.repository.ts). On PostgreSQL the pool is pg's; on PGlite, the session
// gate's (database/pglite-pool.ts). Both emit `acquire` with the connection at every checkout.
// The LISTEN connection is not the pool's, on either engine, and is not counted.
import type { DataSource } from 'typeorm';

type Query = (...args: unknown[]) => unknown;

interface Connection {
  query: Query;
}

interface Pool {
  on(event: 'acquire', listener: (connection: Connection) => void): unknown;
  off(event: 'acquire', listener: (connection: Connection) => void): unknown;
}

/** Who is counting on each pool: a connection, once seen, reports to its pool's counters. */
const counters = new WeakMap<Pool, Set<(text: string) => void>>();
const watched = new WeakSet<Connection>();

function watch(pool: Pool, connection: Connection): void {
  if (watched.has(connection)) return;
  watched.add(connection);
  const query = connection.query;
  connection.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    const text =
      typeof first === 'string' ? first : String((first as { text?: unknown } | null)?.text);
    for (const count of counters.get(pool) ?? []) count(text);
    return query.apply(this, args);
  };
}

function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Partial<Pool> }).master;
  if (typeof pool?.on !== 'function' || typeof pool.off !== 'function') {
    throw new Error('The data source has no pool to count statements on (is it initialised?).');
  }
  return pool as Pool;
}

/** Runs `work` and returns the statements sent on the data source's connections meanwhile. */
export async function statementsDuring(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const pool = poolOf(dataSource);
  const seen: string[] = [];
  const count = (text: string) => seen.push(text);
  const onAcquire = (connection: Connection) => watch(pool, connection);
  let set = counters.get(pool);
  if (!set) {
    set = new Set();
    counters.set(pool, set);
  }
  set.add(count);
  pool.on('acquire', onAcquire);
  try {
    await work();
  } finally {
    pool.off('acquire', onAcquire);
    set.delete(count);
  }
  return seen;
}
