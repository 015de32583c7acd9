import { lazy } from 'react';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from '../users/Permitted';

const AuditLogPage = lazy(() => import('./AuditLogList'));

const AuditLogList = () => (
  <Permitted permission="audit:read" what="read the security log">
    <AuditLogPage />
  </Permitted>
);

const auditLog: ResourceDefinition = {
  list: AuditLogList,
  icon: SecurityOutlined,
  options: { label: 'Security log' },
};

export default auditLog;
