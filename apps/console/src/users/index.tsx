import { lazy } from 'react';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const UserList = lazy(() => import('./UserList'));
const UserCreate = lazy(() => import('./UserCreate'));
const UserEdit = lazy(() => import('./UserEdit'));

const users: ResourceDefinition = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleOutlined,
  options: { label: 'Users' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.email ?? record.id),
};

export default users;
