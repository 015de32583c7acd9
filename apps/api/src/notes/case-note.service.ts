import { randomUUID } from 'node:crypto';
import {
  recordCaseNote,
  scopeAdmits,
  type CaseNote,
  type CaseNoteRefusal,
  type ComplaintPlacement,
  type RecordCaseNoteInput,
} from '@redress/domain';
import { actorOf, complaintScopeOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { Transaction, Transactions } from '../database/transactions.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import type { IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import type { CaseNoteRepository } from './case-note.repository.js';

export interface CaseNoteServiceOptions {
  readonly clock: Clock;
  readonly idempotency: IdempotencyKeys;
  /** Where each case sits now, for the caller's scope. */
  readonly placements: (ids: readonly string[]) => Promise<Map<string, ComplaintPlacement>>;
}

/** What a caller gives to record a note: everything but the id, which Redress makes. */
export type CaseNoteRequest = Omit<RecordCaseNoteInput, 'id'>;

/**
 * Internal notes on a case and its contact log. Records, not steps: they are not events, so
 * they never reach a letter or a partner's event stream, and they are never changed (a
 * correction is another note naming the one it corrects).
 */
export class CaseNoteService {
  constructor(
    private readonly repository: CaseNoteRepository,
    private readonly transactions: Transactions,
    private readonly options: CaseNoteServiceOptions,
  ) {}

  async record(
    input: CaseNoteRequest,
    opts: { readonly by: Principal; readonly idempotencyKey?: string },
  ): Promise<CaseNote> {
    const { by } = opts;
    requirePermission(by, 'complaints:write');
    // A case outside the caller's scope does not exist for them: its existence is not leaked.
    const placement = (await this.options.placements([input.complaintId])).get(input.complaintId);
    if (!placement || !scopeAdmits(complaintScopeOf(by), placement)) {
      throw new NotFoundError('complaint', input.complaintId);
    }
    const write = async (tx: Transaction, id: string): Promise<CaseNote> => {
      const corrected =
        input.correctsId == null
          ? null
          : await this.repository.findOnComplaint(tx, input.complaintId, input.correctsId);
      const recorded = recordCaseNote(
        { ...input, id },
        { now: this.options.clock.now().toISOString(), author: actorOf(by), corrected },
      );
      if (!recorded.ok) throw caseNoteError(recorded.error);
      await this.repository.insert(tx, recorded.value);
      return recorded.value;
    };
    if (opts.idempotencyKey === undefined) {
      return this.transactions.run((tx) => write(tx, randomUUID()));
    }
    return this.options.idempotency.once(
      { by, key: opts.idempotencyKey, operation: 'recordCaseNote', input },
      randomUUID(),
      write,
      (id) => this.recordedEarlier(input.complaintId, id),
    );
  }

  /**
   * The notes of each case, oldest first, in one statement: for a caller with personal data, of
   * the cases in their scope (any other case has none, as if it did not exist).
   */
  async notesFor(by: Principal, complaintIds: readonly string[]): Promise<Map<string, CaseNote[]>> {
    requirePermission(by, 'complaints:personal');
    return this.repository.findByComplaints(complaintIds, complaintScopeOf(by));
  }

  /** What a keyed `record` stored, for a retry of it. */
  private async recordedEarlier(complaintId: string, id: string): Promise<CaseNote> {
    const found = await this.transactions.run((tx) =>
      this.repository.findOnComplaint(tx, complaintId, id),
    );
    if (!found) throw new Error(`Case note ${id}, made under an idempotency key, is not there.`);
    return found;
  }
}

function caseNoteError(refusal: CaseNoteRefusal): Error {
  switch (refusal.code) {
    case 'INVALID_CASE_NOTE':
    case 'CASE_NOTE_IN_FUTURE':
      return new BadUserInputError(refusal.message, refusal.field);
  }
}
