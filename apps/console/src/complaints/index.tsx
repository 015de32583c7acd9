import { lazy } from 'react';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';

// Each page is its own chunk: the list loads first, a case's page and the form when opened.
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
