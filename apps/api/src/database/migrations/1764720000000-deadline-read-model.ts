import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SEARCH_EXPRESSION } from '../../complaints/complaint.entity.js';

// The next deadline of a case in full on its read-model row: beside next_due_on, _kind and
// _stage, whether the date is provisional, the working days extensions added, and the policy
// version its stage counts in. A list page then shows each case's next deadline, its state and
// working days left from the row it already reads: the state is the domain's deadlineStatus,
// counted in that policy's working-day calendar, not SQL.
//
// And the text the `text` filter searches, stored: a generated tsvector column with the GIN index
// on it instead of on the expression. A list page ordered by receipt walks that order's index and
// tests each case against the words; with the expression, each test built the case's tsvector
// again (about 60 µs), so a common word cost 24 ms a page at 10,000 cases (EXPLAIN ANALYZE).
// And indexes on the next-due order.
export class DeadlineReadModel1764720000000 implements MigrationInterface {
  name = 'DeadlineReadModel1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" ADD "next_due_provisional" boolean`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD "next_due_extended_by" integer`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD "next_due_policy_id" text`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD "next_due_policy_version" integer`);
    await fillNextDeadlines(queryRunner);
    // addColumn records the expression where TypeORM compares it (typeorm_metadata).
    await queryRunner.addColumn(
      'complaint',
      new TableColumn({
        name: 'search_document',
        type: 'tsvector',
        isNullable: true,
        generatedType: 'STORED',
        asExpression: SEARCH_EXPRESSION,
      }),
    );
    await queryRunner.query(`DROP INDEX "ix_complaint_search"`);
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_search" ON "complaint" USING gin ("search_document")`,
    );
    // A list ordered by next due date sorts cases with nothing due last, either way: on these
    // expressions (the repository's SORT_EXPRESSIONS), not on next_due_on, or every page sorts
    // the whole table (510 ms at 100,000 cases).
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_next_due_asc" ON "complaint" ((coalesce(next_due_on, 'infinity'::date)), id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_next_due_desc" ON "complaint" ((coalesce(next_due_on, '-infinity'::date)), id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_complaint_next_due_desc"`);
    await queryRunner.query(`DROP INDEX "ix_complaint_next_due_asc"`);
    await queryRunner.query(`DROP INDEX "ix_complaint_search"`);
    await queryRunner.dropColumn('complaint', 'search_document');
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_search" ON "complaint" USING gin (${SEARCH_EXPRESSION})`,
    );
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "next_due_policy_version"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "next_due_policy_id"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "next_due_extended_by"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "next_due_provisional"`);
  }
}

/**
 * The data half, on its own so that a test can run it over rows as they were. Every value is
 * one the write path already stored: provisional on the deadline's row, the extension days of
 * its stage on the case's row (they extend the response only), and the stage's policy reference
 * in the snapshot (a reference or, in older rows, a full copy: both carry id and version).
 */
export async function fillNextDeadlines(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `UPDATE "complaint" c
        SET next_due_provisional = d.provisional,
            next_due_extended_by = CASE WHEN d.kind = 'respond'
                                        THEN CASE d.stage WHEN 1 THEN c.stage1_extended_days
                                                          ELSE c.stage2_extended_days END
                                        ELSE 0 END,
            next_due_policy_id = c.state->'stages'->(d.stage - 1)->'policy'->>'id',
            next_due_policy_version = (c.state->'stages'->(d.stage - 1)->'policy'->>'version')::int
       FROM "complaint_deadline" d
      WHERE d.complaint_id = c.id AND d.stage = c.next_due_stage AND d.kind = c.next_due_kind`,
  );
}
