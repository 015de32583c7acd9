import type { MigrationInterface, QueryRunner } from 'typeorm';

// Who may do what: staff users and their teams, sign-in sessions with rotating refresh tokens,
// partners' API keys, the keys that sign access tokens, and the append-only security log. The
// complaint read model gains the columns its scope is filtered by (assignee and team as users,
// the API key that logged the case).
//
// Names a handler was assigned by before users existed are mapped to users here: one user per
// distinct name, with no role, no password and inactive, so that an admin gives each an email
// and a role (or merges them) before anyone signs in as them. The case keeps its typed name.
export class SignIn1764115200000 implements MigrationInterface {
  name = 'SignIn1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "team" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_team_name" UNIQUE ("name"),
        CONSTRAINT "pk_team" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL,
        "email" text NOT NULL,
        "name" text NOT NULL,
        "role" text,
        "active" boolean NOT NULL DEFAULT true,
        "password_hash" text,
        "oidc_subject" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_app_user_email" UNIQUE ("email"),
        CONSTRAINT "pk_app_user" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "user_team" (
        "user_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        CONSTRAINT "pk_user_team" PRIMARY KEY ("user_id", "team_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_user_team_team" ON "user_team" ("team_id")`);

    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" text,
        "address" text,
        "user_agent" text,
        CONSTRAINT "pk_auth_session" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_auth_session_user" ON "auth_session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_token" (
        "token_hash" text NOT NULL,
        "session_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_refresh_token" PRIMARY KEY ("token_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_token_session" ON "refresh_token" ("session_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "api_key" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "prefix" text NOT NULL,
        "secret_hash" text NOT NULL,
        "scopes" text array NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_api_key_prefix" UNIQUE ("prefix"),
        CONSTRAINT "pk_api_key" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "signing_key" (
        "kid" text NOT NULL,
        "algorithm" text NOT NULL,
        "private_jwk" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_signing_key" PRIMARY KEY ("kid")
      )`);

    await queryRunner.query(`
      CREATE TABLE "security_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "kind" text NOT NULL,
        "actor_kind" text,
        "actor_id" text,
        "subject_kind" text,
        "subject_id" text,
        "address" text,
        "detail" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_security_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_security_log_at" ON "security_log" ("at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_security_log_actor" ON "security_log" ("actor_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_security_log_subject" ON "security_log" ("subject_id", "at")`,
    );
    // Like the case events, the security log is never rewritten: the database refuses.
    await queryRunner.query(`
      CREATE FUNCTION "security_log_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'security_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "security_log_no_update_delete"
        BEFORE UPDATE OR DELETE ON "security_log"
        FOR EACH STATEMENT EXECUTE FUNCTION "security_log_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "security_log_no_truncate"
        BEFORE TRUNCATE ON "security_log"
        FOR EACH STATEMENT EXECUTE FUNCTION "security_log_append_only"()`);

    await queryRunner.query(`
      ALTER TABLE "complaint"
        ADD "assignee_id" uuid,
        ADD "team_id" uuid,
        ADD "logged_by_api_key_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_assignee_id" ON "complaint" ("assignee_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_complaint_team_id" ON "complaint" ("team_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_logged_by_api_key_id" ON "complaint" ("logged_by_api_key_id")`,
    );

    await mapTypedHandlersToUsers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_complaint_logged_by_api_key_id"`);
    await queryRunner.query(`DROP INDEX "ix_complaint_team_id"`);
    await queryRunner.query(`DROP INDEX "ix_complaint_assignee_id"`);
    await queryRunner.query(`
      ALTER TABLE "complaint"
        DROP COLUMN "logged_by_api_key_id", DROP COLUMN "team_id", DROP COLUMN "assignee_id"`);
    await queryRunner.query(`DROP TABLE "security_log"`);
    await queryRunner.query(`DROP FUNCTION "security_log_append_only"()`);
    await queryRunner.query(`DROP TABLE "signing_key"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "user_team"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "team"`);
  }
}

/**
 * The data half of the migration, on its own so that a test can run it over rows shaped as
 * they were before: who logged each case into its snapshot, and typed handler names to users.
 */
export async function mapTypedHandlersToUsers(queryRunner: QueryRunner): Promise<void> {
  // Who logged each case, from its first event, into the snapshot.
  await queryRunner.query(`
    UPDATE "complaint" c
       SET "state" = jsonb_set(c."state", '{loggedBy}', jsonb_strip_nulls(jsonb_build_object(
             'kind', e."actor_kind", 'id', e."actor_id", 'name', e."actor_name")))
      FROM "complaint_event" e
     WHERE e."complaint_id" = c."id" AND e."version" = 1 AND NOT c."state" ? 'loggedBy'`);

  // Typed handler names become (inactive, role-less) users, and the snapshots name them.
  await queryRunner.query(`
    INSERT INTO "app_user" ("id", "email", "name", "role", "active")
    SELECT gen_random_uuid(),
           'handler-' || substr(md5(n.name), 1, 12) || '@users.redress.invalid', n.name, NULL, false
      FROM (SELECT DISTINCT s->>'handler' AS name
              FROM "complaint" c, jsonb_array_elements(c."state"->'stages') s
             WHERE s->>'handler' IS NOT NULL) n
    ON CONFLICT ("email") DO NOTHING`);
  await queryRunner.query(`
    UPDATE "complaint" c
       SET "state" = jsonb_set(c."state", '{stages}', (
             SELECT jsonb_agg(
                      CASE WHEN s->>'handler' IS NULL OR s->>'handlerId' IS NOT NULL THEN s
                           ELSE s || jsonb_build_object('handlerId',
                                  (SELECT u."id" FROM "app_user" u WHERE u."name" = s->>'handler'
                                    ORDER BY u."created_at" LIMIT 1))
                      END
                      ORDER BY n)
               FROM jsonb_array_elements(c."state"->'stages') WITH ORDINALITY AS t(s, n)))
     WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(c."state"->'stages') s
                    WHERE s->>'handler' IS NOT NULL AND s->>'handlerId' IS NULL)`);
  await queryRunner.query(`
    UPDATE "complaint" c
       SET "assignee_id" = ((c."state"->'stages'->(c."stage" - 1))->>'handlerId')::uuid
     WHERE c."assignee_id" IS NULL`);
}
