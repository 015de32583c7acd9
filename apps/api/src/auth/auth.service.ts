import { randomUUID, timingSafeEqual } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { ApiKeyRepository } from '../api-keys/api-key.repository.js';
import type { SecurityLog } from '../audit/security-log.service.js';
import type { Clock } from '../clock.js';
import { UnauthenticatedError } from '../errors/app-errors.js';
import type { UserRecord, UserRepository } from '../users/user.repository.js';
import { ACCESS_TOKEN_SECONDS, type AccessTokens } from './access-tokens.js';
import { verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { ANONYMOUS, apiKeyPrincipal, userPrincipal, type Principal } from './principal.js';
import { newSecret, secretHash } from './refresh-cookie.js';
import type { CredentialCache, CredentialTarget } from './session-cache.js';
import type { SessionRepository } from './session.repository.js';
import { API_KEY_PATTERN, parseApiKey } from '../api-keys/api-key-format.js';

/** Where a request came from, recorded with what it does to sessions. */
export interface RequestMeta {
  readonly address: string | null;
  readonly userAgent: string | null;
}

export interface SignedIn {
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly refreshToken: string;
  /** When the session ends however often it is refreshed. */
  readonly sessionExpiresAt: Date;
  readonly user: UserRecord;
}

/**
 * Limits sign-in attempts (per account and per address). `check` refuses with RATE_LIMITED
 * while a limit holds; failures and successes are reported so that it can count.
 */
export interface SignInThrottle {
  check(email: string, address: string | null): Promise<void>;
  failed(email: string, address: string | null): Promise<void>;
  succeeded(email: string, address: string | null): Promise<void>;
}

export interface AuthServiceDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly tokens: AccessTokens;
  readonly log: SecurityLog;
  readonly clock: Clock;
  /** How long a session lasts from sign-in, refreshed or not (default 12 hours: a working day). */
  readonly sessionSeconds?: number;
  readonly throttle?: SignInThrottle;
  /**
   * Principals of recently verified credentials (session-cache.ts); absent, every request
   * verifies its token and reads its session.
   */
  readonly credentials?: CredentialCache;
}

const WRONG_CREDENTIALS = 'The email address or password is not right.';
const SIGN_IN_AGAIN = 'Your session has ended: sign in again.';
/** How often an API key's last use is written (a key used constantly writes once a minute). */
const TOUCH_EVERY_MS = 60_000;

/** Sign-in, sessions and the one function that turns a request's credentials into a principal. */
export class AuthService {
  private readonly sessionSeconds: number;
  private readonly touched = new Map<string, number>();

  constructor(private readonly deps: AuthServiceDeps) {
    this.sessionSeconds = deps.sessionSeconds ?? 12 * 60 * 60;
  }

  async signIn(email: string, password: string, meta: RequestMeta): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    await this.deps.throttle?.check(normalised, meta.address);
    const user = await this.deps.users.findForSignIn(normalised);
    const ok =
      user?.passwordHash != null
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDecoy(password);
    if (!user || !ok || !user.active) {
      await this.deps.throttle?.failed(normalised, meta.address);
      await this.deps.log.record(
        'sign-in-failed',
        null,
        user ? { kind: 'user', id: user.id } : null,
        {
          email: normalised,
          reason: !user ? 'unknown-email' : !ok ? 'wrong-password' : 'inactive',
        },
        meta.address,
      );
      // The same words whatever was wrong: an attacker learns nothing about which accounts exist.
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.deps.throttle?.succeeded(normalised, meta.address);
    return this.startSession(user, meta, 'password');
  }

