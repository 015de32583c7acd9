import { lazy } from 'react';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from '../users/Permitted';

const TeamList = lazy(() => import('./TeamList'));
const TeamCreatePage = lazy(() => import('./TeamCreate'));

const TeamCreate = () => (
  <Permitted permission="users:manage" what="create teams">
    <TeamCreatePage />
  </Permitted>
);

const teams: ResourceDefinition = {
  list: TeamList,
  create: TeamCreate,
  icon: GroupsOutlined,
  options: { label: 'Teams' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default teams;
