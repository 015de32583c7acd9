import { ROLES, type Role } from '@redress/domain';
import * as client from 'openid-client';
import type { SecurityLog } from '../audit/security-log.service.js';
import type { Clock } from '../clock.js';
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../errors/app-errors.js';
import type { UserRecord, UserRepository } from '../users/user.repository.js';
import type { UserService } from '../users/user.service.js';
import {
  normaliseEmail,
  type AuthService,
  type RequestMeta,
  type SignedIn,
} from './auth.service.js';
import type { OidcSettings } from './oidc-settings.js';
import type { OidcSignInRepository } from './oidc-sign-in.repository.js';
import { systemPrincipal } from './principal.js';
import { newSecret, secretHash } from './refresh-cookie.js';

export interface OidcServiceDeps {
  readonly settings: OidcSettings;
  readonly pending: OidcSignInRepository;
  readonly users: UserRepository;
  readonly userService: UserService;
  readonly auth: AuthService;
  readonly log: SecurityLog;
  readonly clock: Clock;
}

/** Where to send the browser, and the secret its cookie carries back to the callback. */
export interface OidcStart {
  readonly url: string;
  readonly binding: string;
  readonly expiresAt: Date;
}

/** What the provider put on the redirect URI's query. */
export interface OidcCallback {
  readonly state: string;
  readonly code: string;
  /** The issuer, where the provider sends it (RFC 9207). */
  readonly iss?: string | undefined;
}

/** How long a begun sign-in may take at the provider. */
export const OIDC_SIGN_IN_SECONDS = 10 * 60;

/** Who the security log names for what the identity provider caused. */
const PROVIDER = systemPrincipal('oidc', 'Identity provider');
const START_AGAIN = 'This sign-in has expired or was already used: start again.';
const REFUSED = 'Your identity provider did not confirm who you are: start again.';

/**
 * Sign-in through the landlord's identity provider: authorisation code with PKCE. What a begun
 * sign-in must prove (state, nonce, PKCE verifier, the browser that began it) is kept in the
 * database until its callback takes it, once.
 */
