import type { MigrationInterface, QueryRunner } from 'typeorm';

// Internal case notes and the contact log. A note is a record of its own, not a projection of
// the events: nothing rebuilds it, so its foreign key to the read model's `complaint` row
// cascades nothing (a read-model row with notes cannot be deleted and take them with it). The
// index serves a case's notes in the timeline's order, and a page's notes in one statement.
export class CaseNotes1765065600000 implements MigrationInterface {
  name = 'CaseNotes1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_note" (
        "id" uuid NOT NULL,
        "complaint_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "direction" text,
        "with_whom" text,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "body" text NOT NULL,
        "author_kind" text NOT NULL,
        "author_id" text NOT NULL,
        "author_name" text,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "corrects_id" uuid,
        CONSTRAINT "pk_case_note" PRIMARY KEY ("id"),
        CONSTRAINT "fk_case_note_complaint" FOREIGN KEY ("complaint_id")
          REFERENCES "complaint"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "fk_case_note_corrects" FOREIGN KEY ("corrects_id")
          REFERENCES "case_note"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_note_complaint_occurred_at" ON "case_note" ("complaint_id", "occurred_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_note"`);
  }
}
