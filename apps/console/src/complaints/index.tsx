import { lazy } from 'react';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

const ComplaintList = lazy(() => import('./list/ComplaintList'));
const ComplaintShow = lazy(() => import('./show'));
const ComplaintCreate = lazy(() => import('./create'));

const complaints: ResourceDefinition = {
  list: ComplaintList,
  show: ComplaintShow,
  create: ComplaintCreate,
  icon: ReportProblemOutlined,
  recordRepresentation: (record: RaRecord) => String(record.reference ?? record.id),
};

export default complaints;
