import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A partner application's key. The secret is shown once; only its SHA-256 is kept. */
@Entity({ name: 'api_key' })
@Unique('uq_api_key_prefix', ['prefix'])
@Index('ix_api_key_created_at', ['createdAt', 'id'])
@Index('ix_api_key_name', ['name', 'id'])
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_api_key' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The key's public part (`rk_` and 12 characters), shown in lists and logs. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
