import type { Role } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { isUuid } from '../shared/uuid.js';
import { RefreshTokenEntity, SessionEntity } from './session.entity.js';

/** What an access token's session says of its user, read on every request. */
export interface SessionHolder {
  readonly sessionId: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role | null;
  readonly active: boolean;
  readonly teamIds: readonly string[];
  readonly revoked: boolean;
  readonly expiresAt: Date;
}

export interface RefreshUse {
  readonly sessionId: string;
  /** The token had been used before: someone holds a copy of it. */
  readonly reused: boolean;
}

/** Sessions (refresh-token families) and their tokens. */
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    session: {
      readonly id: string;
      readonly userId: string;
      readonly expiresAt: Date;
      readonly address: string | null;
      readonly userAgent: string | null;
    },
    firstTokenHash: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SessionEntity).insert(session);
      await manager
        .getRepository(RefreshTokenEntity)
        .insert({ tokenHash: firstTokenHash, sessionId: session.id });
    });
  }

  /** The session and its user in one statement: what every signed-in request checks. */
  async findHolder(sessionId: string): Promise<SessionHolder | null> {
    if (!isUuid(sessionId)) return null;
    const rows: Array<{
      session_id: string;
      user_id: string;
      email: string;
      name: string;
      role: Role | null;
      active: boolean;
      team_ids: string[];
      revoked: boolean;
      expires_at: Date;
    }> = await this.dataSource.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.email, u.name, u.role, u.active,
              ARRAY(SELECT t.team_id::text FROM user_team t WHERE t.user_id = u.id) AS team_ids,
              (s.revoked_at IS NOT NULL) AS revoked, s.expires_at
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      active: row.active,
      teamIds: row.team_ids,
      revoked: row.revoked,
      expiresAt: row.expires_at,
    };
  }

  /**
   * Uses a refresh token once: marks it used and stores its successor in one transaction. A
   * token already used comes back `reused` and nothing is stored; an unknown one, null.
   */
  async rotate(tokenHash: string, nextHash: string, now: Date): Promise<RefreshUse | null> {
    return this.dataSource.transaction(async (manager) => {
      const used: Array<{ session_id: string }> = await manager.query(
        `WITH used AS (
           UPDATE refresh_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL
           RETURNING session_id
         ) SELECT session_id FROM used`,
        [tokenHash, now.toISOString()],
      );
      const sessionId = used[0]?.session_id;
      if (sessionId !== undefined) {
        await manager.getRepository(RefreshTokenEntity).insert({ tokenHash: nextHash, sessionId });
        return { sessionId, reused: false };
      }
      const known = await manager.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
      return known ? { sessionId: known.sessionId, reused: true } : null;
    });
  }

  async sessionOf(tokenHash: string): Promise<string | null> {
    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    return known?.sessionId ?? null;
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    if (!isUuid(sessionId)) return;
    await this.dataSource.query(
      `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3
        WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, now.toISOString(), reason],
    );
  }

  /** Every open session of a user; returns how many were open. */
  async revokeAllOf(userId: string, reason: string, now: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE auth_session SET revoked_at = $2, revoked_reason = $3
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING id
       ) SELECT id FROM revoked`,
      [userId, now.toISOString(), reason],
    );
    return rows.length;
  }
}
