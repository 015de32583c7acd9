import type { MigrationInterface, QueryRunner } from 'typeorm';

// The residents who review stage 2 complaints with a manager (seed 004: "an independent resident
// from a pool of residents"): the pool the landlord keeps, with each member's consent and the
// conflicts they declared. Their address is what the domain's conflict rule reads, and lives
// here, where it can be corrected or erased, not in the case's append-only events.
export class ReviewPanel1765238400000 implements MigrationInterface {
  name = 'ReviewPanel1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "review_panel_member" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "address_lines" text NOT NULL,
        "postcode" text,
        "consent_given_on" date,
        "consent_withdrawn_on" date,
        "conflicts_declared" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_review_panel_member" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_review_panel_member_name" ON "review_panel_member" ("name", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_panel_member"`);
  }
}
