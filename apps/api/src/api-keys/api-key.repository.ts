import type { ApiKeyScope } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import {
  countUpTo,
  idsCondition,
  readPage,
  sqlParams,
  type ListSql,
  type PageWindow,
  type SortKey,
} from '../shared/keyset-page.js';
import type { OrderDirection } from '../shared/order-direction.js';
import { isUuid } from '../shared/uuid.js';
import type { ApiKeyOrderField } from './api-key-list.input.js';
import { ApiKeyEntity } from './api-key.entity.js';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface ApiKeyFilter {
  readonly ids?: readonly string[];
  readonly revoked?: boolean;
}

export interface ApiKeyOrder {
  readonly field: ApiKeyOrderField;
  readonly direction: OrderDirection;
}

// Each indexed in this order (migration 1764633600000-list-orderings).
const SORT: Readonly<Record<ApiKeyOrderField, SortKey>> = {
  createdAt: { expression: 'created_at', type: 'timestamptz', id: 'id', idType: 'uuid' },
  name: { expression: 'name', type: 'text', id: 'id', idType: 'uuid' },
};

/** The columns ApiKeyEntity's properties are read from (the secret's hash left out). */
const COLUMNS = `id, name, prefix, scopes, created_by AS "createdBy", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"`;

function listSqlOf(filter: ApiKeyFilter, order: ApiKeyOrder): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.revoked === true) where.push('revoked_at IS NOT NULL');
  if (filter.revoked === false) where.push('revoked_at IS NULL');
  return {
    from: 'api_key',
    columns: COLUMNS,
    where,
    params,
    sort: SORT[order.field],
    direction: order.direction,
  };
}

export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    key: Omit<ApiKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & {
      readonly secretHash: string;
    },
  ): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert({ ...key, scopes: [...key.scopes] });
  }

  /** With the hash of its secret, for authenticating a request. */
  async findByPrefix(prefix: string): Promise<(ApiKeyRecord & { secretHash: string }) | null> {
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix });
    return row ? { ...toRecord(row), secretHash: row.secretHash } : null;
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.dataSource
      .getRepository(ApiKeyEntity)
      .find({ order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toRecord);
  }

  /** A page in the list's order, each key with its position. */
  async findPage(
    filter: ApiKeyFilter,
    order: ApiKeyOrder,
    window: PageWindow,
  ): Promise<Array<{ row: ApiKeyRecord; cursor: PageCursor }>> {
    const read = await readPage<Omit<ApiKeyEntity, 'secretHash'>>(
      this.dataSource,
      listSqlOf(filter, order),
      window,
    );
    return read.map(({ row, cursor }) => ({ row: toRecord(row), cursor }));
  }

  async countUpTo(filter: ApiKeyFilter, bound: number): Promise<BoundedCount> {
    return countUpTo(
      this.dataSource,
      listSqlOf(filter, { field: 'createdAt', direction: 'desc' }),
      bound,
    );
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id
       ) SELECT id FROM revoked`,
      [id, now.toISOString()],
    );
    return rows.length > 0;
  }

  /** Records use; answers true when this was the key's first use. */
  async touch(id: string, now: Date): Promise<boolean> {
    // A SELECT around the UPDATE, so both drivers answer rows (pg answers a bare UPDATE …
    // RETURNING through TypeORM as [rows, count]).
    const rows: Array<{ first: boolean }> = await this.dataSource.query(
      `WITH before AS (SELECT last_used_at FROM api_key WHERE id = $1),
            touched AS (UPDATE api_key SET last_used_at = $2 WHERE id = $1 RETURNING id)
       SELECT (SELECT last_used_at IS NULL FROM before) AS first FROM touched`,
      [id, now.toISOString()],
    );
    return rows[0]?.first === true;
  }
}

function toRecord(row: Omit<ApiKeyEntity, 'secretHash'>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}
