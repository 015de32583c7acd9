import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';

describe('the migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('leave nothing for TypeORM to synchronise: entities and migrations agree', async () => {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('have run, each recorded once', async () => {
    const rows: Array<{ name: string }> = await db.dataSource.query('SELECT name FROM migration');
    expect(rows.map((row) => row.name)).toEqual(['InitialSchema1763856000000']);
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  describe('the event table is append-only', () => {
    beforeAll(async () => {
      await db.dataSource.query(
        `INSERT INTO complaint_event (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id)
         VALUES (gen_random_uuid(), 1, 'complaint-logged', '{}', now(), 'system', 'test')`,
      );
    });

    it.each([
      ['UPDATE', "UPDATE complaint_event SET type = 'complaint-closed'"],
      ['DELETE', 'DELETE FROM complaint_event'],
      ['TRUNCATE', 'TRUNCATE complaint_event'],
    ])('refuses %s', async (operation, sql) => {
      await expect(db.dataSource.query(sql)).rejects.toThrow(
        `complaint_event is append-only: ${operation} is not allowed`,
      );
      const rows: Array<{ n: number }> = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM complaint_event',
      );
      expect(rows[0]?.n).toBe(1);
    });

    it('still accepts new events', async () => {
      await db.dataSource.query(
        `INSERT INTO complaint_event (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id)
         VALUES (gen_random_uuid(), 1, 'complaint-logged', '{}', now(), 'system', 'test')`,
      );
      const rows: Array<{ n: number }> = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM complaint_event',
      );
      expect(rows[0]?.n).toBe(2);
    });
  });
});
