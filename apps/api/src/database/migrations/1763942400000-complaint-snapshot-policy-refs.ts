import type { MigrationInterface, QueryRunner } from 'typeorm';

// The read model's snapshot keeps each stage's policy as a reference ({ id, version }) instead
// of a full copy: policy versions are immutable rows of `policy`, so the copy only made every
// row about 2 KB to read and write. The events keep their copies (the audit record). Existing
// rows are rewritten here; the mapper still reads a full copy, so a row written by an older
// instance during a rolling deploy reads the same.
export class ComplaintSnapshotPolicyRefs1763942400000 implements MigrationInterface {
  name = 'ComplaintSnapshotPolicyRefs1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A reference must name a stored version: a copy of one that is not stored (written by an
    // import) is stored first, never overwriting a version that is.
    await queryRunner.query(`
      INSERT INTO "policy" ("id", "version", "name", "body")
      SELECT DISTINCT ON (s->'policy'->>'id', (s->'policy'->>'version')::int)
             s->'policy'->>'id', (s->'policy'->>'version')::int, s->'policy'->>'name', s->'policy'
        FROM "complaint" c, jsonb_array_elements(c."state"->'stages') s
       WHERE s->'policy' ? 'stage1'
      ON CONFLICT ("id", "version") DO NOTHING`);
    await queryRunner.query(`
      UPDATE "complaint" c
         SET "state" = jsonb_set(c."state", '{stages}', (
               SELECT jsonb_agg(
                        CASE WHEN s->'policy' ? 'stage1'
                             THEN jsonb_set(s, '{policy}', jsonb_build_object(
                                    'id', s->'policy'->'id', 'version', s->'policy'->'version'))
                             ELSE s END
                        ORDER BY n)
                 FROM jsonb_array_elements(c."state"->'stages') WITH ORDINALITY AS t(s, n)))
       WHERE EXISTS (
               SELECT 1 FROM jsonb_array_elements(c."state"->'stages') s
                WHERE s->'policy' ? 'stage1')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "complaint" c
         SET "state" = jsonb_set(c."state", '{stages}', (
               SELECT jsonb_agg(
                        CASE WHEN s->'policy' ? 'stage1' THEN s
                             ELSE jsonb_set(s, '{policy}', coalesce(p."body", s->'policy')) END
                        ORDER BY n)
                 FROM jsonb_array_elements(c."state"->'stages') WITH ORDINALITY AS t(s, n)
                 LEFT JOIN "policy" p
                   ON p."id" = s->'policy'->>'id' AND p."version" = (s->'policy'->>'version')::int))
       WHERE jsonb_array_length(c."state"->'stages') > 0`);
  }
}
