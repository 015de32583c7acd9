import { DEADLINE_FIELDS } from '../data-provider/complaints.resource';
import { graphqlRequest } from '../shared/graphql-client';
import { OPEN_STATUSES, STATUS_CHOICES } from '../complaints/list/complaint-choices';

const ROW = `id reference stageLabel statusLabel category complainant { name }
  assignedTo { id name } nextDeadline { ${DEADLINE_FIELDS} }`;

const NEXT_DUE = '{ field: NEXT_DUE_ON, direction: ASC }';
const COUNT = 'totalCount totalCountIsExact';

/** One request for My work: what is due (the API's deadline states), and the counts. */
export const MY_WORK = `query MyWork($me: ID!, $open: [ComplaintStatus!]) {
  mine: complaints(filter: { assigneeId: $me, status: $open }, orderBy: ${NEXT_DUE}, first: 50) { nodes { ${ROW} } ${COUNT} }
  queue: complaints(filter: { status: $open }, orderBy: ${NEXT_DUE}, first: 50) { nodes { ${ROW} } ${COUNT} }
  overdue: complaints(filter: { status: $open, overdue: true }) { ${COUNT} }
  stage1: complaints(filter: { status: $open, stage: 1 }) { ${COUNT} }
  stage2: complaints(filter: { status: $open, stage: 2 }) { ${COUNT} }
  ${STATUS_CHOICES.map((s) => `status_${s.id}: complaints(filter: { status: [${s.id}] }) { ${COUNT} }`).join('\n  ')}
  latest: complaints(orderBy: { field: UPDATED_AT, direction: DESC }, first: 8) { nodes { id reference statusLabel updatedAt complainant { name } } }
}`.replace(/\s+/g, ' ');

export interface Count {
  totalCount: number;
  totalCountIsExact: boolean;
}

export interface WorkRow {
  id: string;
  reference: string;
  stageLabel: string;
  statusLabel: string;
  category: string;
  complainant: { name: string } | null;
  assignedTo: { id: string; name: string } | null;
  nextDeadline: {
    kind: string;
    stage: number;
    dueOn: string;
    state: string;
    stateLabel: string;
    workingDaysLeft: number | null;
    provisional: boolean;
  } | null;
}

export interface MyWorkAnswer {
  mine: { nodes: WorkRow[] } & Count;
  queue: { nodes: WorkRow[] } & Count;
  overdue: Count;
  stage1: Count;
  stage2: Count;
  latest: {
    nodes: {
      id: string;
      reference: string;
      statusLabel: string;
      updatedAt: string;
      complainant: { name: string } | null;
    }[];
  };
  [status: `status_${string}`]: Count;
}

export function loadMyWork(me: string, signal?: AbortSignal): Promise<MyWorkAnswer> {
  return graphqlRequest<MyWorkAnswer>(
    MY_WORK,
    { me, open: OPEN_STATUSES },
    { signal, partial: true },
  );
}

/** Rows whose next deadline the API says is in `state`. */
export function inState(rows: readonly WorkRow[], state: string): WorkRow[] {
  return rows.filter((row) => row.nextDeadline?.state === state);
}

export const countText = (count: Count | undefined) =>
  count === undefined
    ? '–'
    : `${count.totalCount.toLocaleString('en-GB')}${count.totalCountIsExact ? '' : '+'}`;
