import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

// PGlite is one PostgreSQL session. TypeORM expects a `pg` pool whose connections are separate
// sessions, so a transaction on one connection cannot see another's statements. This adapter
// gives out the one session to one holder at a time (a pool of size one): a transaction runs
// from BEGIN to COMMIT with nothing else interleaved, and other callers wait their turn.
// (typeorm-pglite shares the session among all callers at once, and keeps one PGlite per
// process, which rules out several databases in one test run.)

type Release = (error?: unknown) => void;
type ConnectCallback = (
  error: Error | null,
  client: PGliteConnection | null,
  release: Release,
) => void;

/** The shape of a `pg` query result, as far as TypeORM reads it. */
interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string | undefined;
  fields: Results['fields'];
}

class Mutex {
  private locked = false;
  private readonly waiting: Array<() => void> = [];

  async acquire(): Promise<() => void> {
    if (this.locked) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.locked = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // Hand over without unlocking, so no newcomer can slip in between.
      if (next) next();
      else this.locked = false;
    };
  }
}

/** One checked-out use of the session: what TypeORM's query runner calls `query` on. */
export class PGliteConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  /**
   * `pg`'s two forms: text and parameters, or a config object (what a named statement is sent
   * as; PGlite runs in process and has no plans to keep across calls, so the name is not used).
   */
  async query(
    textOrConfig: string | { readonly text: string; readonly values?: unknown[] },
    values?: unknown[],
  ): Promise<PgLikeResult> {
    const text = typeof textOrConfig === 'string' ? textOrConfig : textOrConfig.text;
    const params = typeof textOrConfig === 'string' ? values : textOrConfig.values;
    // The extended protocol (with parameters) takes one statement; TypeORM and migrations send
    // several at once without parameters, which only the simple protocol accepts.
    if (params !== undefined && params.length > 0) {
      return toPgResult(await this.db.query(text, params));
    }
    const results = await this.db.exec(text);
    const last = results[results.length - 1];
    return last ? toPgResult(last) : { rows: [], rowCount: 0, command: undefined, fields: [] };
  }
}

function toPgResult(result: Results): PgLikeResult {
  return {
    rows: result.rows,
    rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
    command: result.command,
    fields: result.fields,
  };
}

export interface PGliteSessionGate {
  /** Runs `fn` while holding the session, as a connection would. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * A stand-in for the `pg` module with a `Pool` bound to one PGlite instance, for TypeORM's
 * `driver` option; and the gate, so that other users of the session (LISTEN) queue with it.
 */
export function pglitePgModule(db: PGlite): {
  module: { Pool: new () => EventEmitter };
  gate: PGliteSessionGate;
} {
  const mutex = new Mutex();

  const checkout = async (): Promise<[PGliteConnection, Release]> => {
    const unlock = await mutex.acquire();
    const connection = new PGliteConnection(db);
    let done = false;
    const release: Release = () => {
      if (done) return;
      done = true;
      // A holder that let go inside a transaction (an error between BEGIN and COMMIT that
      // skipped the rollback) must not hand its open transaction to the next holder.
      if (!db.closed && db.isInTransaction()) {
        db.exec('ROLLBACK').finally(unlock);
      } else {
        unlock();
      }
    };
    return [connection, release];
  };

  class PGlitePool extends EventEmitter {
    private ended = false;

    connect(callback?: ConnectCallback): Promise<PGliteConnection> | void {
      if (this.ended) {
        const error = new Error('The PGlite pool has ended.');
        if (callback) return callback(error, null, () => undefined);
        return Promise.reject(error);
      }
      if (!callback) {
        // pg's promise form hands back a client with `release()`.
        return checkout().then(([connection, release]) =>
          Object.assign(this.acquired(connection), { release }),
        );
      }
      checkout().then(
        ([connection, release]) => callback(null, this.acquired(connection), release),
        (error: unknown) => callback(toError(error), null, () => undefined),
      );
    }

    async query(text: string, params?: unknown[]): Promise<PgLikeResult> {
      const [connection, release] = await checkout();
      try {
        return await this.acquired(connection).query(text, params);
      } finally {
        release();
      }
    }

    // pg's pool emits `acquire` at every checkout; so does this one, so that a test can count
    // the statements of every connection (test/statements-during.ts).
    private acquired(connection: PGliteConnection): PGliteConnection {
      this.emit('acquire', connection);
      return connection;
    }

    end(callback?: (error?: Error | null) => void): Promise<void> | void {
      // The PGlite instance belongs to whoever created it (createDataSource closes it).
      this.ended = true;
      if (callback) return callback(null);
      return Promise.resolve();
    }
  }

  const gate: PGliteSessionGate = {
    async exclusive(fn) {
      const [, release] = await checkout();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };

  return { module: { Pool: PGlitePool }, gate };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
