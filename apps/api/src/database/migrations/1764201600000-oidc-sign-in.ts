import type { MigrationInterface, QueryRunner } from 'typeorm';

// Sign-ins through the identity provider that have begun and not yet come back: the state (as
// its hash), nonce and PKCE verifier, and the hash of the cookie that ties each to its browser.
// In the database rather than in memory so that the provider's redirect may reach any instance.
export class OidcSignIn1764201600000 implements MigrationInterface {
  name = 'OidcSignIn1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oidc_sign_in" (
        "state_hash" text NOT NULL,
        "binding_hash" text NOT NULL,
        "code_verifier" text NOT NULL,
        "nonce" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_oidc_sign_in" PRIMARY KEY ("state_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_oidc_sign_in_expires_at" ON "oidc_sign_in" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oidc_sign_in"`);
  }
}
