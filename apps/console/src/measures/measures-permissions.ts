/** Whether the signed-in person's permissions (react-admin's usePermissions) include one. */
export function granted(permissions: unknown, permission: string): boolean {
  return Array.isArray(permissions) && permissions.includes(permission);
}
