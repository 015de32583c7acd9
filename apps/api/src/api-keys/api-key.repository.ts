import type { ApiKeyScope } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { isUuid } from '../shared/uuid.js';
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

function toRecord(row: ApiKeyEntity): ApiKeyRecord {
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
