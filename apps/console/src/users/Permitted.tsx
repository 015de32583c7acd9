import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { usePermissions } from 'react-admin';

/**
 * Its children for a person holding the permission; for anyone else, a sentence saying what
 * the page needs instead of the API's refusal. The API checks every request whatever this shows.
 */
export const Permitted = ({
  permission,
  what,
  children,
}: {
  readonly permission: string;
  /** What the page does, e.g. "manage API keys". */
  readonly what: string;
  readonly children: ReactNode;
}) => {
  const { permissions, isPending } = usePermissions<readonly string[] | undefined>();
  if (isPending) return null;
  if (Array.isArray(permissions) && permissions.includes(permission)) return <>{children}</>;
  return (
    <Box sx={{ mt: 2 }}>
      <Alert severity="info">
        Your role does not allow you to {what}. An administrator can change your role.
      </Alert>
    </Box>
  );
};
