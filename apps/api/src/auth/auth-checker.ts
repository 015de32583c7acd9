import type { Permission } from '@redress/domain';
import type { AuthCheckerFn } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { requirePermission } from './require-permission.js';
import { can } from './principal.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-errors.js';

const ROOT_TYPES: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The one check every guarded operation and field passes: `@RequirePermission(p)` names the
 * permission. Nobody signed in is UNAUTHENTICATED (401); signed in without the permission is
 * FORBIDDEN: 403 for an operation, and for a field (personal data asked for by an analyst) an
 * error on that field alone, the rest of the answer intact.
 */
export const authChecker: AuthCheckerFn<AppContext, Permission> = ({ context, info }, required) => {
  const { principal } = context;
  const operation = ROOT_TYPES.has(info.parentType.name);
  for (const permission of required) {
    if (operation) {
      requirePermission(principal, permission);
    } else if (!can(principal, permission)) {
      if (principal.kind === 'anonymous') throw new UnauthenticatedError(principal.refused);
      throw new ForbiddenError(
        `${info.parentType.name}.${info.fieldName} is personal data, which you may not read.`,
        permission,
        false,
      );
    }
  }
  return true;
};
