import type { Policy } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import { countUpTo, readPage, type ListSql, type PageWindow } from '../shared/keyset-page.js';

export class PolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of every policy. */
  async findAllCurrent(): Promise<Policy[]> {
    const rows: Array<{ body: Policy }> = await this.dataSource.query(
      'SELECT DISTINCT ON (id) body FROM policy ORDER BY id, version DESC',
    );
    return rows.map((row) => row.body);
  }

  /** A page of a policies' list (policy-list.sql.ts), each at its current version. */
  async findPage(
    list: ListSql,
    window: PageWindow,
  ): Promise<Array<{ row: Policy; cursor: PageCursor }>> {
    const read = await readPage<{ body: Policy }>(this.dataSource, list, window);
    return read.map(({ row, cursor }) => ({ row: row.body, cursor }));
  }

  async countUpTo(list: ListSql, bound: number): Promise<BoundedCount> {
    return countUpTo(this.dataSource, list, bound);
  }

  async findCurrent(id: string, manager?: EntityManager): Promise<Policy | null> {
    const rows: Array<{ body: Policy }> = await (manager ?? this.dataSource.manager).query(
      'SELECT body FROM policy WHERE id = $1 ORDER BY version DESC LIMIT 1',
      [id],
    );
    return rows[0]?.body ?? null;
  }

  async findVersion(id: string, version: number): Promise<Policy | null> {
    const rows: Array<{ body: Policy }> = await this.dataSource.query(
      'SELECT body FROM policy WHERE id = $1 AND version = $2',
      [id, version],
    );
    return rows[0]?.body ?? null;
  }

  /** Adds a version; false when that version exists already (never overwritten). */
  async insert(policy: Policy, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO policy (id, version, name, body) VALUES ($1, $2, $3, $4::text::jsonb)
       ON CONFLICT (id, version) DO NOTHING
       RETURNING id`,
      [policy.id, policy.version, policy.name, JSON.stringify(policy)],
    );
    return rows.length > 0;
  }
}
