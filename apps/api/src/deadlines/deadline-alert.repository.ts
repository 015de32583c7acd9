import { ENDED_STATUSES, type DeadlineKind, type StageNumber } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { DeadlineAlertLevel } from '../database/pg-pubsub.js';
import type { Transaction } from '../database/transactions.js';

/** A deadline whose alert is due, claimed (locked) by one watcher until its transaction ends. */
export interface ClaimedDeadline {
  readonly complaintId: string;
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly dueOn: string;
  readonly reference: string;
  readonly alert: DeadlineAlertLevel;
}

// Rank of each alert level, so that a deadline only ever moves up: due soon, due today, overdue.
const LEVEL_SQL = `CASE WHEN d.due_on < $1::date THEN 'overdue'
                        WHEN d.due_on = $1::date THEN 'due-today'
                        ELSE 'due-soon' END`;
const RANK_SQL = (level: string) =>
  `CASE ${level} WHEN 'due-soon' THEN 1 WHEN 'due-today' THEN 2 WHEN 'overdue' THEN 3 ELSE 0 END`;

const keyOf = (r: { complaintId: string; stage: number; kind: string; alert: string }) =>
  `${r.complaintId}/${r.stage}/${r.kind}/${r.alert}`;

/** The deadline rows' alerts: what the watcher claims, records and marks. */
export class DeadlineAlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` unmet deadlines of open cases whose next alert level is due today, locked
   * with SKIP LOCKED so that another instance's watcher takes the others. A deadline stopped
   * when its case ended is missed, not overdue: nothing is due of it.
   */
  async claimDue(tx: Transaction, today: string, limit: number): Promise<ClaimedDeadline[]> {
    const rows: Array<{
      complaint_id: string;
      stage: StageNumber;
      kind: DeadlineKind;
      due_on: string;
      reference: string;
      alert: DeadlineAlertLevel;
    }> = await tx.query(
      `SELECT d.complaint_id, d.stage, d.kind, d.due_on, c.reference, ${LEVEL_SQL} AS alert
         FROM complaint_deadline d
         JOIN complaint c ON c.id = d.complaint_id
        WHERE d.met_at IS NULL
          AND d.stopped_at IS NULL
          AND d.warn_on <= $1::date
          AND c.status <> ALL($3::text[])
          AND ${RANK_SQL(LEVEL_SQL)} > ${RANK_SQL("coalesce(d.last_alert, '')")}
        ORDER BY d.due_on, d.complaint_id, d.stage, d.kind
        LIMIT $2
        FOR UPDATE OF d SKIP LOCKED`,
      [today, limit, [...ENDED_STATUSES]],
    );
    return rows.map((row) => ({
      complaintId: row.complaint_id,
      stage: row.stage,
      kind: row.kind,
      dueOn: row.due_on,
      reference: row.reference,
      alert: row.alert,
    }));
  }

  /**
   * Records the claimed alerts (the unique key is the last word on "once": one already recorded
   * is not raised again) and moves each deadline's last alert on. Answers the ones newly raised.
   */
  async record(
    tx: Transaction,
    claimed: readonly ClaimedDeadline[],
    raisedAt: Date,
    raisedBy: string,
    today: string,
  ): Promise<ClaimedDeadline[]> {
    const columns = [
      claimed.map((row) => row.complaintId),
      claimed.map((row) => row.stage),
      claimed.map((row) => row.kind),
      claimed.map((row) => row.alert),
      claimed.map((row) => row.dueOn),
    ];
    const inserted: Array<{ complaint_id: string; stage: number; kind: string; alert: string }> =
      await tx.query(
        `INSERT INTO deadline_alert (complaint_id, stage, kind, alert, due_on, raised_at, raised_by)
         SELECT a.*, $6::timestamptz, $7
           FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::date[])
             AS a(complaint_id, stage, kind, alert, due_on)
         ON CONFLICT DO NOTHING
         RETURNING complaint_id, stage, kind, alert`,
        [...columns, raisedAt.toISOString(), raisedBy],
      );
    await tx.query(
      `UPDATE complaint_deadline d
          SET last_alert = a.alert, last_alert_on = $6::date
         FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::date[])
           AS a(complaint_id, stage, kind, alert, due_on)
        WHERE d.complaint_id = a.complaint_id AND d.stage = a.stage AND d.kind = a.kind`,
      [...columns, today],
    );
    const fresh = new Set(
      inserted.map((r) =>
        keyOf({ complaintId: r.complaint_id, stage: r.stage, kind: r.kind, alert: r.alert }),
      ),
    );
    return claimed.filter((row) => fresh.has(keyOf(row)));
  }

  /** Responded cases whose policy closes them automatically by today, oldest first. */
  async findDueToClose(today: string, limit: number): Promise<string[]> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM complaint
        WHERE status = 'responded' AND auto_close_on <= $1::date
        ORDER BY auto_close_on, id
        LIMIT $2`,
      [today, limit],
    );
    return due.map((row) => row.id);
  }
}
