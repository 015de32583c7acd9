// The one deadline a case is waiting on next: what lists sort by, what My work shows, what the
// read model stores. One tie-break everywhere: the earliest due date, then the earlier stage,
// then the acknowledgement before the response (it is done first, and a response cannot be sent
// before it, Code 6.2-6.3).
import type { ComplaintStatus } from '../complaints/complaint.types.js';
import { isEnded } from '../complaints/status.js';
import type { Deadline } from './deadline.types.js';

/** What nextDeadline reads of a deadline. */
export type NextDeadlineCandidate = Pick<
  Deadline,
  'stage' | 'kind' | 'dueOn' | 'metAt' | 'stoppedAt'
>;

/**
 * The next deadline: unmet, not stopped, earliest due (ties by stage, then acknowledge before
 * respond); undefined once the case has ended, when nothing more is due of it.
 */
export function nextDeadline<D extends NextDeadlineCandidate>(
  status: ComplaintStatus,
  deadlines: readonly D[],
): D | undefined {
  if (isEnded(status)) return undefined;
  let next: D | undefined;
  for (const deadline of deadlines) {
    if (deadline.metAt !== null || deadline.stoppedAt !== null) continue;
    if (next === undefined || comesBefore(deadline, next)) next = deadline;
  }
  return next;
}

const KIND_ORDER: Readonly<Record<Deadline['kind'], number>> = { acknowledge: 0, respond: 1 };

function comesBefore(a: NextDeadlineCandidate, b: NextDeadlineCandidate): boolean {
  // YYYY-MM-DD compares as text in date order.
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn;
  if (a.stage !== b.stage) return a.stage < b.stage;
  return KIND_ORDER[a.kind] < KIND_ORDER[b.kind];
}
