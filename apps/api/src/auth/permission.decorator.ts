import type { Permission } from '@redress/domain';
import { Authorized } from 'type-graphql';

/**
 * Guards an operation with one named permission, checked by the auth checker before the
 * resolver runs. Every query, mutation and subscription carries one, or is listed as public in
 * `auth/public-operations.ts` (a test holds the schema to this).
 */
export function RequirePermission(permission: Permission): MethodDecorator & PropertyDecorator {
  return Authorized<Permission>(permission);
}
