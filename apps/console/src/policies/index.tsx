import { lazy } from 'react';
import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const PolicyList = lazy(() => import('./PolicyList'));
const PolicyShow = lazy(() => import('./PolicyShow'));
const PolicyCreate = lazy(() => import('./PolicyCreate'));

const policies: ResourceDefinition = {
  list: PolicyList,
  show: PolicyShow,
  create: PolicyCreate,
  icon: PolicyOutlined,
  options: { label: 'Policies' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default policies;
