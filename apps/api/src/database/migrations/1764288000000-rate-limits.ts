import type { MigrationInterface, QueryRunner } from 'typeorm';

// The counters of the rate limits (limits/rate-limit.repository.ts), shared by every API
// instance on one PostgreSQL server. The shape is rate-limiter-flexible's own (RateLimiterPostgres
// would create it; here the migrations own the schema). Unlogged: a counter is written on every
// request and worth nothing after a crash, so it is not worth a WAL record; a crash or a failover
// starts every counter at nought. `expire` is milliseconds since 1970, as the library writes it.
export class RateLimits1764288000000 implements MigrationInterface {
  name = 'RateLimits1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "rate_limit" (
        "key" varchar(255) PRIMARY KEY,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
