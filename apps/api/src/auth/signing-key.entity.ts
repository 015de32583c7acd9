import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key that signs access tokens, generated on first start when the operator configures none,
 * so that a restart keeps everyone signed in. The newest signs; every stored one verifies.
 */
@Entity({ name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_signing_key' })
  kid: string;

  @Column({ type: 'text' })
  algorithm: string;

  @Column({ name: 'private_jwk', type: 'jsonb' })
  privateJwk: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
