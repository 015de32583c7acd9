import { commonFilter, given, pick, type ResourceDescription, type Variables } from './resource';

/** A deadline as the list and the chip show it: the API's state and count, never recomputed. */
export const DEADLINE_FIELDS = 'kind stage dueOn state stateLabel workingDaysLeft provisional';

const LIST_FIELDS = `id reference stage stageLabel status statusLabel category tenure assignee
  assignedTo { id name } team { id name } receivedAt receivedOn updatedAt version
  complainant { name vulnerable } nextDeadline { ${DEADLINE_FIELDS} }`;

const SHOW_FIELDS = `${LIST_FIELDS} channel summary desiredOutcome closedAt closeReason
  serviceRequestId policy { id name version } deadlines { ${DEADLINE_FIELDS} explanation }
  allowedSteps`;

/** The Sunday ending the week `today` (YYYY-MM-DD) falls in: "due this week". */
export function endOfWeek(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - date.getUTCDay()) % 7;
  date.setUTCDate(date.getUTCDate() + daysToSunday);
  return date.toISOString().slice(0, 10);
}

function complaintFilter(values: Variables): Variables {
  const out: Variables = {
    ...commonFilter(values),
    ...pick(values, [
      'overdue',
      'dueBefore',
      'category',
      'assignee',
      'assigneeId',
      'tenure',
      'receivedFrom',
      'receivedTo',
    ]),
  };
  if (given(values.stage)) out.stage = Number(values.stage);
  if (given(values.status)) {
    out.status = Array.isArray(values.status) ? values.status : [values.status];
  }
  return out;
}

export const complaints: ResourceDescription = {
  resource: 'complaints',
  list: {
    query: 'complaints',
    filterType: 'ComplaintFilter',
    orderType: 'ComplaintOrder',
    sortFields: {
      reference: 'REFERENCE',
      receivedAt: 'RECEIVED_AT',
      receivedOn: 'RECEIVED_AT',
      updatedAt: 'UPDATED_AT',
      'nextDeadline.dueOn': 'NEXT_DUE_ON',
      nextDeadline: 'NEXT_DUE_ON',
    },
    defaultSort: { field: 'RECEIVED_AT', direction: 'DESC' },
    counted: false,
  },
  one: 'complaint',
  listFields: LIST_FIELDS,
  showFields: SHOW_FIELDS,
  filter: complaintFilter,
  create: {
    field: 'logComplaint',
    variables: '$input: LogComplaintInput!, $idempotencyKey: String',
    args: 'input: $input, idempotencyKey: $idempotencyKey',
    toVariables: ({ idempotencyKey, ...input }) => ({
      input,
      ...(given(idempotencyKey) ? { idempotencyKey } : {}),
    }),
  },
};
