import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';

/** Whose key it is: the principal's kind and id. */
export interface KeyOwner {
  readonly kind: string;
  readonly id: string;
}

/** A key as stored: what it was used for, and what that made. */
export interface StoredIdempotencyKey {
  readonly operation: string;
  readonly inputHash: string;
  readonly resultId: string;
  readonly createdAt: Date;
}

export interface KeyClaim extends StoredIdempotencyKey {
  readonly owner: KeyOwner;
  readonly key: string;
}

interface KeyRow {
  operation: string;
  input_hash: string;
  result_id: string;
  created_at: Date | string;
}

/** Only this file writes SQL about idempotency keys. */
export class IdempotencyKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the key in the write's transaction, unless the owner holds it already; a key held
   * since `expiredAt` or before is taken over. True when stored: the write is this request's to
   * make. One statement: a second request with the same key waits on the first's row until the
   * first transaction ends, then finds it (committed) or stores its own (rolled back).
   */
  async claim(tx: Transaction, claim: KeyClaim, expiredAt: Date): Promise<boolean> {
    // A SELECT around the INSERT, so both drivers answer rows (as api-key.repository.ts does).
    const rows: Array<{ result_id: string }> = await tx.query(
      `WITH claimed AS (
         INSERT INTO idempotency_key
           (caller_kind, caller_id, key, operation, input_hash, result_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (caller_kind, caller_id, key) DO UPDATE SET
           operation = excluded.operation,
           input_hash = excluded.input_hash,
           result_id = excluded.result_id,
           created_at = excluded.created_at
         WHERE idempotency_key.created_at <= $8
         RETURNING result_id
       ) SELECT result_id FROM claimed`,
      [
        claim.owner.kind,
        claim.owner.id,
        claim.key,
        claim.operation,
        claim.inputHash,
        claim.resultId,
        claim.createdAt.toISOString(),
        expiredAt.toISOString(),
      ],
    );
    return rows.length > 0;
  }

  async find(tx: Transaction, owner: KeyOwner, key: string): Promise<StoredIdempotencyKey | null> {
    const rows: KeyRow[] = await tx.query(
      `SELECT operation, input_hash, result_id, created_at FROM idempotency_key
        WHERE caller_kind = $1 AND caller_id = $2 AND key = $3`,
      [owner.kind, owner.id, key],
    );
    const row = rows[0];
    return row
      ? {
          operation: row.operation,
          inputHash: row.input_hash,
          resultId: row.result_id,
          createdAt: new Date(row.created_at),
        }
      : null;
  }

  /** Forgets keys stored at `expiredAt` or before; how many. */
  async deleteExpired(expiredAt: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (DELETE FROM idempotency_key WHERE created_at <= $1 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [expiredAt.toISOString()],
    );
    return rows[0]?.n ?? 0;
  }
}
