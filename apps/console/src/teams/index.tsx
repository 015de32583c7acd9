import { lazy } from 'react';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const TeamList = lazy(() => import('./TeamList'));
const TeamCreate = lazy(() => import('./TeamCreate'));

const teams: ResourceDefinition = {
  list: TeamList,
  create: TeamCreate,
  icon: GroupsOutlined,
  options: { label: 'Teams' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default teams;
