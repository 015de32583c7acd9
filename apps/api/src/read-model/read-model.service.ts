import { performance } from 'node:perf_hooks';
import { deriveDeadlines, replay, type BankHolidaysData } from '@redress/domain';
import type { Transaction, Transactions } from '../database/transactions.js';
import type { ComplaintRepository } from '../complaints/complaint.repository.js';
import { projectCase } from '../complaints/complaint-projection.js';
import type { RebuiltCase } from '../complaints/complaint-write.repository.js';

/** What a rebuild did. */
export interface RebuildResult {
  /** Cases whose rows were written again. */
  readonly complaints: number;
  /** Events replayed. */
  readonly events: number;
  /** How long it took, in milliseconds. */
  readonly ms: number;
}

export interface ReadModelOptions {
  /** The bank holidays writes count with (a newer file than the shipped one, if any). */
  readonly holidays?: BankHolidaysData;
  /** Cases per transaction (default 500). */
  readonly batchSize?: number;
}

const DEFAULT_BATCH = 500;

/**
 * The read model made again from the events: every case's row, deadline rows and
 * action-measure rows, by the same projection as a write, in batches of cases by id. What
 * the rows held is not read, so rows lost, stale or written by an older projection come back
 * as the events say; running it twice leaves the same rows. An operator's job (`pnpm
 * read-model:rebuild`), not a use case of any caller of the API.
 */
export class ReadModelService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly transactions: Transactions,
    private readonly options: ReadModelOptions = {},
  ) {}

  async rebuild(): Promise<RebuildResult> {
    const started = performance.now();
    const size = this.options.batchSize ?? DEFAULT_BATCH;
    let after: string | null = null;
    let complaints = 0;
    let events = 0;
    for (;;) {
      const batch = await this.transactions.run((tx) => this.rebuildAfter(after, size, tx));
      if (batch === null) break;
      after = batch.last;
      complaints += batch.complaints;
      events += batch.events;
    }
    return { complaints, events, ms: Math.round(performance.now() - started) };
  }

  /**
   * One batch in one transaction: the cases' rows are locked before their events are read, so
   * no write of theirs commits between the read and the rewrite (a writer waits, then writes
   * from the rows as rebuilt).
   */
  private async rebuildAfter(
    after: string | null,
    size: number,
    tx: Transaction,
  ): Promise<{ last: string; complaints: number; events: number } | null> {
    const ids = await this.complaints.events.findCaseIdsAfter(after, size, tx);
    const last = ids[ids.length - 1];
    if (last === undefined) return null;
    const { complaints, events } = await this.rebuildCases(ids, tx);
    return { last, complaints, events };
  }

  /**
   * These cases' rows made again from their events, in the caller's transaction: locked first,
   * so no write of theirs commits between the read and the rewrite. Also what anonymising a
   * case does once its events' personal parts are erased.
   */
  async rebuildCases(
    ids: readonly string[],
    tx: Transaction,
  ): Promise<{ complaints: number; events: number }> {
    const { events: store, writes } = this.complaints;
    await writes.lockCases(ids, tx);
    const histories = await store.findHistories(ids, tx);
    const { holidays } = this.options;
    let events = 0;
    const cases = histories.flatMap((history): RebuiltCase[] => {
      const state = replay(history.events);
      if (state === null) return [];
      events += history.events.length;
      const deadlines = deriveDeadlines(state, holidays ? { holidays } : undefined);
      return [
        {
          projection: projectCase(state, deadlines, holidays, history.lastRecordedAt),
          firstRecordedAt: history.firstRecordedAt,
          lastRecordedAt: history.lastRecordedAt,
        },
      ];
    });
    return { complaints: await writes.rewrite(cases, tx), events };
  }
}
