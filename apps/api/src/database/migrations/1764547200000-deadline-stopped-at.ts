import type { MigrationInterface, QueryRunner } from 'typeorm';

// A deadline of a case that ended (withdrawn, refused, merged) with its step undone and already
// late stays, as missed: `stopped_at` says when the case ended. Nothing is due of it, so the
// watcher raises no alert for it, and a count of missed deadlines still finds it. The rows of
// cases that ended before this column are rewritten with their next write; a case's
// `deadlines` are derived from its state, so they answer the same either way.
export class DeadlineStoppedAt1764547200000 implements MigrationInterface {
  name = 'DeadlineStoppedAt1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "complaint_deadline" ADD "stopped_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint_deadline" DROP COLUMN "stopped_at"`);
  }
}
