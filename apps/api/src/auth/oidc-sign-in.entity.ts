import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in through the identity provider that has begun and not yet come back: what the
 * callback must prove it belongs to. Held in the database, not in memory, so that the callback
 * may reach any instance behind a load balancer. Taken (deleted) by the callback that uses it.
 */
@Entity({ name: 'oidc_sign_in' })
@Index('ix_oidc_sign_in_expires_at', ['expiresAt'])
export class OidcSignInEntity {
  /** SHA-256 of the `state` sent to the provider. */
  @PrimaryColumn({ name: 'state_hash', type: 'text', primaryKeyConstraintName: 'pk_oidc_sign_in' })
  stateHash: string;

  /** SHA-256 of the secret in the browser's cookie: the callback must come from that browser. */
  @Column({ name: 'binding_hash', type: 'text' })
  bindingHash: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
