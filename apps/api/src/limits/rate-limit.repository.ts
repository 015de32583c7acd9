import pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/** The table of counters (migration 1764201600000-rate-limits.ts). */
export const RATE_LIMIT_TABLE = 'rate_limit';

export interface CounterOptions {
  /** Names the counter; each key is stored as `<prefix>:<key>`. */
  readonly prefix: string;
  /** How many a key may take a window. */
  readonly points: number;
  readonly windowSeconds: number;
  /**
   * Once a key is over, refuse it from memory until its window ends instead of asking the
   * database on every request (each instance learns so on its own first refusal).
   */
  readonly refuseFromMemoryWhenOver?: boolean;
}

/**
 * Where the rate limits count. On PostgreSQL, in the table `rate_limit` through the data
 * source's own pool, so that every API instance on the server counts against the same limits;
 * on PGlite, which is one process's database, in memory. If PostgreSQL cannot be reached, each
 * instance counts in its own memory until it can (rate-limiter-flexible's insurance limiter):
 * limits hold per instance rather than refusing everyone or no one.
 */
export class RateLimitRepository {
  private readonly onPostgres: boolean;
  private sweeping = false;

  constructor(private readonly dataSource: DataSource) {
    this.onPostgres = (dataSource.options as { driver?: unknown }).driver === pg;
  }

  /** Where the counters live, for the log and the tests. */
  get store(): 'postgresql' | 'memory' {
    return this.onPostgres ? 'postgresql' : 'memory';
  }

  counter(options: CounterOptions): RateLimiterAbstract {
    const common = {
      keyPrefix: options.prefix,
      points: options.points,
      duration: options.windowSeconds,
    };
    if (!this.onPostgres) return new RateLimiterMemory(common);
    // One limiter an instance sweeps the expired rows (every five minutes, those an hour gone).
    const sweep = !this.sweeping;
    this.sweeping = true;
    return new RateLimiterPostgres({
      ...common,
      storeClient: { query: (query: pg.QueryConfig) => this.pool().query(query) },
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: sweep,
      ...(options.refuseFromMemoryWhenOver ? { inMemoryBlockOnConsumed: options.points + 1 } : {}),
      insuranceLimiter: new RateLimiterMemory(common),
    });
  }

  // TypeORM's pool, looked up when used: the driver makes it when the data source initialises.
  private pool(): pg.Pool {
    const master = (this.dataSource.driver as unknown as { master?: unknown }).master;
    if (!(master instanceof pg.Pool)) {
      throw new Error('The data source is not connected to PostgreSQL: no pool to count on.');
    }
    return master;
  }
}

/**
 * Takes one point for `key` and answers where the key stands, over its limit or not:
 * rate-limiter-flexible rejects with the same answer when over, and with an Error on a fault.
 */
export async function take(counter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await counter.consume(key);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return outcome;
    throw outcome;
  }
}

/** True when the answer of `take` is over the counter's limit. */
export function isOver(counter: RateLimiterAbstract, res: RateLimiterRes): boolean {
  return res.consumedPoints > counter.points;
}