  /** Begins a session for a user already proven (a password, or the identity provider). */
  async startSession(user: UserRecord, meta: RequestMeta, method: string): Promise<SignedIn> {
    if (!user.active) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    const now = this.deps.clock.now();
    const sessionId = randomUUID();
    const refreshToken = newSecret();
    const sessionExpiresAt = new Date(now.getTime() + this.sessionSeconds * 1000);
    await this.deps.sessions.create(
      {
        id: sessionId,
        userId: user.id,
        expiresAt: sessionExpiresAt,
        address: meta.address,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      },
      secretHash(refreshToken),
    );
    const access = await this.deps.tokens.issue({ userId: user.id, sessionId }, now);
    await this.deps.log.record(
      'sign-in',
      userPrincipal({ ...user, sessionId }),
      { kind: 'session', id: sessionId },
      { method },
      meta.address,
    );
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt,
      refreshToken,
      sessionExpiresAt,
      user,
    };
  }

  /**
   * Exchanges a refresh token for a new pair. Each token works once: a second use means a copy
   * is in someone else's hands, and the whole session (every token of the family) is revoked.
   */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<SignedIn> {
    const now = this.deps.clock.now();
    const next = newSecret();
    const use = await this.deps.sessions.rotate(secretHash(refreshToken), secretHash(next), now);
    if (!use) throw new UnauthenticatedError(SIGN_IN_AGAIN);
    const holder = await this.deps.sessions.findHolder(use.sessionId);
    if (!holder) throw new UnauthenticatedError(SIGN_IN_AGAIN);
    if (use.reused) {
      await this.deps.sessions.revoke(use.sessionId, 'refresh-token-reused', now);
      await this.forget({ kind: 'session', id: use.sessionId });
      await this.deps.log.record(
        'refresh-token-reused',
        null,
        { kind: 'session', id: use.sessionId },
        { userId: holder.userId },
        meta.address,
      );
      throw new UnauthenticatedError(
        'This sign-in was ended because its refresh token was used twice: sign in again.',
      );
    }
    if (holder.revoked || !holder.active || holder.expiresAt <= now) {
      throw new UnauthenticatedError(SIGN_IN_AGAIN);
    }
    const user = await this.deps.users.findById(holder.userId);
    if (!user) throw new UnauthenticatedError(SIGN_IN_AGAIN);
    const access = await this.deps.tokens.issue(
      { userId: holder.userId, sessionId: use.sessionId },
      now,
    );
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt,
      refreshToken: next,
      sessionExpiresAt: holder.expiresAt,
      user,
    };
  }

  /** Ends the caller's session (the one its access token or refresh token belongs to). */
  async signOut(principal: Principal, refreshToken: string | undefined, meta: RequestMeta) {
    const now = this.deps.clock.now();
    let sessionId = principal.kind === 'user' ? principal.sessionId : undefined;
    if (sessionId === undefined && refreshToken !== undefined) {
      sessionId = (await this.deps.sessions.sessionOf(secretHash(refreshToken))) ?? undefined;
    }
    if (sessionId === undefined) return;
    await this.deps.sessions.revoke(sessionId, 'signed-out', now);
    await this.forget({ kind: 'session', id: sessionId });
    await this.deps.log.record(
      'sign-out',
      principal,
      { kind: 'session', id: sessionId },
      {},
      meta.address,
    );
  }

  /** Ends every session of the signed-in user, on every device. */
  async signOutEverywhere(principal: Principal, meta: RequestMeta): Promise<number> {
    if (principal.kind !== 'user') throw new UnauthenticatedError();
    const count = await this.deps.sessions.revokeAllOf(
      principal.id,
      'signed-out-everywhere',
      this.deps.clock.now(),
    );
    await this.forget({ kind: 'user', id: principal.id });
    await this.deps.log.record(
      'sign-out-everywhere',
      principal,
      { kind: 'user', id: principal.id },
      { sessions: count },
      meta.address,
    );
    return count;
  }

  /**
   * Who the credentials say is asking: `Bearer <access token>` for a signed-in user,
   * `Bearer rk_…` for a partner's key, nothing for anonymous. Credentials that are present but
   * do not hold (expired, revoked, forged, a deactivated user) are refused, never taken as
   * anonymous: the caller meant to be someone, and is told to sign in again.
   */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization.trim());
    if (!match?.[1]) {
      throw new UnauthenticatedError(
        'The Authorization header must be "Bearer <access token or API key>".',
      );
    }
    const credential = match[1];
    return API_KEY_PATTERN.test(credential)
      ? this.authenticateKey(credential)
      : this.authenticateToken(credential);
  }

  /**
   * After a write that revokes or changes what credentials hold (a user's role, teams or
   * activity, a session, a key): no request here or on another instance is answered from what
   * was kept before it (session-cache.ts).
   */
  async forget(target: CredentialTarget): Promise<void> {
    await this.deps.credentials?.forget(target);
  }

  private async authenticateToken(token: string): Promise<Principal> {
    const now = this.deps.clock.now();
    const cache = this.deps.credentials;
    const kept = cache?.get(token, now.getTime());
    if (kept) return kept;
    const ticket = cache?.begin();
    const claims = await this.deps.tokens.verify(token, now);
    if (!claims) throw new UnauthenticatedError(SIGN_IN_AGAIN);
    const holder = await this.deps.sessions.findHolder(claims.sessionId);
    if (
      !holder ||
      holder.userId !== claims.userId ||
      holder.revoked ||
      !holder.active ||
      holder.expiresAt <= now
    ) {
      throw new UnauthenticatedError(SIGN_IN_AGAIN);
    }
    const principal = userPrincipal({
      id: holder.userId,
      email: holder.email,
      name: holder.name,
      role: holder.role,
      teamIds: holder.teamIds,
      sessionId: holder.sessionId,
    });
    if (cache && ticket !== undefined) {
      // verify() checked the signature and the expiry; exp is read again only to bound the entry.
      const exp = decodeJwt(token).exp;
      cache.set(token, ticket, {
        principal,
        nowMs: now.getTime(),
        untilMs: Math.min(
          holder.expiresAt.getTime(),
          exp === undefined ? now.getTime() : exp * 1000,
        ),
        targets: [
          { kind: 'session', id: holder.sessionId },
          { kind: 'user', id: holder.userId },
        ],
      });
    }
    return principal;
  }

  private async authenticateKey(secret: string): Promise<Principal> {
    const now = this.deps.clock.now();
    const cache = this.deps.credentials;
    const kept = cache?.get(secret, now.getTime());
    if (kept) {
      if (kept.kind === 'api-key') await this.touch(kept.id, kept, now);
      return kept;
    }
    const ticket = cache?.begin();
    const parsed = parseApiKey(secret);
    const refused = new UnauthenticatedError(
      'This API key is not valid: it may have been revoked or have expired. Ask an admin for a new one.',
    );
    if (!parsed) throw refused;
    const key = await this.deps.apiKeys.findByPrefix(parsed.prefix);
    if (!key || !sameHash(key.secretHash, secretHash(secret))) throw refused;
    if (key.revokedAt !== null || (key.expiresAt !== null && key.expiresAt <= now)) throw refused;
    const principal = apiKeyPrincipal({ id: key.id, name: key.name, scopes: key.scopes });
    if (cache && ticket !== undefined) {
      cache.set(secret, ticket, {
        principal,
        nowMs: now.getTime(),
        untilMs: key.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
        targets: [{ kind: 'api-key', id: key.id }],
      });
    }
    await this.touch(key.id, principal, now);
    return principal;
  }

  private async touch(keyId: string, principal: Principal, now: Date): Promise<void> {
    const last = this.touched.get(keyId);
    if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
    this.touched.set(keyId, now.getTime());
    const first = await this.deps.apiKeys.touch(keyId, now);
    if (first) {
      await this.deps.log.record('api-key-first-used', principal, { kind: 'api-key', id: keyId });
    }
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export { ACCESS_TOKEN_SECONDS };
