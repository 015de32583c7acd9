// Each step's short form: the fields a person fills in, and the mutation it sends with the
// version the page shows (expectedVersion), so a case changed meanwhile answers CONFLICT.
import type { ComplaintStep } from '@redress/domain';
import {
  CONTACT_METHODS,
  ESCALATION_REFUSAL_REASONS,
  OMBUDSMEN,
  OUTCOMES,
  REMEDY_ANSWERS,
  refusalReasonChoices,
} from './choices';
import { LEARNING_FORMS } from './learning-forms';
import { REVIEW_FORMS } from './review-forms';
import {
  FieldError,
  type FieldSpec,
  type FormValues,
  type RemedyRow,
  type StepComplaint,
  type StepDefinition,
} from './step-form.types';

const RESULT = '{ id version }';

function text(values: FormValues, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Pounds as typed ("150", "£150.50") to whole pence, or a message on the field. */
export function pence(field: string, typed: string): number {
  const cleaned = typed.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    throw new FieldError(field, 'Give an amount in pounds, such as 150 or 150.50.');
  }
  return Math.round(Number(cleaned) * 100);
}

// When and how the resident was told, with the Ombudsman's details (Code 2.4, 6.5, 6.16). Not
// required by the form where the API takes the step without it: the domain then says what is
// missing (RESIDENT_NOT_TOLD, OMBUDSMAN_DETAILS_NOT_GIVEN) in its own words.
function noticeFields(required: boolean): readonly FieldSpec[] {
  return [
    {
      name: 'toldOn',
      label: 'Resident told on',
      kind: 'date',
      required,
      initial: (_c, today) => today,
    },
    { name: 'method', label: 'Told by', kind: 'select', required, choices: CONTACT_METHODS },
    {
      name: 'ombudsmanDetailsGiven',
      label: "Given the Housing Ombudsman's contact details and their right to go to it",
      kind: 'checkbox',
      required,
    },
  ];
}

/** The notice, or none when the form does not say how the resident was told. */
function notice(values: FormValues): Record<string, unknown> | null {
  const method = text(values, 'method');
  if (method === null) return null;
  return {
    toldOn: text(values, 'toldOn'),
    method,
    ombudsmanDetailsGiven: values.ombudsmanDetailsGiven === true,
  };
}

const openActions = (c: StepComplaint) =>
  c.actions
    .filter((a) => a.completedAt === null)
    .map((a) => ({ id: a.id, name: `${a.id}: ${a.description ?? 'action'}` }));

const remedyName = (r: StepComplaint['remedies'][number]) =>
  `${r.id}: ${r.label}${r.description ? ` (${r.description})` : ''}`;

const ACTION_FIELD: FieldSpec = {
  name: 'actionId',
  label: 'Action',
  kind: 'select',
  required: true,
  choices: openActions,
  initial: (c) => openActions(c)[0]?.id ?? '',
};

