/** The statuses and stages a list filters by, in the words the API's labels use. */
export const STATUS_CHOICES = [
  { id: 'RECEIVED', name: 'Received' },
  { id: 'ACKNOWLEDGED', name: 'Acknowledged' },
  { id: 'RESPONDED', name: 'Responded' },
  { id: 'CLOSED', name: 'Closed' },
  { id: 'WITHDRAWN', name: 'Withdrawn' },
  { id: 'REFUSED', name: 'Refused' },
  { id: 'MERGED', name: 'Merged' },
];

export const OPEN_STATUSES = ['RECEIVED', 'ACKNOWLEDGED', 'RESPONDED'];

export const STAGE_CHOICES = [
  { id: 1, name: 'Stage 1' },
  { id: 2, name: 'Stage 2' },
];
