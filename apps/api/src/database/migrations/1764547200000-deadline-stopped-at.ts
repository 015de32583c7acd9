import { deriveDeadlines, replay, type ComplaintEvent } from '@redress/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { deadlineRowOf } from '../../complaints/complaint-projection.js';

// A deadline of a case that ended (withdrawn, refused, merged) with its step undone and already
// late stays, as missed: `stopped_at` says when the case ended. Nothing is due of it, so the
// watcher raises no alert for it, and a count of missed deadlines still finds it.
export class DeadlineStoppedAt1764547200000 implements MigrationInterface {
  name = 'DeadlineStoppedAt1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "complaint_deadline" ADD "stopped_at" TIMESTAMP WITH TIME ZONE`,
    );
    await fillStoppedDeadlines(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "complaint_deadline" WHERE "stopped_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "complaint_deadline" DROP COLUMN "stopped_at"`);
  }
}

/** Cases replayed per statement: enough to be quick, few enough to hold in memory. */
const BATCH = 500;

/**
 * The data half, on its own so that a test can run it over rows as they were. Cases that ended
 * before this release had their late deadlines dropped from `complaint_deadline`; their events
 * still say what was due and when, so each is replayed by the domain and its stopped deadlines
 * written back. Counted on the shipped bank holidays: an operator's newer file is not read here,
 * and a case's next write rewrites its rows with it.
 */
export async function fillStoppedDeadlines(queryRunner: QueryRunner): Promise<number> {
  let filled = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids: Array<{ id: string }> = await queryRunner.query(
      `SELECT id FROM "complaint"
        WHERE status IN ('withdrawn', 'refused') AND closed_at IS NOT NULL AND id > $1
        ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (ids.length === 0) return filled;
    after = ids[ids.length - 1]?.id ?? after;
    const events: Array<{ complaint_id: string; payload: ComplaintEvent }> =
      await queryRunner.query(
        `SELECT complaint_id, payload FROM "complaint_event"
        WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id, version`,
        [ids.map((row) => row.id)],
      );
    const histories = new Map<string, ComplaintEvent[]>();
    for (const row of events) {
      const history = histories.get(row.complaint_id) ?? [];
      history.push(row.payload);
      histories.set(row.complaint_id, history);
    }
    const rows = [...histories.values()].flatMap((history) => {
      const state = replay(history);
      if (state === null) return [];
      return deriveDeadlines(state)
        .filter((deadline) => deadline.stoppedAt !== null)
        .map((deadline) => deadlineRowOf(state, deadline, undefined));
    });
    if (rows.length === 0) continue;
    await queryRunner.query(
      `INSERT INTO "complaint_deadline"
         (complaint_id, stage, kind, due_on, warn_on, met_at, stopped_at, provisional)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::date[], $5::date[],
                            $6::timestamptz[], $7::timestamptz[], $8::boolean[])
       ON CONFLICT (complaint_id, stage, kind) DO UPDATE SET stopped_at = excluded.stopped_at`,
      [
        rows.map((r) => r.complaintId),
        rows.map((r) => r.stage),
        rows.map((r) => r.kind),
        rows.map((r) => r.dueOn),
        rows.map((r) => r.warnOn),
        rows.map((r) => r.metAt),
        rows.map((r) => r.stoppedAt),
        rows.map((r) => r.provisional),
      ],
    );
    filled += rows.length;
  }
}
