import { lazy } from 'react';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const ComplaintList = lazy(() => import('./list/ComplaintList'));

const complaints: ResourceDefinition = {
  list: ComplaintList,
  icon: ReportProblemOutlined,
  recordRepresentation: (record: RaRecord) => String(record.reference ?? record.id),
};

export default complaints;
