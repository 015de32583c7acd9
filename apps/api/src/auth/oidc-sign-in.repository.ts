import type { DataSource } from 'typeorm';
import { OidcSignInEntity } from './oidc-sign-in.entity.js';

export interface PendingOidcSignIn {
  readonly stateHash: string;
  readonly bindingHash: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly expiresAt: Date;
}

/** Sign-ins through the identity provider that have begun: each taken once, or expired. */
export class OidcSignInRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(pending: PendingOidcSignIn): Promise<void> {
    await this.dataSource.getRepository(OidcSignInEntity).insert(pending);
  }

  /**
   * Removes and returns the sign-in begun with this state, if it has not expired. One statement,
   * so two callbacks racing with the same state cannot both have it.
   */
  async take(stateHash: string, now: Date): Promise<PendingOidcSignIn | null> {
    // A SELECT around the DELETE, so both drivers answer rows (as api-key.repository.ts does).
    const rows: Row[] = await this.dataSource.query(
      `WITH taken AS (
         DELETE FROM oidc_sign_in WHERE state_hash = $1
         RETURNING state_hash, binding_hash, code_verifier, nonce, expires_at
       ) SELECT * FROM taken`,
      [stateHash],
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at) <= now) return null;
    return {
      stateHash: row.state_hash,
      bindingHash: row.binding_hash,
      codeVerifier: row.code_verifier,
      nonce: row.nonce,
      expiresAt: new Date(row.expires_at),
    };
  }

  /** Forgets sign-ins abandoned at the provider. */
  async deleteExpired(now: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM oidc_sign_in WHERE expires_at <= $1', [
      now.toISOString(),
    ]);
  }
}

interface Row {
  state_hash: string;
  binding_hash: string;
  code_verifier: string;
  nonce: string;
  expires_at: Date | string;
}