const DEFINITIONS: readonly StepDefinition[] = [
  {
    step: 'acknowledge',
    intro: 'Set out the complaint as you understand it and the outcome the resident seeks.',
    mutation: `mutation Acknowledge($id: ID!, $expectedVersion: Int, $understanding: String, $outcomeSought: String, $clarification: String) {
  acknowledgeComplaint(id: $id, expectedVersion: $expectedVersion, understanding: $understanding, outcomeSought: $outcomeSought, clarification: $clarification) ${RESULT}
}`,
    fields: [
      {
        name: 'understanding',
        label: 'The complaint as you understand it',
        kind: 'multiline',
        helperText: 'Left empty: the summary logged.',
      },
      {
        name: 'outcomeSought',
        label: 'The outcome the resident seeks',
        kind: 'multiline',
        helperText: 'Left empty: the one logged.',
      },
      { name: 'clarification', label: 'What you asked the resident to clarify', kind: 'multiline' },
    ],
    variables: (v) => ({
      understanding: text(v, 'understanding'),
      outcomeSought: text(v, 'outcomeSought'),
      clarification: text(v, 'clarification'),
    }),
  },
  {
    step: 'extend',
    intro: 'Extend the response deadline, told to the resident before the date it moves.',
    mutation: `mutation Extend($id: ID!, $expectedVersion: Int, $workingDays: Int!, $reason: String!, $exceptionalReason: String, $notice: ResidentNoticeInput) {
  extendResponseDeadline(id: $id, expectedVersion: $expectedVersion, workingDays: $workingDays, reason: $reason, exceptionalReason: $exceptionalReason, notice: $notice) ${RESULT}
}`,
    fields: [
      { name: 'workingDays', label: 'Working days', kind: 'number', required: true },
      {
        name: 'reason',
        label: 'Reason, as the resident is told it',
        kind: 'multiline',
        required: true,
      },
      {
        name: 'exceptionalReason',
        label: "Good reason to go beyond the policy's maximum",
        kind: 'multiline',
      },
      ...noticeFields(false),
    ],
    variables: (v) => ({
      workingDays: Number(text(v, 'workingDays')),
      reason: text(v, 'reason'),
      exceptionalReason: text(v, 'exceptionalReason'),
      notice: notice(v),
    }),
  },
  {
    step: 'add-point',
    mutation: `mutation AddPoint($id: ID!, $expectedVersion: Int, $point: String!) {
  addComplaintPoint(id: $id, expectedVersion: $expectedVersion, point: $point) ${RESULT}
}`,
    fields: [
      {
        name: 'point',
        label: 'The point, as the resident put it',
        kind: 'multiline',
        required: true,
      },
    ],
    variables: (v) => ({ point: text(v, 'point') }),
  },
  {
    step: 'respond',
    intro: 'Record the outcome, the findings and reasons, and any remedies offered.',
    mutation: `mutation Respond($id: ID!, $expectedVersion: Int, $input: RespondInput!) {
  respondToComplaint(id: $id, expectedVersion: $expectedVersion, input: $input) ${RESULT}
}`,
    fields: [
      { name: 'outcome', label: 'Outcome', kind: 'select', required: true, choices: OUTCOMES },
      { name: 'findings', label: 'Findings and reasons', kind: 'multiline', required: true },
    ],
    remedies: true,
    variables: (v, _c, remedies) => ({
      input: {
        outcome: text(v, 'outcome'),
        findings: text(v, 'findings'),
        remedies: remedies.map((r: RemedyRow, index) => ({
          kind: r.kind,
          description: r.description.trim(),
          amountPence: r.amount.trim() === '' ? null : pence(`remedies.${index}.amount`, r.amount),
        })),
      },
    }),
  },
  {
    step: 'request-escalation',
    intro: "Start stage 2 at the resident's request. Reasons are asked for, never required.",
    mutation: `mutation Escalate($id: ID!, $expectedVersion: Int, $reason: String, $lateReason: String) {
  requestEscalation(id: $id, expectedVersion: $expectedVersion, reason: $reason, lateReason: $lateReason) ${RESULT}
}`,
    fields: [
      { name: 'reason', label: "The resident's reasons, if they gave any", kind: 'multiline' },
      {
        name: 'lateReason',
        label: "Why a request after the policy's time is accepted",
        kind: 'multiline',
      },
    ],
    variables: (v) => ({ reason: text(v, 'reason'), lateReason: text(v, 'lateReason') }),
  },
  {
    step: 'refuse-escalation',
    intro:
      'Decline stage 2 for a valid reason, told to the resident with their right to go to the Ombudsman.',
    mutation: `mutation RefuseEscalation($id: ID!, $expectedVersion: Int, $reason: EscalationRefusalReason!, $explanation: String!, $notice: ResidentNoticeInput!) {
  refuseEscalation(id: $id, expectedVersion: $expectedVersion, reason: $reason, explanation: $explanation, notice: $notice) ${RESULT}
}`,
    fields: [
      {
        name: 'reason',
        label: 'Reason',
        kind: 'select',
        required: true,
        choices: ESCALATION_REFUSAL_REASONS,
      },
      {
        name: 'explanation',
        label: 'What the resident is told',
        kind: 'multiline',
        required: true,
      },
      ...noticeFields(true),
    ],
    variables: (v) => ({
      reason: text(v, 'reason'),
      explanation: text(v, 'explanation'),
      notice: notice(v),
    }),
  },
  {
    step: 'agree-action',
    mutation: `mutation AgreeAction($complaintId: ID!, $expectedVersion: Int, $input: AgreeActionInput!) {
  agreeAction(complaintId: $complaintId, expectedVersion: $expectedVersion, input: $input) ${RESULT}
}`,
    fields: [
      { name: 'description', label: 'What will be done', kind: 'multiline', required: true },
      { name: 'owner', label: 'Owner', kind: 'text', required: true },
      { name: 'dueOn', label: 'Due on', kind: 'date', required: true },
      {
        name: 'remedyId',
        label: 'The remedy it delivers',
        kind: 'select',
        choices: (c) => c.remedies.map((r) => ({ id: r.id, name: remedyName(r) })),
      },
    ],
    variables: (v) => ({
      input: {
        description: text(v, 'description'),
        owner: text(v, 'owner'),
        dueOn: text(v, 'dueOn'),
        remedyId: text(v, 'remedyId'),
      },
    }),
  },
  {
    step: 'complete-action',
    mutation: `mutation CompleteAction($complaintId: ID!, $expectedVersion: Int, $actionId: ID!, $note: String) {
  completeAction(complaintId: $complaintId, expectedVersion: $expectedVersion, actionId: $actionId, note: $note) ${RESULT}
}`,
    fields: [ACTION_FIELD, { name: 'note', label: 'Note', kind: 'multiline' }],
    variables: (v) => ({ actionId: text(v, 'actionId'), note: text(v, 'note') }),
  },
  {
    step: 'update-on-action',
    intro: 'Record an update given to the resident on an outstanding action.',
    mutation: `mutation UpdateOnAction($complaintId: ID!, $expectedVersion: Int, $actionId: ID!, $update: String!, $method: ContactMethod!) {
  updateOnAction(complaintId: $complaintId, expectedVersion: $expectedVersion, actionId: $actionId, update: $update, method: $method) ${RESULT}
}`,
    fields: [
      ACTION_FIELD,
      { name: 'update', label: 'What the resident was told', kind: 'multiline', required: true },
      {
        name: 'method',
        label: 'Told by',
        kind: 'select',
        required: true,
        choices: CONTACT_METHODS,
      },
    ],
    variables: (v) => ({
      actionId: text(v, 'actionId'),
      update: text(v, 'update'),
      method: text(v, 'method'),
    }),
  },
  {
    step: 'answer-remedy',
    mutation: `mutation AnswerRemedy($complaintId: ID!, $expectedVersion: Int, $remedyId: ID!, $answer: RemedyAnswer!, $note: String) {
  answerRemedy(complaintId: $complaintId, expectedVersion: $expectedVersion, remedyId: $remedyId, answer: $answer, note: $note) ${RESULT}
}`,
    fields: [
      {
        name: 'remedyId',
        label: 'Remedy',
        kind: 'select',
        required: true,
        choices: (c) =>
          c.remedies
            .filter((r) => r.answer === null)
            .map((r) => ({ id: r.id, name: remedyName(r) })),
      },
      { name: 'answer', label: 'Answer', kind: 'select', required: true, choices: REMEDY_ANSWERS },
      { name: 'note', label: 'Note', kind: 'multiline' },
    ],
    variables: (v) => ({
      remedyId: text(v, 'remedyId'),
      answer: text(v, 'answer'),
      note: text(v, 'note'),
    }),
  },
  {
    step: 'pay-remedy',
    mutation: `mutation PayRemedy($complaintId: ID!, $expectedVersion: Int, $remedyId: ID!, $amountPence: Int!, $paidOn: LocalDate!) {
  payRemedy(complaintId: $complaintId, expectedVersion: $expectedVersion, remedyId: $remedyId, amountPence: $amountPence, paidOn: $paidOn) ${RESULT}
}`,
    fields: [
      {
        name: 'remedyId',
        label: 'Compensation',
        kind: 'select',
        required: true,
        choices: (c) =>
          c.remedies
            .filter(
              (r) =>
                r.amountPence !== null &&
                r.paidPence < r.amountPence &&
                r.answer?.answer !== 'DECLINED',
            )
            .map((r) => ({ id: r.id, name: remedyName(r) })),
      },
      { name: 'amount', label: 'Amount paid (£)', kind: 'money', required: true },
      {
        name: 'paidOn',
        label: 'Paid on',
        kind: 'date',
        required: true,
        initial: (_c, today) => today,
      },
    ],
    variables: (v) => ({
      remedyId: text(v, 'remedyId'),
      amountPence: pence('amount', text(v, 'amount') ?? ''),
      paidOn: text(v, 'paidOn'),
    }),
  },
  {
    step: 'assign',
    intro: 'Take this case yourself.',
    mutation: `mutation AssignToMe($id: ID!, $expectedVersion: Int, $assigneeId: ID) {
  assignComplaint(id: $id, expectedVersion: $expectedVersion, assigneeId: $assigneeId) ${RESULT}
}`,
    fields: [],
    variables: (_v, c) => ({ assigneeId: c.viewerId ?? null }),
  },
  {
    step: 'close',
    intro: 'Close the case once its response is sent and what was agreed is done.',
    mutation: `mutation Close($id: ID!, $expectedVersion: Int) {
  closeComplaint(id: $id, expectedVersion: $expectedVersion) ${RESULT}
}`,
    fields: [],
    variables: () => ({}),
  },
  {
    step: 'withdraw',
    mutation: `mutation Withdraw($id: ID!, $expectedVersion: Int, $reason: String!) {
  withdrawComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) ${RESULT}
}`,
    fields: [
      {
        name: 'reason',
        label: 'Why the resident withdrew it, in their words',
        kind: 'multiline',
        required: true,
      },
    ],
    variables: (v) => ({ reason: text(v, 'reason') }),
  },
  {
    step: 'refuse',
    intro: 'Refuse to take the complaint on, for a reason the policy sets out (Code 2).',
    mutation: `mutation Refuse($id: ID!, $expectedVersion: Int, $reason: RefusalReason!, $explanation: String!, $discretionConsidered: String, $notice: ResidentNoticeInput) {
  refuseComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason, explanation: $explanation, discretionConsidered: $discretionConsidered, notice: $notice) ${RESULT}
}`,
    fields: [
      {
        name: 'reason',
        label: 'Reason',
        kind: 'select',
        required: true,
        choices: (c) => refusalReasonChoices(c.policy.refusalReasons),
      },
      {
        name: 'explanation',
        label: 'What the resident is told',
        kind: 'multiline',
        required: true,
      },
      {
        name: 'discretionConsidered',
        label: 'Over 12 months old: how discretion was considered',
        kind: 'multiline',
      },
      ...noticeFields(false),
    ],
    variables: (v) => ({
      reason: text(v, 'reason'),
      explanation: text(v, 'explanation'),
      discretionConsidered: text(v, 'discretionConsidered'),
      notice: notice(v),
    }),
  },
  {
    step: 'reopen',
    mutation: `mutation Reopen($id: ID!, $expectedVersion: Int, $reason: String!) {
  reopenComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) ${RESULT}
}`,
    fields: [
      { name: 'reason', label: 'Why the case is re-opened', kind: 'multiline', required: true },
    ],
    variables: (v) => ({ reason: text(v, 'reason') }),
  },
  {
    step: 'refer-to-ombudsman',
    mutation: `mutation Refer($id: ID!, $expectedVersion: Int, $reference: String!, $ombudsman: Ombudsman) {
  referToOmbudsman(id: $id, expectedVersion: $expectedVersion, reference: $reference, ombudsman: $ombudsman) ${RESULT}
}`,
    fields: [
      { name: 'reference', label: "The ombudsman's case reference", kind: 'text', required: true },
      {
        name: 'ombudsman',
        label: 'Ombudsman',
        kind: 'select',
        required: true,
        choices: OMBUDSMEN,
        initial: () => OMBUDSMEN[0]?.id ?? '',
      },
    ],
    variables: (v) => ({ reference: text(v, 'reference'), ombudsman: text(v, 'ombudsman') }),
  },
];

/** The steps the console has a form for, by the domain's name. */
export const STEP_FORMS: ReadonlyMap<ComplaintStep, StepDefinition> = new Map(
  [...DEFINITIONS, ...LEARNING_FORMS, ...REVIEW_FORMS].map((d) => [d.step, d]),
);

/** Whether the mutation names the case `complaintId` (actions, remedies) or `id`. */
export function idVariable(definition: StepDefinition): 'id' | 'complaintId' {
  return definition.mutation.includes('$complaintId') ? 'complaintId' : 'id';
}
