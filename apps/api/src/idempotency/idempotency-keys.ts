import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import type { Transaction, Transactions } from '../database/transactions.js';
import {
  BadUserInputError,
  IdempotencyKeyReusedError,
  UnauthenticatedError,
} from '../errors/app-errors.js';
import { canonicalJson } from './canonical-json.js';
import type { IdempotencyKeyRepository, KeyOwner } from './idempotency-key.repository.js';

/** The writes a caller may name with a key. */
export type IdempotentOperation =
  'logComplaint' | 'recordFeedback' | 'convertServiceRequest' | 'recordCaseNote';

/** A write named with an idempotency key. */
export interface KeyedWrite {
  readonly by: Principal;
  /** As the caller sent it. */
  readonly key: string;
  readonly operation: IdempotentOperation;
  /** What the caller asked for: a retry asks for the same, and its hash tells the two apart. */
  readonly input: unknown;
}

/** How long a key is kept: a retry within this answers the first result; after it, a new write. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** What the schema says of an `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_DESCRIPTION = `Makes a retry safe: 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters you choose for this request (a UUID, say), scoped to you. Sent again within 24 hours with the same input, it writes nothing and answers the first result as it stands now; with another input, it is refused with IDEMPOTENCY_KEY_REUSED.`;
/** Expired keys are swept at most this often per instance, after a keyed write. */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

// Control characters, lone surrogates, and line and paragraph separators: not printable.
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;

type Outcome<T> =
  | { readonly kind: 'written'; readonly value: T }
  | { readonly kind: 'earlier'; readonly resultId: string };

export interface IdempotencyKeysDeps {
  readonly repository: IdempotencyKeyRepository;
  readonly transactions: Transactions;
  readonly clock: Clock;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Makes a write happen once per key, however many times its caller sends it: the key is stored
 * in the write's own transaction, so it exists if and only if the write committed. A caller who
 * lost the answer (a dropped connection, a killed server) sends the same request with the same
 * key and is answered the first result, with nothing written again.
 */
export class IdempotencyKeys {
  private nextSweepAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: IdempotencyKeysDeps) {}

  /**
   * Runs `write` in a transaction that also stores the key, with `resultId` as the id of what it
   * makes; or, when the caller has already made this write with this key, writes nothing and
   * answers `earlier(resultId of the first)`. The same key with another request is refused. A
   * write that fails stores no key: the caller may send it again, or something else.
   */
  async once<T>(
    request: KeyedWrite,
    resultId: string,
    write: (tx: Transaction, resultId: string) => Promise<T>,
    earlier: (resultId: string) => Promise<T>,
  ): Promise<T> {
    const { repository, transactions, clock } = this.deps;
    const key = checkIdempotencyKey(request.key);
    const owner = ownerOf(request.by);
    const inputHash = createHash('sha256')
      .update(canonicalJson({ operation: request.operation, input: request.input }))
      .digest('hex');
    const outcome = await transactions.run(async (tx): Promise<Outcome<T>> => {
      const now = clock.now();
      const expiredAt = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
      const claim = { owner, key, operation: request.operation, inputHash, resultId };
      if (await repository.claim(tx, { ...claim, createdAt: now }, expiredAt)) {
        return { kind: 'written', value: await write(tx, resultId) };
      }
      // Held, and committed: the claim waited for the transaction that stored it to end.
      const stored = await repository.find(tx, owner, key);
      if (!stored) throw new Error('An idempotency key conflicted but cannot be read.');
      if (stored.operation !== request.operation || stored.inputHash !== inputHash) {
        throw new IdempotencyKeyReusedError(
          `The idempotency key "${key}" was sent before with a different request (${stored.operation}, other input). A key names one request: send a new key with a new request.`,
          stored.operation,
        );
      }
      return { kind: 'earlier', resultId: stored.resultId };
    });
    if (outcome.kind === 'earlier') return earlier(outcome.resultId);
    await this.sweepWhenDue();
    return outcome.value;
  }

  /** Forgets expired keys; what `once` does now and then, so the table holds a day of keys. */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    return this.deps.repository.deleteExpired(new Date(now - IDEMPOTENCY_KEY_TTL_MS));
  }

  private async sweepWhenDue(): Promise<void> {
    if (this.deps.clock.now().getTime() < this.nextSweepAt) return;
    // The write has committed: a failed sweep is logged, never the caller's failure.
    await this.sweep().catch((error: unknown) =>
      this.deps.log?.('Sweeping expired idempotency keys failed', error),
    );
  }
}

/** The key as stored: 1 to 200 printable characters, or refused naming the argument. */
export function checkIdempotencyKey(key: string): string {
  const length = [...key].length;
  if (length < 1 || length > MAX_IDEMPOTENCY_KEY_LENGTH || UNPRINTABLE.test(key)) {
    throw new BadUserInputError(
      `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters, e.g. a UUID made for the request.`,
      'idempotencyKey',
    );
  }
  return key;
}

/** Keys are the principal's own: a user's, an API key's, or a part of Redress's. */
function ownerOf(by: Principal): KeyOwner {
  if (by.kind === 'anonymous') throw new UnauthenticatedError();
  return { kind: by.kind, id: by.id };
}
