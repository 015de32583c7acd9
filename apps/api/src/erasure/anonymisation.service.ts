import { randomUUID } from 'node:crypto';
import {
  anonymisationRefusal,
  anonymiseLetter,
  replay,
  retentionCutoff,
  localDateOf,
} from '@redress/domain';
import type { AttachmentStorage } from '../attachments/attachment-storage.js';
import type { SecurityLog } from '../audit/security-log.service.js';
import { actorOf, systemPrincipal, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { ComplaintEventRepository } from '../complaints/complaint-event.repository.js';
import type { Transaction, Transactions } from '../database/transactions.js';
import { AnonymisationRefusedError, NotFoundError } from '../errors/app-errors.js';
import { letterHtml } from '../letters/letter-html.js';
import { letterPdf } from '../letters/letter-pdf.js';
import type { ReadModelService } from '../read-model/read-model.service.js';
import type { RecordsRepository } from '../records/records.repository.js';
import type { AnonymisationRepository } from './anonymisation.repository.js';
import { parsePersonQuery, residentKeyHashesOf } from '../records/person-query.js';

export type AnonymisationReason = 'request' | 'retention';

/** Who anonymises a resident when the retention period has passed. */
const RETENTION = systemPrincipal('retention', 'Retention period');

/** What anonymising a resident did. */
export interface AnonymisationResult {
  /** The cases anonymised now, oldest first. */
  readonly complaints: readonly { readonly id: string; readonly reference: string }[];
  /** How many of them had been anonymised before (and were again, with what was added since). */
  readonly alreadyAnonymised: number;
  readonly letters: number;
  readonly notes: number;
  readonly attachments: number;
}

export interface AnonymisationDeps {
  readonly repository: AnonymisationRepository;
  /** Where a resident's cases are found, as subject access finds them. */
  readonly residents: RecordsRepository;
  readonly events: ComplaintEventRepository;
  readonly readModel: ReadModelService;
  readonly transactions: Transactions;
  readonly storage: AttachmentStorage;
  readonly securityLog: SecurityLog;
  readonly clock: Clock;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Anonymises residents (UK GDPR erasure, and the landlord's retention period): every case of
 * theirs together, once each has ended. Each case keeps its dates, stages, outcomes and what it
 * counts for in the measures; its events' personal parts are erased (the events themselves
 * never change), its letters written again without what they said, its notes emptied, its
 * attachments removed, and its read model made again from what is left. The cases counted
 * under one resident key get one new random key, so they still count as one resident.
 */
export class AnonymisationService {
  constructor(private readonly deps: AnonymisationDeps) {}

  /** When each of these cases was anonymised, for those that were. */
  anonymisedAt(ids: readonly string[]): Promise<Map<string, Date>> {
    return this.deps.repository.anonymisedAt(ids);
  }

  /**
   * Anonymises the resident named by their details (as subject access names them), or the
   * complainant of a case. Refused, and nothing changed, while any of their cases is open.
   */
  async anonymiseResident(
    by: Principal,
    target: { readonly person?: unknown; readonly complaintId?: string },
  ): Promise<AnonymisationResult> {
    requirePermission(by, 'records:manage');
    const keys = await this.keysOf(target);
    const result = await this.anonymiseKeys(by, keys, 'request');
    await this.deps.securityLog.record('resident-anonymised', by, null, {
      reason: 'request',
      complaints: result.complaints.length,
      references: result.complaints.map((c) => c.reference),
    });
    return result;
  }

  /**
   * The retention job's pass: every resident whose latest case ended more than `years` years
   * ago, anonymised one resident at a time (a refusal or failure of one leaves the others).
   * `residents` counts those anonymised.
   */
  async anonymisePastRetention(
    years: number,
    batchSize = 100,
  ): Promise<{ residents: number; complaints: number }> {
    const by = RETENTION;
    const cutoff = retentionCutoff(localDateOf(this.deps.clock.now()), years);
    let residents = 0;
    let complaints = 0;
    let after: string | null = null;
    // In batches of residents by key: one that cannot be anonymised now (a case reopened since
    // it was found, a fault) is logged and passed over until the next run, never retried here.
    for (;;) {
      const due = await this.deps.repository.residentsPastRetention(cutoff, batchSize, after);
      for (const key of due) {
        try {
          const result = await this.anonymiseKeys(by, [key], 'retention');
          complaints += result.complaints.length;
          residents += 1;
        } catch (failure) {
          this.deps.log?.('The retention job could not anonymise a resident', failure);
        }
      }
      after = due[due.length - 1] ?? after;
      if (due.length < batchSize) break;
    }
    if (residents > 0) {
      await this.deps.securityLog.record('resident-anonymised', by, null, {
        reason: 'retention',
        retentionYears: years,
        residents,
        complaints,
      });
    }
    return { residents, complaints };
  }

  private async keysOf(target: {
    readonly person?: unknown;
    readonly complaintId?: string;
  }): Promise<string[]> {
    if (target.complaintId !== undefined) {
      const key = await this.deps.repository.residentKeyOfCase(target.complaintId);
      if (key === null) throw new NotFoundError('complaint', target.complaintId);
      return [key];
    }
    // Checked as subject access checks it: the same details find the same cases.
    return residentKeyHashesOf(parsePersonQuery(target.person ?? {}));
  }

  private async anonymiseKeys(
    by: Principal,
    keys: readonly string[],
    reason: AnonymisationReason,
  ): Promise<AnonymisationResult> {
    const { result, attachments } = await this.deps.transactions.run((tx) =>
      this.anonymiseInTransaction(by, keys, reason, tx),
    );
    // The bytes go once the rows are gone for good: a failure leaves a file nobody can reach
    // through Redress, reported for an operator to remove, never a row pointing at nothing.
    for (const key of attachments) {
      await this.deps.storage.delete(key).catch((failure: unknown) => {
        this.deps.log?.(
          `The bytes of attachment ${key}, of an anonymised case, could not be deleted from ` +
            'storage; remove them by hand',
          failure,
        );
      });
    }
    return result;
  }

  private async anonymiseInTransaction(
    by: Principal,
    keys: readonly string[],
    reason: AnonymisationReason,
    tx: Transaction,
  ): Promise<{ result: AnonymisationResult; attachments: string[] }> {
    const { repository } = this.deps;
    // Cases anonymised before are done again: anything written on them since (a note, a
    // letter, a step's text) goes too, and their one key stays one.
    const cases = await this.deps.residents.findCasesOfPerson(keys, tx);
    const ids = cases.map((c) => c.id);
    const before = cases.filter((c) => c.anonymisedAt !== null).length;
    if (ids.length === 0) {
      const none = { complaints: [], alreadyAnonymised: 0, letters: 0, notes: 0, attachments: 0 };
      return { result: none, attachments: [] };
    }
    const histories = await this.deps.events.findHistories(ids, tx);
    const open = histories.flatMap((history) => {
      const state = replay(history.events);
      return state !== null && anonymisationRefusal(state) !== null ? [state.reference] : [];
    });
    if (open.length > 0) {
      throw new AnonymisationRefusedError(
        `${open.length === 1 ? 'Complaint' : 'Complaints'} ${open.join(', ')} ` +
          `${open.length === 1 ? 'is' : 'are'} still open: a resident's cases are anonymised ` +
          'together once every one has ended (closed, withdrawn, refused or merged). Nothing ' +
          'was changed.',
        open,
      );
    }
    // One new key per resident key: cases counted as one resident stay one, and no more.
    for (const key of new Set(cases.map((c) => c.residentKey))) {
      const group = cases.filter((c) => c.residentKey === key).map((c) => c.id);
      await repository.replacePersonalParts(group, randomUUID(), tx);
    }
    const letters = await repository.lettersOf(ids, tx);
    const rewritten = await Promise.all(
      letters.map(async (letter) => {
        const draft = anonymiseLetter(letter.draft);
        return { id: letter.id, draft, html: letterHtml(draft), pdf: await letterPdf(draft) };
      }),
    );
    await repository.rewriteLetters(rewritten, tx);
    const notes = await repository.anonymiseNotes(ids, tx);
    const attachments = await repository.removeAttachments(ids, tx);
    await repository.anonymiseFeedback(ids, tx);
    const at = this.deps.clock.now();
    const actor = actorOf(by);
    await repository.record(
      cases
        .filter((c) => c.anonymisedAt === null)
        .map(({ id: complaintId }) => ({
          complaintId,
          at,
          reason,
          byKind: actor.kind,
          byId: actor.id,
          byName: actor.name ?? null,
        })),
      tx,
    );
    await this.deps.readModel.rebuildCases(ids, tx);
    return {
      result: {
        complaints: cases.map((c) => ({ id: c.id, reference: c.reference })),
        alreadyAnonymised: before,
        letters: letters.length,
        notes,
        attachments: attachments.length,
      },
      attachments,
    };
  }
}
