import AssignmentIndOutlined from '@mui/icons-material/AssignmentIndOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import RateReviewOutlined from '@mui/icons-material/RateReviewOutlined';
import FolderSharedOutlined from '@mui/icons-material/FolderSharedOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import { ListSubheader } from '@mui/material';
import type { ReactElement } from 'react';
import { Menu as RaMenu, usePermissions } from 'react-admin';

interface Item {
  to: string;
  label: string;
  icon: ReactElement;
  permission: string;
}

const WORK: readonly Item[] = [
  {
    to: '/complaints',
    label: 'Complaints',
    icon: <ReportProblemOutlined />,
    permission: 'complaints:read',
  },
  {
    to: '/feedbackItems',
    label: 'Compliments and suggestions',
    icon: <ThumbUpAltOutlined />,
    permission: 'feedback:read',
  },
  { to: '/policies', label: 'Policies', icon: <PolicyOutlined />, permission: 'policies:read' },
  {
    to: '/measures',
    label: 'Measures',
    icon: <InsightsOutlined />,
    permission: 'measures:read',
  },
  {
    to: '/calendar',
    label: 'Calendar',
    icon: <CalendarMonthOutlined />,
    permission: 'policies:read',
  },
];

const ADMIN: readonly Item[] = [
  { to: '/users', label: 'Users', icon: <PeopleOutlined />, permission: 'users:manage' },
  { to: '/teams', label: 'Teams', icon: <GroupsOutlined />, permission: 'users:manage' },
  {
    to: '/review-panel',
    label: 'Review panel',
    icon: <RateReviewOutlined />,
    permission: 'panel:manage',
  },
  {
    to: '/records',
    label: "Residents' records",
    icon: <FolderSharedOutlined />,
    permission: 'records:manage',
  },
  { to: '/apiKeys', label: 'API keys', icon: <KeyOutlined />, permission: 'api-keys:manage' },
  { to: '/auditLog', label: 'Security log', icon: <SecurityOutlined />, permission: 'audit:read' },
];

/** Which of `items` the permissions allow. */
export function allowed(items: readonly Item[], permissions: unknown): Item[] {
  const granted = Array.isArray(permissions) ? (permissions as string[]) : [];
  return items.filter((item) => granted.includes(item.permission));
}

/** The menu: the day's work first, then administration, each entry shown by permission. */
export const Menu = () => {
  const { permissions } = usePermissions();
  const work = allowed(WORK, permissions);
  const admin = allowed(ADMIN, permissions);
  return (
    <RaMenu>
      <RaMenu.Item to="/" primaryText="My work" leftIcon={<AssignmentIndOutlined />} />
      {work.map((item) => (
        <RaMenu.Item key={item.to} to={item.to} primaryText={item.label} leftIcon={item.icon} />
      ))}
      {admin.length > 0 && (
        <ListSubheader
          component="div"
          disableSticky
          sx={{ bgcolor: 'transparent', lineHeight: 2.5 }}
        >
          Admin
        </ListSubheader>
      )}
      {admin.map((item) => (
        <RaMenu.Item key={item.to} to={item.to} primaryText={item.label} leftIcon={item.icon} />
      ))}
    </RaMenu>
  );
};
