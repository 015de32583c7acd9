import { gqlData, type Variables } from './graphql-client.js';

// The GraphQL documents the integration tests and the benchmark send, written as a partner
// would write them, with the shapes of their answers.

export const COMPLAINT_FIELDS = /* GraphQL */ `
  fragment ComplaintFields on Complaint {
    id
    reference
    version
    status
    stage
    receivedAt
    receivedOn
    assignee
    closedAt
    closeReason
    serviceRequestId
    policy {
      id
      version
    }
    deadlines {
      stage
      kind
      dueOn
      provisional
      state
      metOn
      stoppedAt
      workingDaysLeft
      extendedBy
      explanation
    }
    stages {
      number
      handler
      acknowledgedAt
      acknowledgedBy {
        kind
        id
      }
      understanding
      outcomeSought
      clarification
      respondedAt
      outcome
      findings
      remedies {
        kind
        description
        amountPence
      }
      escalationReason
      extensions {
        workingDays
        reason
        notice {
          ...NoticeFields
        }
        fromDueOn
        toDueOn
      }
    }
    actions {
      id
      stage
      description
      owner
      dueOn
      remedy
      completedAt
      note
    }
    events {
      version
      type
      at
      actor {
        kind
        id
      }
    }
    ombudsmanReferrals {
      reference
      referredAt
    }
    refusal {
      reason
      explanation
      refusedAt
      discretionConsidered
      notice {
        ...NoticeFields
      }
    }
    escalationRefusal {
      reason
      explanation
      refusedAt
      notice {
        ...NoticeFields
      }
    }
    reopenings {
      at
      reason
    }
  }

  fragment NoticeFields on ResidentNotice {
    toldOn
    method
    ombudsmanDetailsGiven
  }
`;

export type DeadlineStateName = 'PENDING' | 'DUE_SOON' | 'DUE_TODAY' | 'OVERDUE' | 'MET' | 'MISSED';
export type DeadlineKindName = 'ACKNOWLEDGE' | 'RESPOND';

export interface DeadlineView {
  readonly stage: number;
  readonly kind: DeadlineKindName;
  readonly dueOn: string;
  readonly provisional: boolean;
  readonly state: DeadlineStateName;
  readonly metOn: string | null;
  readonly stoppedAt: string | null;
  readonly workingDaysLeft: number | null;
  readonly extendedBy: number;
  readonly explanation: string;
}

/** What the resident was told and how, as the API answers it (and takes it, as ResidentNoticeInput). */
export interface NoticeView {
  readonly toldOn: string;
  readonly method: string;
  readonly ombudsmanDetailsGiven: boolean;
}

export interface ComplaintView {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly status: string;
  readonly stage: number;
  readonly receivedAt: string;
  readonly receivedOn: string;
  readonly assignee: string | null;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly serviceRequestId: string | null;
  readonly policy: { readonly id: string; readonly version: number };
  readonly deadlines: readonly DeadlineView[];
  readonly stages: readonly {
    readonly number: number;
    readonly handler: string | null;
    readonly acknowledgedAt: string | null;
    readonly acknowledgedBy: { readonly kind: string; readonly id: string } | null;
    readonly understanding: string | null;
    readonly outcomeSought: string | null;
    readonly clarification: string | null;
    readonly respondedAt: string | null;
    readonly outcome: string | null;
    readonly findings: string | null;
    readonly remedies: readonly { kind: string; description: string; amountPence: number | null }[];
    readonly escalationReason: string | null;
    readonly extensions: readonly {
      workingDays: number;
      reason: string;
      notice: NoticeView | null;
      fromDueOn: string | null;
      toDueOn: string | null;
    }[];
  }[];
  readonly actions: readonly {
    readonly id: string;
    readonly stage: number;
    readonly description: string;
    readonly owner: string;
    readonly dueOn: string;
    readonly remedy: string | null;
    readonly completedAt: string | null;
    readonly note: string | null;
  }[];
  readonly events: readonly {
    readonly version: number;
    readonly type: string;
    readonly at: string;
    readonly actor: { readonly kind: string; readonly id: string };
  }[];
  readonly ombudsmanReferrals: readonly { reference: string; referredAt: string }[];
  readonly refusal: {
    readonly reason: string;
    readonly explanation: string;
    readonly refusedAt: string;
    readonly discretionConsidered: string | null;
    readonly notice: NoticeView | null;
  } | null;
  readonly escalationRefusal: {
    readonly reason: string;
    readonly explanation: string;
    readonly refusedAt: string;
    readonly notice: NoticeView | null;
  } | null;
  readonly reopenings: readonly { readonly at: string; readonly reason: string }[];
}

