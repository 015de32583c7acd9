import { lazy } from 'react';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const ApiKeyList = lazy(() => import('./ApiKeyList'));
const ApiKeyCreate = lazy(() => import('./ApiKeyCreate'));

const apiKeys: ResourceDefinition = {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyOutlined,
  options: { label: 'API keys' },
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export default apiKeys;
