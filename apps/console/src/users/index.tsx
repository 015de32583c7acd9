import { lazy } from 'react';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from './Permitted';

const UserList = lazy(() => import('./UserList'));
const UserCreatePage = lazy(() => import('./UserCreate'));
const UserEditPage = lazy(() => import('./UserEdit'));

const UserCreate = () => (
  <Permitted permission="users:manage" what="invite users">
    <UserCreatePage />
  </Permitted>
);
const UserEdit = () => (
  <Permitted permission="users:manage" what="change users">
    <UserEditPage />
  </Permitted>
);

const users: ResourceDefinition = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleOutlined,
  options: { label: 'Users' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.email ?? record.id),
};

export default users;
