// The domain's scopeAdmits and the repository's scopeCondition say one rule twice, in
// TypeScript and in SQL: this holds them equal over every kind of scope and placement, on the
// test database itself.
import { randomUUID } from 'node:crypto';
import { scopeAdmits, type ComplaintPlacement, type ComplaintScope } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { scopeCondition } from './complaint.repository.js';

const me = randomUUID();
const colleague = randomUUID();
const myTeam = randomUUID();
const otherTeam = randomUUID();
const myKey = randomUUID();
const otherKey = randomUUID();

const SCOPES: readonly ComplaintScope[] = [
  { kind: 'all' },
  { kind: 'none' },
  { kind: 'queue', userId: me, teamIds: [myTeam] },
  { kind: 'queue', userId: me, teamIds: [] },
  { kind: 'logged-by', apiKeyId: myKey },
];

const PLACEMENTS: readonly ComplaintPlacement[] = [null, me, colleague].flatMap((assigneeId) =>
  [null, myTeam, otherTeam].flatMap((teamId) =>
    [null, myKey, otherKey].map((loggedByApiKeyId) => ({ assigneeId, teamId, loggedByApiKeyId })),
  ),
);

describe('a complaint scope, in TypeScript and in SQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  it.each(SCOPES.map((scope) => [JSON.stringify(scope), scope] as const))(
    'admits the same placements: %s',
    async (_name, scope) => {
      const params: unknown[] = [
        PLACEMENTS.map((p) => p.assigneeId),
        PLACEMENTS.map((p) => p.teamId),
        PLACEMENTS.map((p) => p.loggedByApiKeyId),
      ];
      const condition = scopeCondition(scope, (value) => `$${params.push(value)}`);
      const rows: Array<{ n: number }> = await db.dataSource.query(
        `SELECT n::int AS n
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY
             AS complaint(assignee_id, team_id, logged_by_api_key_id, n)
          ${condition === null ? '' : `WHERE ${condition}`}
          ORDER BY n`,
        params,
      );
      const inSql = rows.map((row) => row.n - 1);
      const inDomain = PLACEMENTS.flatMap((placement, index) =>
        scopeAdmits(scope, placement) ? [index] : [],
      );
      expect(inSql).toEqual(inDomain);
    },
  );
});
