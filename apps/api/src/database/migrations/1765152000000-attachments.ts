import type { MigrationInterface, QueryRunner } from 'typeorm';

// Files attached to a case (photos, documents, the resident's own letters). The row says what a
// file is; its bytes are in the attachment storage under the row's id. A case's files are read
// together, newest last, by the index on (complaint_id, uploaded_at, id). The case's row may not
// be deleted while files name it: they would be left on disk with nothing saying whose they are.
export class Attachments1765152000000 implements MigrationInterface {
  name = 'Attachments1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "attachment" (
        "id" uuid NOT NULL,
        "complaint_id" uuid NOT NULL,
        "file_name" character varying(255) NOT NULL,
        "content_type" text NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" character(64) NOT NULL,
        "description" text,
        "uploaded_by_kind" text NOT NULL,
        "uploaded_by_id" text NOT NULL,
        "uploaded_by_name" text,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_attachment" PRIMARY KEY ("id"),
        CONSTRAINT "fk_attachment_complaint" FOREIGN KEY ("complaint_id")
          REFERENCES "complaint"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_attachment_complaint_uploaded_at" ON "attachment" ("complaint_id", "uploaded_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
