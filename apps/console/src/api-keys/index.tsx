import { lazy } from 'react';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from '../users/Permitted';

const ApiKeyListPage = lazy(() => import('./ApiKeyList'));
const ApiKeyCreatePage = lazy(() => import('./ApiKeyCreate'));

const ApiKeyList = () => (
  <Permitted permission="api-keys:manage" what="manage API keys">
    <ApiKeyListPage />
  </Permitted>
);
const ApiKeyCreate = () => (
  <Permitted permission="api-keys:manage" what="manage API keys">
    <ApiKeyCreatePage />
  </Permitted>
);

const apiKeys: ResourceDefinition = {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyOutlined,
  options: { label: 'API keys' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default apiKeys;