export const GET_COMPLAINT = /* GraphQL */ `
  query Complaint($id: ID!) {
    complaint(id: $id) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const LOG_COMPLAINT = /* GraphQL */ `
  mutation Log($input: LogComplaintInput!, $at: DateTime) {
    logComplaint(input: $input, at: $at) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const ASSIGN = /* GraphQL */ `
  mutation Assign($id: ID!, $handler: String!, $at: DateTime, $expectedVersion: Int) {
    assignComplaint(id: $id, handler: $handler, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const ACKNOWLEDGE = /* GraphQL */ `
  mutation Acknowledge(
    $id: ID!
    $understanding: String
    $outcomeSought: String
    $clarification: String
    $at: DateTime
    $expectedVersion: Int
  ) {
    acknowledgeComplaint(
      id: $id
      understanding: $understanding
      outcomeSought: $outcomeSought
      clarification: $clarification
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const EXTEND = /* GraphQL */ `
  mutation Extend(
    $id: ID!
    $workingDays: Int!
    $reason: String!
    $exceptionalReason: String
    $notice: ResidentNoticeInput
    $at: DateTime
    $expectedVersion: Int
  ) {
    extendResponseDeadline(
      id: $id
      workingDays: $workingDays
      reason: $reason
      exceptionalReason: $exceptionalReason
      notice: $notice
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const RESPOND = /* GraphQL */ `
  mutation Respond($id: ID!, $input: RespondInput!, $at: DateTime, $expectedVersion: Int) {
    respondToComplaint(id: $id, input: $input, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const REQUEST_ESCALATION = /* GraphQL */ `
  mutation Escalate(
    $id: ID!
    $reason: String
    $lateReason: String
    $at: DateTime
    $expectedVersion: Int
  ) {
    requestEscalation(
      id: $id
      reason: $reason
      lateReason: $lateReason
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const AGREE_ACTION = /* GraphQL */ `
  mutation AgreeAction(
    $complaintId: ID!
    $input: AgreeActionInput!
    $at: DateTime
    $expectedVersion: Int
  ) {
    agreeAction(
      complaintId: $complaintId
      input: $input
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const COMPLETE_ACTION = /* GraphQL */ `
  mutation CompleteAction(
    $complaintId: ID!
    $actionId: ID!
    $note: String
    $at: DateTime
    $expectedVersion: Int
  ) {
    completeAction(
      complaintId: $complaintId
      actionId: $actionId
      note: $note
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const PAY_REMEDY = /* GraphQL */ `
  mutation PayRemedy(
    $complaintId: ID!
    $remedyId: ID!
    $amountPence: Int!
    $paidOn: LocalDate!
    $at: DateTime
    $expectedVersion: Int
  ) {
    payRemedy(
      complaintId: $complaintId
      remedyId: $remedyId
      amountPence: $amountPence
      paidOn: $paidOn
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const CLOSE = /* GraphQL */ `
  mutation Close($id: ID!, $at: DateTime, $expectedVersion: Int) {
    closeComplaint(id: $id, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($id: ID!, $reason: String!, $at: DateTime, $expectedVersion: Int) {
    withdrawComplaint(id: $id, reason: $reason, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const REFUSE = /* GraphQL */ `
  mutation Refuse(
    $id: ID!
    $reason: RefusalReason!
    $explanation: String!
    $notice: ResidentNoticeInput
    $discretionConsidered: String
    $at: DateTime
    $expectedVersion: Int
  ) {
    refuseComplaint(
      id: $id
      reason: $reason
      explanation: $explanation
      notice: $notice
      discretionConsidered: $discretionConsidered
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const REFUSE_ESCALATION = /* GraphQL */ `
  mutation RefuseEscalation(
    $id: ID!
    $reason: EscalationRefusalReason!
    $explanation: String!
    $notice: ResidentNoticeInput!
    $at: DateTime
    $expectedVersion: Int
  ) {
    refuseEscalation(
      id: $id
      reason: $reason
      explanation: $explanation
      notice: $notice
      at: $at
      expectedVersion: $expectedVersion
    ) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const REOPEN = /* GraphQL */ `
  mutation Reopen($id: ID!, $reason: String!, $at: DateTime, $expectedVersion: Int) {
    reopenComplaint(id: $id, reason: $reason, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const REFER_TO_OMBUDSMAN = /* GraphQL */ `
  mutation Refer($id: ID!, $reference: String!, $at: DateTime, $expectedVersion: Int) {
    referToOmbudsman(id: $id, reference: $reference, at: $at, expectedVersion: $expectedVersion) {
      ...ComplaintFields
    }
  }
  ${COMPLAINT_FIELDS}
`;

/** A complaint as a handler would log it; `overrides` replaces top-level fields. */
export function logInput(
  receivedAt: string,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    receivedAt,
    channel: 'EMAIL',
    complainant: {
      name: 'Jordan Ellis',
      type: 'TENANT',
      email: 'jordan.ellis@example.org',
      preferredContact: 'EMAIL',
      language: 'English',
      adjustments: 'Large print letters',
    },
    summary: 'Damp and mould in the back bedroom are still there after three repair visits.',
    desiredOutcome: 'Fix the damp for good and pay for the damaged furniture.',
    category: 'repairs',
    tenure: 'LCRA',
    ...overrides,
  };
}

/**
 * The resident told on `toldOn` by email, with the Ombudsman's details: what an extension or a
 * refusal records (Code 2.4, 6.5, 6.16).
 */
export function notice(toldOn: string, overrides: Partial<NoticeView> = {}): NoticeView {
  return { toldOn, method: 'EMAIL', ombudsmanDetailsGiven: true, ...overrides };
}

/** The deadline of a stage and kind, or a failure naming what was there instead. */
export function deadlineOf(
  complaint: Pick<ComplaintView, 'deadlines' | 'reference'>,
  stage: number,
  kind: DeadlineKindName,
): DeadlineView {
  const found = complaint.deadlines.find((d) => d.stage === stage && d.kind === kind);
  if (!found) {
    throw new Error(
      `No stage ${stage} ${kind} deadline on ${complaint.reference}: ${JSON.stringify(complaint.deadlines)}`,
    );
  }
  return found;
}

/** Runs a mutation or query whose field answers a complaint; fails the test when it answers none. */
export async function complaintFrom(
  url: string,
  document: string,
  field: string,
  variables: Variables,
  headers: Readonly<Record<string, string>> = {},
): Promise<ComplaintView> {
  const data = await gqlData<Record<string, ComplaintView | null>>(
    url,
    document,
    variables,
    headers,
  );
  const complaint = data[field];
  if (!complaint) throw new Error(`${field} answered no complaint: ${JSON.stringify(data)}`);
  return complaint;
}
