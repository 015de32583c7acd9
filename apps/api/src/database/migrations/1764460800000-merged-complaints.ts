import type { MigrationInterface, QueryRunner } from 'typeorm';

// A duplicate merged into the case it repeats names that case here, so that its reference
// answers with the case that carries on. Filled from the snapshots for any case merged before
// the column existed.
export class MergedComplaints1764460800000 implements MigrationInterface {
  name = 'MergedComplaints1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" ADD "merged_into_id" uuid`);
    await fillMergedInto(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "merged_into_id"`);
  }
}

/** The data half: each merged case's survivor, read from its snapshot. */
export async function fillMergedInto(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      UPDATE "complaint"
         SET "merged_into_id" = ("state"->'mergedInto'->>'id')::uuid
       WHERE jsonb_typeof("state"->'mergedInto') = 'object'
         AND "state"->'mergedInto'->>'id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
}
