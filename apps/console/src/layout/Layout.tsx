import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { Typography } from '@mui/material';
import { LiveUpdates } from '../live/LiveUpdates';
import { Menu } from './Menu';

/**
 * The account button shows the person's name; its accessible name must contain that visible text
 * (WCAG 2.5.3, label in name), so it reads "Jo Bloggs: your account" rather than react-admin's
 * fixed label alone.
 */
const AccountMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${identity.fullName}: your account` : undefined} />;
};

const RedressAppBar = () => (
  <AppBar color="primary" userMenu={<AccountMenu />}>
    <Typography component="span" variant="h6" sx={{ mr: 2, fontWeight: 600 }}>
      Redress
    </Typography>
    <TitlePortal />
  </AppBar>
);

/**
 * react-admin's layout with the console's menu and app bar. react-admin's own skip link ("Skip
 * to the content", from the messages) is the first thing a keyboard reaches; the live updates
 * run while anyone is signed in.
 */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={RedressAppBar} menu={Menu}>
    <LiveUpdates />
    {children}
  </RaLayout>
);
