import type { ComplaintStatus } from './complaint.types.js';

/**
 * The statuses in which a case has ended: nothing is due of it, and it is in no work queue. One
 * list, read by `decide`, the deadlines, and (as a parameter) every query that filters on it.
 */
export const ENDED_STATUSES: readonly ComplaintStatus[] = Object.freeze([
  'closed',
  'withdrawn',
  'refused',
  'merged',
]);

export function isEnded(status: ComplaintStatus): boolean {
  return ENDED_STATUSES.includes(status);
}
