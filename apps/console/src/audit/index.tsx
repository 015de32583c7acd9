import { lazy } from 'react';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import type { ResourceDefinition } from '../shared/resource';

const AuditLogList = lazy(() => import('./AuditLogList'));

const auditLog: ResourceDefinition = {
  list: AuditLogList,
  icon: SecurityOutlined,
  options: { label: 'Security log' },
};

export default auditLog;
