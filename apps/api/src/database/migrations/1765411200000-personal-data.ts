import { splitPersonal, type ComplaintEvent } from '@redress/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Personal data where it can be erased (UK GDPR erasure and retention), events still
// append-only:
// - complaint_event_personal: each event's personal fields (the domain's PERSONAL_FIELDS), one
//   row per event that has any, keyed by the event. The event keeps the fields replaced
//   (`[anonymised]`, the complainant's type without who they are); reading joins the two.
//   Anonymising a case replaces or removes these rows and never touches complaint_event.
// - The events stored before this are split once, here: the one time an event row is
//   rewritten, with its append-only trigger held off for this transaction only.
// - complaint_anonymisation: which cases were anonymised, when, why (a request or the
//   retention period) and by whom.
// - An issued letter may change once more, when its case is anonymised: the trigger that keeps
//   it as issued lets through a change made with `redress.anonymising` set for the transaction.
// - complaint (resident_key): the cases of one resident, for subject access and erasure, and
//   grouped by resident for the retention job.
export class PersonalData1765411200000 implements MigrationInterface {
  name = 'PersonalData1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "complaint_event_personal" (
        "complaint_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "personal" jsonb NOT NULL,
        CONSTRAINT "pk_complaint_event_personal" PRIMARY KEY ("complaint_id", "version"),
        CONSTRAINT "fk_complaint_event_personal_event" FOREIGN KEY ("complaint_id", "version")
          REFERENCES "complaint_event"("complaint_id", "version") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "complaint_anonymisation" (
        "complaint_id" uuid NOT NULL,
        "anonymised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL,
        "by_kind" text NOT NULL,
        "by_id" text NOT NULL,
        "by_name" text,
        CONSTRAINT "pk_complaint_anonymisation" PRIMARY KEY ("complaint_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_resident_key" ON "complaint" ("resident_key") INCLUDE ("closed_at")`,
    );
    await splitStoredEvents(queryRunner);
    await queryRunner.query(letterAsIssued(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(letterAsIssued(false));
    // The personal fields go back into their events (those of anonymised cases are gone).
    await queryRunner.query(
      `ALTER TABLE "complaint_event" DISABLE TRIGGER "complaint_event_no_update_delete"`,
    );
    await queryRunner.query(`
      UPDATE "complaint_event" e SET "payload" = e."payload" || p."personal"
        FROM "complaint_event_personal" p
       WHERE p."complaint_id" = e."complaint_id" AND p."version" = e."version"`);
    await queryRunner.query(
      `ALTER TABLE "complaint_event" ENABLE TRIGGER "complaint_event_no_update_delete"`,
    );
    await queryRunner.query(`DROP INDEX "ix_complaint_resident_key"`);
    await queryRunner.query(`DROP TABLE "complaint_anonymisation"`);
    await queryRunner.query(`DROP TABLE "complaint_event_personal"`);
  }
}

/** The letters migration's trigger function, with the anonymisation's way through or without. */
function letterAsIssued(anonymisingAllowed: boolean): string {
  const through = anonymisingAllowed
    ? `IF current_setting('redress.anonymising', true) = 'on' THEN
          RETURN NEW;
        END IF;`
    : '';
  return `
      CREATE OR REPLACE FUNCTION letter_as_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${through}
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
      END $$`;
}

const BATCH = 2000;

/** Moves the personal fields of every stored event into complaint_event_personal, by position. */
export async function splitStoredEvents(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE "complaint_event" DISABLE TRIGGER "complaint_event_no_update_delete"`,
  );
  let after = '0';
  for (;;) {
    const rows: Array<{
      complaint_id: string;
      version: number;
      position: string;
      payload: ComplaintEvent;
    }> = await queryRunner.query(
      // Ordered by the column, not the text alias: '10' sorts before '9'.
      `SELECT e.complaint_id, e.version, e.position::text AS position, e.payload
           FROM "complaint_event" e
          WHERE e.position > $1::bigint ORDER BY e.position LIMIT $2::int`,
      [after, BATCH],
    );
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    after = last.position;
    const split = rows.flatMap((row) => {
      const { body, personal } = splitPersonal(row.payload);
      return personal === null ? [] : [{ row, body, personal }];
    });
    if (split.length === 0) continue;
    const ids = split.map((s) => s.row.complaint_id);
    const versions = split.map((s) => s.row.version);
    await queryRunner.query(
      `INSERT INTO "complaint_event_personal" ("complaint_id", "version", "personal")
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]::jsonb[])`,
      [ids, versions, split.map((s) => JSON.stringify(s.personal))],
    );
    await queryRunner.query(
      `UPDATE "complaint_event" e SET "payload" = b.body
         FROM unnest($1::uuid[], $2::int[], $3::text[]::jsonb[]) AS b(complaint_id, version, body)
        WHERE e.complaint_id = b.complaint_id AND e.version = b.version`,
      [ids, versions, split.map((s) => JSON.stringify(s.body))],
    );
  }
  await queryRunner.query(
    `ALTER TABLE "complaint_event" ENABLE TRIGGER "complaint_event_no_update_delete"`,
  );
}
