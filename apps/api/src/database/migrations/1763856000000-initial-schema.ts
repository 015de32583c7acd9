import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written from what TypeORM's schema builder wants for the entities (a test checks that it
// wants nothing more after this runs), plus what entities cannot say: the append-only trigger,
// the reference sequence, the text-search and partial indexes.
export class InitialSchema1763856000000 implements MigrationInterface {
  name = 'InitialSchema1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "complaint_event" (
        "complaint_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_kind" text NOT NULL,
        "actor_id" text NOT NULL,
        "actor_name" text,
        CONSTRAINT "uq_complaint_event_position" UNIQUE ("position"),
        CONSTRAINT "pk_complaint_event" PRIMARY KEY ("complaint_id", "version")
      )`);

    // History is never rewritten: the database itself refuses, whoever asks.
    await queryRunner.query(`
      CREATE FUNCTION "complaint_event_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'complaint_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation',
                HINT = 'Record a new event instead of changing or removing one.';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "complaint_event_no_update_delete"
        BEFORE UPDATE OR DELETE ON "complaint_event"
        FOR EACH STATEMENT EXECUTE FUNCTION "complaint_event_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "complaint_event_no_truncate"
        BEFORE TRUNCATE ON "complaint_event"
        FOR EACH STATEMENT EXECUTE FUNCTION "complaint_event_append_only"()`);

    await queryRunner.query(`
      CREATE TABLE "complaint" (
        "id" uuid NOT NULL,
        "reference" text NOT NULL,
        "version" integer NOT NULL,
        "status" text NOT NULL,
        "stage" smallint NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_on" date NOT NULL,
        "channel" text NOT NULL,
        "category" text NOT NULL,
        "tenure" text NOT NULL,
        "assignee" text,
        "complainant_name" text NOT NULL,
        "vulnerable" boolean NOT NULL DEFAULT false,
        "summary" text NOT NULL,
        "policy_id" text NOT NULL,
        "policy_version" integer NOT NULL,
        "service_request_id" uuid,
        "stage1_acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "stage1_extended_days" integer NOT NULL DEFAULT '0',
        "stage1_responded_at" TIMESTAMP WITH TIME ZONE,
        "stage1_outcome" text,
        "escalated_at" TIMESTAMP WITH TIME ZONE,
        "stage2_acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "stage2_extended_days" integer NOT NULL DEFAULT '0',
        "stage2_responded_at" TIMESTAMP WITH TIME ZONE,
        "stage2_outcome" text,
        "open_actions" integer NOT NULL DEFAULT '0',
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "close_reason" text,
        "withdrawn_reason" text,
        "refusal_reason" text,
        "ombudsman_referred_at" TIMESTAMP WITH TIME ZONE,
        "next_due_on" date,
        "next_due_kind" text,
        "next_due_stage" smallint,
        "auto_close_on" date,
        "state" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_complaint_reference" UNIQUE ("reference"),
        CONSTRAINT "pk_complaint" PRIMARY KEY ("id")
      )`);
    // The questions handlers and analysts ask of the list.
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_status_next_due_on" ON "complaint" ("status", "next_due_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_next_due_on" ON "complaint" ("next_due_on", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_complaint_stage" ON "complaint" ("stage")`);
    await queryRunner.query(`CREATE INDEX "ix_complaint_category" ON "complaint" ("category")`);
    await queryRunner.query(`CREATE INDEX "ix_complaint_assignee" ON "complaint" ("assignee")`);
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_received_at" ON "complaint" ("received_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_updated_at" ON "complaint" ("updated_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_tenure_received_on" ON "complaint" ("tenure", "received_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_auto_close_on" ON "complaint" ("auto_close_on")`,
    );
    // Must match SEARCH_DOCUMENT in complaint.repository.ts, or the planner cannot use it.
    await queryRunner.query(`
      CREATE INDEX "ix_complaint_search" ON "complaint" USING gin (
        to_tsvector('simple', reference || ' ' || complainant_name || ' ' || summary)
      )`);

    await queryRunner.query(`
      CREATE TABLE "complaint_deadline" (
        "complaint_id" uuid NOT NULL,
        "stage" smallint NOT NULL,
        "kind" text NOT NULL,
        "due_on" date NOT NULL,
        "warn_on" date NOT NULL,
        "met_at" TIMESTAMP WITH TIME ZONE,
        "provisional" boolean NOT NULL,
        "last_alert" text,
        "last_alert_on" date,
        CONSTRAINT "pk_complaint_deadline" PRIMARY KEY ("complaint_id", "stage", "kind"),
        CONSTRAINT "fk_complaint_deadline_complaint" FOREIGN KEY ("complaint_id")
          REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    // The watcher reads only unmet deadlines; met ones are most of the table in time.
    await queryRunner.query(`
      CREATE INDEX "ix_complaint_deadline_due_on_unmet" ON "complaint_deadline" ("warn_on", "due_on")
        WHERE "met_at" IS NULL`);

    await queryRunner.query(`
      CREATE TABLE "deadline_alert" (
        "complaint_id" uuid NOT NULL,
        "stage" smallint NOT NULL,
        "kind" text NOT NULL,
        "alert" text NOT NULL,
        "due_on" date NOT NULL,
        "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "raised_by" text,
        CONSTRAINT "pk_deadline_alert" PRIMARY KEY ("complaint_id", "stage", "kind", "alert", "due_on"),
        CONSTRAINT "fk_deadline_alert_complaint" FOREIGN KEY ("complaint_id")
          REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "policy" (
        "id" text NOT NULL,
        "version" integer NOT NULL,
        "name" text NOT NULL,
        "body" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_policy" PRIMARY KEY ("id", "version")
      )`);

    await queryRunner.query(`
      CREATE TABLE "feedback" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "channel" text NOT NULL,
        "from_name" text,
        "summary" text NOT NULL,
        "category" text NOT NULL,
        "converted_complaint_id" uuid,
        "converted_at" TIMESTAMP WITH TIME ZONE,
        "actor_kind" text NOT NULL,
        "actor_id" text NOT NULL,
        "actor_name" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "payload" jsonb NOT NULL,
        CONSTRAINT "pk_feedback" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_kind_received_at" ON "feedback" ("kind", "received_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_received_at" ON "feedback" ("received_at", "id")`,
    );

    // References: CMP-<year>-<000123>. A sequence never hands out a number twice, even to
    // transactions that roll back (which leave gaps, as references may).
    await queryRunner.query(`CREATE SEQUENCE "complaint_reference_seq" AS bigint START 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "complaint_reference_seq"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
    await queryRunner.query(`DROP TABLE "policy"`);
    await queryRunner.query(`DROP TABLE "deadline_alert"`);
    await queryRunner.query(`DROP TABLE "complaint_deadline"`);
    await queryRunner.query(`DROP TABLE "complaint"`);
    // Dropping the table drops its triggers; TRUNCATE-refusal does not stand in the way of DROP.
    await queryRunner.query(`DROP TABLE "complaint_event"`);
    await queryRunner.query(`DROP FUNCTION "complaint_event_append_only"()`);
  }
}
