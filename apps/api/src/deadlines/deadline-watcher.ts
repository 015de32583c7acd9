import { randomUUID } from 'node:crypto';
import { localDateOf, type BankHolidaysData } from '@redress/domain';
import type { Clock } from '../clock.js';
import { systemPrincipal } from '../auth/principal.js';
import type { ComplaintService } from '../complaints/complaint.service.js';
import type { DeadlineAlertPayload, PgPubSub } from '../database/pg-pubsub.js';
import type { Transactions } from '../database/transactions.js';
import type { DeadlineAlertRepository } from './deadline-alert.repository.js';
import { isAppError } from '../errors/app-errors.js';
import { PeriodicTask } from '../shared/periodic-task.js';

export interface DeadlineWatcherOptions {
  readonly clock: Clock;
  readonly pubsub: PgPubSub;
  readonly holidays?: BankHolidaysData;
  /** Deadlines claimed per transaction (default 200). */
  readonly batchSize?: number;
  /** Recorded on each alert raised, to tell instances apart (default a random id). */
  readonly instanceId?: string;
  readonly log?: (message: string, error?: unknown) => void;
}

/** What the watcher works with, from the composition root (services.ts). */
export interface DeadlineWatcherDeps {
  /** Automatic closing is a step like any other, taken through the service. */
  readonly complaints: ComplaintService;
  readonly deadlineAlerts: DeadlineAlertRepository;
  readonly transactions: Transactions;
}

export interface WatchResult {
  /** Alerts raised by this run. */
  readonly alerts: DeadlineAlertPayload[];
  /** Cases closed automatically by this run. */
  readonly autoClosed: string[];
}

/** The system itself, for the steps Redress takes on its own. */
export const WATCHER = systemPrincipal('deadline-watcher', 'Redress');

/**
 * Raises deadline alerts and closes cases whose closing window has lapsed. Work is claimed with
 * `FOR UPDATE SKIP LOCKED`, and each alert is a row with a unique key, so any number of API
 * instances can run a watcher on one database and each alert is raised once.
 */
export class DeadlineWatcher {
  private readonly task = new PeriodicTask(
    () => this.runOnce(),
    (error) => this.options.log?.('The deadline watcher failed a run', error),
  );
  private readonly batchSize: number;
  private readonly instanceId: string;

  constructor(
    private readonly deps: DeadlineWatcherDeps,
    private readonly options: DeadlineWatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.instanceId = options.instanceId ?? randomUUID();
  }

  start(intervalMs = 60_000): void {
    this.task.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** One pass: every alert now due, then every automatic closing now due. */
  async runOnce(): Promise<WatchResult> {
    const today = localDateOf(this.options.clock.now());
    const alerts: DeadlineAlertPayload[] = [];
    for (;;) {
      const { claimed, raised } = await this.raiseBatch(today);
      alerts.push(...raised);
      if (claimed < this.batchSize) break;
    }
    const autoClosed = await this.autoClose(today);
    return { alerts, autoClosed };
  }

  private async raiseBatch(
    today: string,
  ): Promise<{ claimed: number; raised: DeadlineAlertPayload[] }> {
    return this.deps.transactions.run(async (tx) => {
      const claimed = await this.deps.deadlineAlerts.claimDue(tx, today, this.batchSize);
      if (claimed.length === 0) return { claimed: 0, raised: [] };
      const fresh = await this.deps.deadlineAlerts.record(
        tx,
        claimed,
        this.options.clock.now(),
        this.instanceId,
        today,
      );
      const raised: DeadlineAlertPayload[] = fresh.map((row) => ({
        complaintId: row.complaintId,
        reference: row.reference,
        stage: row.stage,
        kind: row.kind,
        alert: row.alert,
        dueOn: row.dueOn,
      }));
      // Inside the transaction: subscribers hear of an alert only once it is recorded.
      await this.options.pubsub.notify(tx, 'DEADLINE_ALERT', raised);
      return { claimed: claimed.length, raised };
    });
  }

  /**
   * Closes, through the service like any other step, the cases whose policy closes them when
   * nobody comes back (seed 000). Another instance closing the same case first makes the domain
   * refuse the second attempt, which is expected and ignored.
   */
  private async autoClose(today: string): Promise<string[]> {
    const due = await this.deps.deadlineAlerts.findDueToClose(today, this.batchSize);
    const closed: string[] = [];
    for (const id of due) {
      try {
        await this.deps.complaints.execute(id, { type: 'auto-close' }, { by: WATCHER });
        closed.push(id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        this.options.log?.(`Complaint ${id} was not closed automatically: ${error.message}`);
      }
    }
    return closed;
  }
}
