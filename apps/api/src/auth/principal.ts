import {
  PERMISSIONS,
  permissionsOfRole,
  permissionsOfScopes,
  type Actor,
  type ApiKeyScope,
  type ComplaintScope,
  type Permission,
  type Role,
} from '@redress/domain';

/**
 * Who is asking: made once per request (or WebSocket connection) by `authenticate`, handed to
 * every service, which scopes what it reads and writes with it.
 */
export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly email: string;
      readonly name: string;
      readonly role: Role | null;
      readonly teamIds: readonly string[];
      /** The session (refresh-token family) the access token belongs to. */
      readonly sessionId: string;
      readonly permissions: ReadonlySet<Permission>;
    }
  | {
      readonly kind: 'api-key';
      readonly id: string;
      readonly name: string;
      readonly scopes: readonly ApiKeyScope[];
      readonly permissions: ReadonlySet<Permission>;
    }
  | {
      /** Redress itself: the deadline watcher, automatic closing, demo data. Never a caller. */
      readonly kind: 'system';
      readonly id: string;
      readonly name?: string;
      readonly permissions: ReadonlySet<Permission>;
    }
  | {
      readonly kind: 'anonymous';
      readonly permissions: ReadonlySet<Permission>;
      /**
       * Why credentials that were sent did not hold (expired, revoked, forged): what a guarded
       * operation answers with UNAUTHENTICATED. Public operations (signIn) still run.
       */
      readonly refused?: string;
    };

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  permissions: new Set<Permission>(),
});

/** A caller whose credentials did not hold, with the reason. */
export function refusedPrincipal(reason: string): Principal {
  return Object.freeze({ kind: 'anonymous', permissions: new Set<Permission>(), refused: reason });
}

export function systemPrincipal(id = 'redress', name?: string): Principal {
  return Object.freeze({
    kind: 'system',
    id,
    ...(name !== undefined ? { name } : {}),
    permissions: new Set<Permission>(PERMISSIONS),
  });
}

export function userPrincipal(user: {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role | null;
  readonly teamIds: readonly string[];
  readonly sessionId: string;
}): Principal {
  return Object.freeze({ kind: 'user', ...user, permissions: permissionsOfRole(user.role) });
}

export function apiKeyPrincipal(key: {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}): Principal {
  return Object.freeze({ kind: 'api-key', ...key, permissions: permissionsOfScopes(key.scopes) });
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** Who the events a principal causes are recorded as. */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.id, name: principal.name };
    case 'api-key':
      return { kind: 'api-key', id: principal.id, name: principal.name };
    case 'system':
      return {
        kind: 'system',
        id: principal.id,
        ...(principal.name !== undefined ? { name: principal.name } : {}),
      };
    case 'anonymous':
      // Services refuse anonymous writes before any event is made; reaching this is a defect.
      throw new Error('An anonymous caller cannot cause an event.');
  }
}

/** Which complaints the principal may see at all. */
export function complaintScopeOf(principal: Principal): ComplaintScope {
  if (!can(principal, 'complaints:read')) return { kind: 'none' };
  if (can(principal, 'complaints:read:all')) return { kind: 'all' };
  switch (principal.kind) {
    case 'user':
      return { kind: 'queue', userId: principal.id, teamIds: principal.teamIds };
    case 'api-key':
      return { kind: 'logged-by', apiKeyId: principal.id };
    default:
      return { kind: 'none' };
  }
}
