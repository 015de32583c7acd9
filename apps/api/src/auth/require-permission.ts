import type { Permission } from '@redress/domain';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-errors.js';
import { can, type Principal } from './principal.js';

/**
 * Refuses a principal without the permission: UNAUTHENTICATED when nobody signed in, FORBIDDEN
 * otherwise. Services call it for what they do, whatever the resolver already checked.
 */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (can(principal, permission)) return;
  if (principal.kind === 'anonymous') throw new UnauthenticatedError(principal.refused);
  throw new ForbiddenError(
    `You may not do this: it needs the "${permission}" permission, which ${describe(principal)} does not have.`,
    permission,
  );
}

function describe(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return principal.role ? `the ${principal.role} role` : 'a user with no role yet';
    case 'api-key':
      return `this API key (scopes: ${principal.scopes.join(', ') || 'none'})`;
    default:
      return 'this caller';
  }
}
