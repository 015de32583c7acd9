import { connectionTypes } from '../shared/connection.js';
import { ComplaintType } from './complaint.type.js';

// The one connection shape of every list (shared/connection.ts).
export const { Edge: ComplaintEdgeType, Connection: ComplaintConnectionType } = connectionTypes(
  'Complaint',
  ComplaintType,
  'A page of complaints.',
);
