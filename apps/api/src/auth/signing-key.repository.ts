import type { DataSource } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity.js';

export interface StoredSigningKey {
  readonly kid: string;
  readonly algorithm: string;
  readonly privateJwk: Record<string, unknown>;
}

export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first: the last one signs. */
  async findAll(): Promise<StoredSigningKey[]> {
    return this.dataSource
      .getRepository(SigningKeyEntity)
      .find({ order: { createdAt: 'ASC', kid: 'ASC' } });
  }

  async insert(key: StoredSigningKey): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO signing_key (kid, algorithm, private_jwk) VALUES ($1, $2, $3::jsonb)',
      [key.kid, key.algorithm, JSON.stringify(key.privateJwk)],
    );
  }
}
