import { usePermissions } from 'react-admin';

/** Whether the signed-in person holds a permission, as the auth provider's getPermissions says. */
export function useCan(permission: string): boolean {
  const { permissions } = usePermissions<readonly string[] | undefined>();
  return Array.isArray(permissions) && permissions.includes(permission);
}
