// Who may do what. The roles, the partner keys' scopes and the permissions they grant are rules
// of the product, written once here; the API checks them for every operation and scopes every
// query with them.

/** A member of the landlord's staff. */
export const ROLES = ['ADMIN', 'MANAGER', 'HANDLER', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

/** What a partner's API key may be granted. */
export const API_KEY_SCOPES = [
  'complaints:read',
  'complaints:write',
  'complaints:read:all',
  'events:subscribe',
  'measures:read',
  'surveys:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Every permission an operation can require: a closed list, so an operation guarded by a
 * permission nobody is granted cannot be written.
 */
export const PERMISSIONS = [
  /** Read the complaints in one's scope (a handler's queue, a key's own). */
  'complaints:read',
  /** Read every complaint, whoever holds it. */
  'complaints:read:all',
  /** Read residents' personal data: names, contact details, address, their words, findings. */
  'complaints:personal',
  /** Log complaints and take steps on those in one's scope. */
  'complaints:write',
  /** Assign a complaint to anyone. */
  'complaints:assign',
  /** Take a complaint from the unassigned queue or one's team for oneself. */
  'complaints:assign:self',
  /** Hear the events of the complaints one may read, and deadline alerts. */
  'events:subscribe',
  'feedback:read',
  'feedback:write',
  'policies:read',
  /** Create policies and versions, set closure days. */
  'policies:write',
  'measures:read',
  /** Enter the number of homes per year and tenure, the divisor of CH01. */
  'homes:write',
  /** Import perception survey responses (TP09). */
  'surveys:write',
  /** Record "You said, we did": what residents told us and what we changed. */
  'improvements:write',
  /** Keep the stage 2 review panel: residents who review, their consent and conflicts. */
  'panel:manage',
  /**
   * A resident's records as a whole: everything held about them (subject access), the case file
   * for the Ombudsman, and anonymising them (erasure, retention).
   */
  'records:manage',
  'users:read',
  'users:manage',
  'api-keys:manage',
  'audit:read',
  /** One's own session: `me`, one's password, signing out. */
  'self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

const STAFF_READ: readonly Permission[] = ['policies:read', 'self', 'users:read'];

/** What each role is granted. A user with no role yet (first OIDC sign-in) has only `self`. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: ALL,
  MANAGER: [
    ...STAFF_READ,
    'complaints:read',
    'complaints:read:all',
    'complaints:personal',
    'complaints:write',
    'complaints:assign',
    'complaints:assign:self',
    'events:subscribe',
    'feedback:read',
    'feedback:write',
    'measures:read',
    'improvements:write',
    'panel:manage',
  ],
  HANDLER: [
    ...STAFF_READ,
    'complaints:read',
    'complaints:personal',
    'complaints:write',
    'complaints:assign:self',
    'events:subscribe',
    'feedback:read',
    'feedback:write',
  ],
  ANALYST: [
    ...STAFF_READ,
    'complaints:read',
    'complaints:read:all',
    // Live events without personal data: the API withholds an event's payload from them.
    'events:subscribe',
    'measures:read',
    'feedback:read',
    'surveys:write',
  ],
};

/**
 * What each scope of a partner key grants. A key acts for an application, not a person: it
 * reads personal data of the complaints it may read (a tenant portal shows residents their own
 * case), and never manages users, keys or policies.
 */
export const SCOPE_PERMISSIONS: Readonly<Record<ApiKeyScope, readonly Permission[]>> = {
  'complaints:read': ['complaints:read', 'complaints:personal', 'feedback:read', 'policies:read'],
  'complaints:write': ['complaints:write', 'feedback:write'],
  'complaints:read:all': ['complaints:read', 'complaints:read:all', 'complaints:personal'],
  'events:subscribe': ['events:subscribe'],
  'measures:read': ['measures:read'],
  /** A survey provider's feed of perception survey responses. */
  'surveys:write': ['surveys:write'],
};

export function permissionsOfRole(role: Role | null): ReadonlySet<Permission> {
  return new Set<Permission>(role === null ? ['self'] : ROLE_PERMISSIONS[role]);
}

export function permissionsOfScopes(scopes: readonly ApiKeyScope[]): ReadonlySet<Permission> {
  return new Set<Permission>(scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope]));
}

/**
 * Which complaints someone may see at all. Outside it, a complaint does not exist for them
 * (NOT_FOUND, never FORBIDDEN: its existence is not leaked).
 */
export type ComplaintScope =
  | { readonly kind: 'all' }
  /** A handler: cases assigned to them, to one of their teams, or to nobody yet. */
  | { readonly kind: 'queue'; readonly userId: string; readonly teamIds: readonly string[] }
  /** A partner key without `complaints:read:all`: the complaints it logged. */
  | { readonly kind: 'logged-by'; readonly apiKeyId: string }
  | { readonly kind: 'none' };

/** Where a complaint sits, as far as scope is concerned. */
export interface ComplaintPlacement {
  readonly assigneeId: string | null;
  readonly teamId: string | null;
  /** The API key that logged it, when a partner did. */
  readonly loggedByApiKeyId: string | null;
}

/** The rule a scope states; the API's SQL filter says the same in SQL, and a test holds them equal. */
export function scopeAdmits(scope: ComplaintScope, placement: ComplaintPlacement): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'logged-by':
      return placement.loggedByApiKeyId === scope.apiKeyId;
    case 'queue':
      if (placement.assigneeId === scope.userId) return true;
      if (placement.teamId !== null && scope.teamIds.includes(placement.teamId)) return true;
      return placement.assigneeId === null && placement.teamId === null;
  }
}
