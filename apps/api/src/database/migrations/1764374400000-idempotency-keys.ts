import type { MigrationInterface, QueryRunner } from 'typeorm';

// Idempotency keys (idempotency/): the writes callers named with a key, kept 24 hours so that a
// retry after a lost answer is given the first result instead of writing again. The index on
// created_at serves the sweep of expired keys.
export class IdempotencyKeys1764374400000 implements MigrationInterface {
  name = 'IdempotencyKeys1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_key" (
        "caller_kind" text NOT NULL,
        "caller_id" text NOT NULL,
        "key" text NOT NULL,
        "operation" text NOT NULL,
        "input_hash" text NOT NULL,
        "result_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("caller_kind", "caller_id", "key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_key_created_at" ON "idempotency_key" ("created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
