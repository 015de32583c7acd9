import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every list pages by keyset in each order it offers (sort value, then id), and each such order
// has an index to walk: users by name or when added, teams and API keys when made (keys also by
// name), the security log by when (its index on `at` alone gains the id). Users by email, teams
// by name and policies need none: the unique indexes and a few dozen rows serve them.
export class ListOrderings1764633600000 implements MigrationInterface {
  name = 'ListOrderings1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_app_user_name" ON "app_user" ("name", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_app_user_created_at" ON "app_user" ("created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_team_created_at" ON "team" ("created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_api_key_created_at" ON "api_key" ("created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_api_key_name" ON "api_key" ("name", "id")`);
    await queryRunner.query(`DROP INDEX "ix_security_log_at"`);
    await queryRunner.query(`CREATE INDEX "ix_security_log_at" ON "security_log" ("at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_security_log_at"`);
    await queryRunner.query(`CREATE INDEX "ix_security_log_at" ON "security_log" ("at")`);
    await queryRunner.query(`DROP INDEX "ix_api_key_name"`);
    await queryRunner.query(`DROP INDEX "ix_api_key_created_at"`);
    await queryRunner.query(`DROP INDEX "ix_team_created_at"`);
    await queryRunner.query(`DROP INDEX "ix_app_user_created_at"`);
    await queryRunner.query(`DROP INDEX "ix_app_user_name"`);
  }
}