export class OidcService {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly deps: OidcServiceDeps) {}

  async begin(): Promise<OidcStart> {
    const { settings, pending, clock } = this.deps;
    const config = await this.discovered();
    const now = clock.now();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const binding = newSecret();
    const expiresAt = new Date(now.getTime() + OIDC_SIGN_IN_SECONDS * 1000);
    await pending.deleteExpired(now);
    await pending.insert({
      stateHash: secretHash(state),
      bindingHash: secretHash(binding),
      codeVerifier,
      nonce,
      expiresAt,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes.join(' '),
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, binding, expiresAt };
  }

  /**
   * Completes a sign-in from the provider's redirect. `binding` is the cookie set by `begin` in
   * the same browser: a callback link made by someone else (to sign a victim in as the
   * attacker) has none.
   */
  async complete(
    callback: OidcCallback,
    binding: string | undefined,
    meta: RequestMeta,
  ): Promise<SignedIn> {
    const now = this.deps.clock.now();
    const begun = await this.deps.pending.take(secretHash(callback.state), now);
    if (!begun) return this.refuse('unknown-or-used-state', meta, START_AGAIN);
    if (binding === undefined || secretHash(binding) !== begun.bindingHash) {
      return this.refuse('other-browser', meta, START_AGAIN);
    }
    const config = await this.discovered();
    const currentUrl = new URL(this.deps.settings.redirectUri);
    currentUrl.searchParams.set('code', callback.code);
    currentUrl.searchParams.set('state', callback.state);
    if (callback.iss !== undefined) currentUrl.searchParams.set('iss', callback.iss);

    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: begun.codeVerifier,
        expectedState: callback.state,
        expectedNonce: begun.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) return this.refuse('no-id-token', meta, REFUSED);
      claims = { ...idToken };
      if (config.serverMetadata().userinfo_endpoint !== undefined) {
        // Many providers put email and groups in userinfo only; its subject must be the token's.
        const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = { ...idToken, ...info, sub: idToken.sub };
      }
    } catch (error) {
      return this.refuse('provider-refused', meta, REFUSED, { error: errorSummary(error) });
    }
    return this.signInAs(claims, meta);
  }

  private async signInAs(claims: Record<string, unknown>, meta: RequestMeta): Promise<SignedIn> {
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : undefined;
    if (email === undefined) {
      return this.refuse(
        'no-email',
        meta,
        'Your identity provider did not give your email address: ask your IT team to release the email claim to Redress.',
      );
    }
    // Some providers send the flag as the string "true".
    if (claims.email_verified !== true && claims.email_verified !== 'true') {
      return this.refuse(
        'email-not-verified',
        meta,
        'Your identity provider has not verified your email address, so Redress cannot match it to an account.',
        { email },
      );
    }
    const mapped = this.roleFromGroups(claims);
    let user = await this.deps.users.findByEmail(email);
    if (user === null) {
      user = await this.firstSignIn(email, subject, displayName(claims, email), mapped);
    } else {
      if (!user.active) {
        return this.refuse(
          'inactive',
          meta,
          'Your Redress account has been deactivated: ask an admin.',
          { email },
          user,
        );
      }
      if (user.oidcSubject !== null && user.oidcSubject !== subject) {
        // The address now belongs to someone else at the provider: not the person we know.
        return this.refuse(
          'subject-mismatch',
          meta,
          'Your Redress account is linked to another identity at your provider: ask an admin.',
          { email },
          user,
        );
      }
      if (user.oidcSubject === null) {
        await this.deps.users.update(user.id, { oidcSubject: subject }, this.deps.clock.now());
      }
      if (mapped !== undefined) user = await this.applyRole(user, mapped);
    }
    return this.deps.auth.startSession(user, meta, 'oidc');
  }

  private async firstSignIn(
    email: string,
    subject: string,
    name: string,
    mapped: Role | null | undefined,
  ): Promise<UserRecord> {
    try {
      // No role until an admin gives one (or the groups claim says): only `self` meanwhile.
      return await this.deps.userService.createUnchecked(
        PROVIDER,
        { email, name, role: mapped ?? null },
        { oidcSubject: subject },
      );
    } catch (error) {
      // The same person's first sign-in in another tab got there first.
      const existing =
        error instanceof ConflictError ? await this.deps.users.findByEmail(email) : null;
      if (existing) return existing;
      throw error;
    }
  }

  /**
   * The role the groups claim gives: undefined when no mapping is configured or the claim is
   * absent (the role stays as it is), null for a user in no mapped group.
   */
  private roleFromGroups(claims: Record<string, unknown>): Role | null | undefined {
    const { groupsClaim, roleGroups } = this.deps.settings;
    if (groupsClaim === undefined || roleGroups.size === 0) return undefined;
    const raw = claims[groupsClaim];
    if (raw === undefined) return undefined;
    const groups = Array.isArray(raw)
      ? raw.filter((g) => typeof g === 'string')
      : typeof raw === 'string'
        ? [raw]
        : [];
    const roles = groups.flatMap((group) => {
      const role = roleGroups.get(group);
      return role ? [role] : [];
    });
    // ROLES is strongest first.
    return ROLES.find((role) => roles.includes(role)) ?? null;
  }

  private async applyRole(user: UserRecord, role: Role | null): Promise<UserRecord> {
    if (role === user.role) return user;
    if (user.role === 'ADMIN' && user.active) {
      // Redress keeps one active admin: the provider cannot demote the last.
      const admins = await this.deps.users.list({ active: true, role: 'ADMIN' });
      if (admins.length <= 1) return user;
    }
    await this.deps.users.update(user.id, { role }, this.deps.clock.now());
    await this.deps.auth.forget({ kind: 'user', id: user.id });
    await this.deps.log.record(
      'role-changed',
      PROVIDER,
      { kind: 'user', id: user.id },
      {
        from: user.role,
        to: role,
        source: 'groups-claim',
      },
    );
    return (await this.deps.users.findById(user.id)) ?? user;
  }

  private async refuse(
    reason: string,
    meta: RequestMeta,
    message: string,
    detail: Readonly<Record<string, unknown>> = {},
    user?: UserRecord,
  ): Promise<never> {
    await this.deps.log.record(
      'sign-in-failed',
      null,
      user ? { kind: 'user', id: user.id } : null,
      { method: 'oidc', reason, ...detail },
      meta.address,
    );
    throw new UnauthenticatedError(message);
  }

  /** The provider's metadata, read once; a failed read is tried again on the next sign-in. */
  private discovered(): Promise<client.Configuration> {
    if (this.configuration === undefined) {
      const { settings } = this.deps;
      this.configuration = client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          undefined,
          settings.clientSecret !== undefined
            ? client.ClientSecretPost(settings.clientSecret)
            : client.None(),
          settings.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw new Error(
            `Could not read the identity provider's configuration from ${settings.issuer}`,
            { cause: error },
          );
        });
    }
    return this.configuration;
  }
}

/** Refused before anything is asked of a provider: sign-in through one is not configured. */
export function oidcNotConfigured(): BadUserInputError {
  return new BadUserInputError(
    'Signing in through an identity provider is not set up here: sign in with your email address and password.',
  );
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const candidates = [claims.name, `${given} ${family}`.trim(), claims.preferred_username];
  const name = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  // Control characters or an over-long name would be refused as a user's name.
  return name && /^[^\p{Cc}]{1,200}$/u.test(name.trim()) ? name.trim() : email;
}

function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const code =
      (error as Error & { code?: unknown; error?: unknown }).error ??
      (error as Error & { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}
