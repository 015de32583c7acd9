import type { MigrationInterface, QueryRunner } from 'typeorm';

// Letters to residents, as issued, and the landlord's letter template.
//
// A letter is kept exactly as it went out: its parts, its HTML and its PDF are written once, at
// issue, and a trigger refuses any later change to them, whatever writes to the table. Only
// its delivery moves on (queued for email, sent, failed, waiting to be posted, posted). The
// sender claims due emails with FOR UPDATE SKIP LOCKED; the partial index holds only the
// letters still waiting, so the claim reads nothing else.
export class Letters1764979200000 implements MigrationInterface {
  name = 'Letters1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "letter" (
        "id" uuid NOT NULL,
        "complaint_id" uuid NOT NULL,
        "reference" text NOT NULL,
        "kind" text NOT NULL,
        "stage" integer NOT NULL,
        "issued_on" date NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "issued_by_id" text NOT NULL,
        "issued_by_name" text NOT NULL,
        "recipient_name" text NOT NULL,
        "recipient_email" text,
        "recipient_address" text,
        "large_print" boolean NOT NULL,
        "translate_to" text,
        "content" jsonb NOT NULL,
        "html" text NOT NULL,
        "pdf" bytea NOT NULL,
        "delivery" text NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "message_id" text,
        "posted_on" date,
        "posted_by" text,
        CONSTRAINT "pk_letter" PRIMARY KEY ("id"),
        CONSTRAINT "fk_letter_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_letter_complaint_issued" ON "letter" ("complaint_id", "issued_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_email_due" ON "letter" ("next_attempt_at") WHERE "delivery" = 'EMAIL_QUEUED'`,
    );
    await queryRunner.query(`
      CREATE FUNCTION letter_as_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.complaint_id IS DISTINCT FROM OLD.complaint_id
          OR NEW.reference IS DISTINCT FROM OLD.reference
          OR NEW.kind IS DISTINCT FROM OLD.kind
          OR NEW.stage IS DISTINCT FROM OLD.stage
          OR NEW.issued_on IS DISTINCT FROM OLD.issued_on
          OR NEW.issued_at IS DISTINCT FROM OLD.issued_at
          OR NEW.issued_by_id IS DISTINCT FROM OLD.issued_by_id
          OR NEW.recipient_name IS DISTINCT FROM OLD.recipient_name
          OR NEW.recipient_email IS DISTINCT FROM OLD.recipient_email
          OR NEW.recipient_address IS DISTINCT FROM OLD.recipient_address
          OR NEW.content IS DISTINCT FROM OLD.content
          OR NEW.html IS DISTINCT FROM OLD.html
          OR NEW.pdf IS DISTINCT FROM OLD.pdf THEN
          RAISE EXCEPTION 'An issued letter is kept as it was issued: only its delivery may change'
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_letter_as_issued" BEFORE UPDATE ON "letter"
        FOR EACH ROW EXECUTE FUNCTION letter_as_issued()`);
    await queryRunner.query(`
      CREATE FUNCTION letter_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'An issued letter is part of the case record: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_letter_kept" BEFORE DELETE OR TRUNCATE ON "letter"
        FOR EACH STATEMENT EXECUTE FUNCTION letter_kept()`);
    await queryRunner.query(`
      CREATE TABLE "letter_template" (
        "id" text NOT NULL,
        "template" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" text NOT NULL,
        CONSTRAINT "pk_letter_template" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "letter_template"`);
    await queryRunner.query(`DROP TABLE "letter"`);
    await queryRunner.query(`DROP FUNCTION letter_kept()`);
    await queryRunner.query(`DROP FUNCTION letter_as_issued()`);
  }
}
