import { randomUUID } from 'node:crypto';
import {
  localDateOf,
  type BankHolidaysData,
  type DeadlineKind,
  type StageNumber,
} from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Clock } from '../clock.js';
import { systemPrincipal } from '../auth/principal.js';
import type { ComplaintService } from '../complaints/complaint.service.js';
import type { DeadlineAlertLevel, DeadlineAlertPayload, PgPubSub } from '../database/pg-pubsub.js';
import { isAppError } from '../errors/app-errors.js';

export interface DeadlineWatcherOptions {
  readonly clock: Clock;
  readonly pubsub: PgPubSub;
  readonly holidays?: BankHolidaysData;
  /** Deadlines claimed per transaction (default 200). */
  readonly batchSize?: number;
  /** Recorded on each alert raised, to tell instances apart (default a random id). */
  readonly instanceId?: string;
  readonly log?: (message: string, error?: unknown) => void;
  /** The application's complaint service: automatic closing is a step like any other. */
  readonly complaints: ComplaintService;
}

export interface WatchResult {
  /** Alerts raised by this run. */
  readonly alerts: DeadlineAlertPayload[];
  /** Cases closed automatically by this run. */
  readonly autoClosed: string[];
}

/** The system itself, for the steps Redress takes on its own. */
export const WATCHER = systemPrincipal('deadline-watcher', 'Redress');

// Rank of each alert level, so that a deadline only ever moves up: due soon, due today, overdue.
const LEVEL_SQL = `CASE WHEN d.due_on < $1::date THEN 'overdue'
                        WHEN d.due_on = $1::date THEN 'due-today'
                        ELSE 'due-soon' END`;
const RANK_SQL = (level: string) =>
  `CASE ${level} WHEN 'due-soon' THEN 1 WHEN 'due-today' THEN 2 WHEN 'overdue' THEN 3 ELSE 0 END`;

/**
 * Raises deadline alerts and closes cases whose closing window has lapsed. Work is claimed with
 * `FOR UPDATE SKIP LOCKED`, and each alert is a row with a unique key, so any number of API
 * instances can run a watcher on one database and each alert is raised once.
 */
export class DeadlineWatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly batchSize: number;
  private readonly instanceId: string;
  private readonly complaints: ComplaintService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DeadlineWatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.instanceId = options.instanceId ?? randomUUID();
    this.complaints = options.complaints;
  }

  start(intervalMs = 60_000): void {
    if (this.timer) return;
    const tick = () => {
      // One run at a time: a slow run is not overtaken by the next tick.
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.log?.('The deadline watcher failed a run', error))
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
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
    return this.dataSource.transaction(async (manager) => {
      const level = LEVEL_SQL;
      const claimed: Array<{
        complaint_id: string;
        stage: StageNumber;
        kind: DeadlineKind;
        due_on: string;
        reference: string;
        alert: DeadlineAlertLevel;
      }> = await manager.query(
        `SELECT d.complaint_id, d.stage, d.kind, d.due_on, c.reference, ${level} AS alert
           FROM complaint_deadline d
           JOIN complaint c ON c.id = d.complaint_id
          WHERE d.met_at IS NULL
            AND d.warn_on <= $1::date
            AND c.status NOT IN ('closed', 'withdrawn', 'refused')
            AND ${RANK_SQL(level)} > ${RANK_SQL("coalesce(d.last_alert, '')")}
          ORDER BY d.due_on, d.complaint_id, d.stage, d.kind
          LIMIT $2
          FOR UPDATE OF d SKIP LOCKED`,
        [today, this.batchSize],
      );
      if (claimed.length === 0) return { claimed: 0, raised: [] };

      const columns = [
        claimed.map((row) => row.complaint_id),
        claimed.map((row) => row.stage),
        claimed.map((row) => row.kind),
        claimed.map((row) => row.alert),
        claimed.map((row) => row.due_on),
      ];
      // The unique key is the last word on "once": an alert already recorded is not raised again.
      const inserted: Array<{ complaint_id: string; stage: number; kind: string; alert: string }> =
        await manager.query(
          `INSERT INTO deadline_alert (complaint_id, stage, kind, alert, due_on, raised_at, raised_by)
           SELECT a.*, $6::timestamptz, $7
             FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::date[])
               AS a(complaint_id, stage, kind, alert, due_on)
           ON CONFLICT DO NOTHING
           RETURNING complaint_id, stage, kind, alert`,
          [...columns, this.options.clock.now().toISOString(), this.instanceId],
        );
      await manager.query(
        `UPDATE complaint_deadline d
            SET last_alert = a.alert, last_alert_on = $6::date
           FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::date[])
             AS a(complaint_id, stage, kind, alert, due_on)
          WHERE d.complaint_id = a.complaint_id AND d.stage = a.stage AND d.kind = a.kind`,
        [...columns, today],
      );
      const key = (r: { complaint_id: string; stage: number; kind: string; alert: string }) =>
        `${r.complaint_id}/${r.stage}/${r.kind}/${r.alert}`;
      const fresh = new Set(inserted.map(key));
      const raised: DeadlineAlertPayload[] = claimed
        .filter((row) => fresh.has(key(row)))
        .map((row) => ({
          complaintId: row.complaint_id,
          reference: row.reference,
          stage: row.stage,
          kind: row.kind,
          alert: row.alert,
          dueOn: row.due_on,
        }));
      await this.options.pubsub.notify(manager, 'DEADLINE_ALERT', raised);
      return { claimed: claimed.length, raised };
    });
  }

  /**
   * Closes, through the service like any other step, the cases whose policy closes them when
   * nobody comes back (seed 000). Another instance closing the same case first makes the domain
   * refuse the second attempt, which is expected and ignored.
   */
  private async autoClose(today: string): Promise<string[]> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM complaint
        WHERE status = 'responded' AND auto_close_on <= $1::date
        ORDER BY auto_close_on, id
        LIMIT $2`,
      [today, this.batchSize],
    );
    const closed: string[] = [];
    for (const { id } of due) {
      try {
        await this.complaints.execute(id, { type: 'auto-close' }, { by: WATCHER });
        closed.push(id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        this.options.log?.(`Complaint ${id} was not closed automatically: ${error.message}`);
      }
    }
    return closed;
  }
}
