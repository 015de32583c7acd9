import { lazy } from 'react';
import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from '../users/Permitted';

const PolicyList = lazy(() => import('./PolicyList'));
const PolicyShow = lazy(() => import('./PolicyShow'));
const PolicyCreatePage = lazy(() => import('./PolicyCreate'));

const PolicyCreate = () => (
  <Permitted permission="policies:write" what="create policies">
    <PolicyCreatePage />
  </Permitted>
);

const policies: ResourceDefinition = {
  list: PolicyList,
  show: PolicyShow,
  create: PolicyCreate,
  icon: PolicyOutlined,
  options: { label: 'Policies' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default policies;
