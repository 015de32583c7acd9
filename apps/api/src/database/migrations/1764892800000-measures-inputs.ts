import type { MigrationInterface, QueryRunner } from 'typeorm';

// What the measures need that no complaint holds: the number of homes per reporting year and
// tenure (CH01's divisor), the perception survey's responses (TP09), and "You said, we did", the
// landlord's record of what residents told it and what it changed.
//
// A survey response is known by its respondent's survey id and the day it was answered, so that
// importing the same file again changes nothing. Its reporting year is stored (the domain's
// reportingYearOf), so the figures filter on a column rather than work a year out in SQL; the
// index in (year, answered_on, id) serves both the year's counts and the list in that order.
export class MeasuresInputs1764892800000 implements MigrationInterface {
  name = 'MeasuresInputs1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "homes" (
        "year" integer NOT NULL,
        "tenure" text NOT NULL,
        "homes" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" text NOT NULL,
        CONSTRAINT "pk_homes" PRIMARY KEY ("year", "tenure")
      )`);
    await queryRunner.query(`
      CREATE TABLE "survey_response" (
        "id" uuid NOT NULL,
        "respondent" text NOT NULL,
        "tenure" text NOT NULL,
        "answered_on" date NOT NULL,
        "reporting_year" integer NOT NULL,
        "complained_in_last_12_months" boolean NOT NULL,
        "complaint_handling" text,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_by" text NOT NULL,
        CONSTRAINT "uq_survey_response_respondent_answered_on" UNIQUE ("respondent", "answered_on"),
        CONSTRAINT "pk_survey_response" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_survey_response_year_answered_on" ON "survey_response" ("reporting_year", "answered_on", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "improvement" (
        "id" uuid NOT NULL,
        "year" integer NOT NULL,
        "you_said" text NOT NULL,
        "we_did" text NOT NULL,
        "category" text,
        "complaint_references" text,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_by" text NOT NULL,
        CONSTRAINT "pk_improvement" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_improvement_year_recorded_at" ON "improvement" ("year", "recorded_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "improvement"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP TABLE "homes"`);
  }
}
