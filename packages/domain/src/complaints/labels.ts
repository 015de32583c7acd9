// The words a person reads, kept in one place so the API, the console and letters say the same
// thing. Each table is a `Record` over its union, so adding a value without its label fails to
// compile; each list of values is read from its table, so it cannot miss one either.
import type { DeadlineKind, DeadlineState } from '../deadlines/deadline.types.js';
import type {
  Channel,
  CloseReason,
  ComplainantType,
  ComplaintEventType,
  ComplaintStatus,
  ContactMethod,
  DeterminationFinding,
  EscalationRefusalReason,
  Ombudsman,
  OmbudsmanOrderKind,
  Outcome,
  RefusalReason,
  RemedyAnswer,
  RemedyKind,
  RepresentativeRole,
  StageNumber,
  Tenure,
} from './complaint.types.js';

// Object.keys loses the key type; the records below are total, so the cast only restores it.
function keysOf<K extends string>(labels: Readonly<Record<K, string>>): readonly K[] {
  return Object.freeze(Object.keys(labels) as K[]);
}

export const STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  responded: 'Responded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  refused: 'Refused',
  merged: 'Merged into another complaint',
};
export const COMPLAINT_STATUSES = keysOf(STATUS_LABELS);

// A Record over a numeric union: keys are numbers to the compiler, strings at run time.
export const STAGE_LABELS: Readonly<Record<StageNumber, string>> = {
  1: 'Stage 1',
  2: 'Stage 2',
};
export const STAGES: readonly StageNumber[] = Object.freeze([1, 2]);

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
};
export const OUTCOMES = keysOf(OUTCOME_LABELS);

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  phone: 'Phone',
  email: 'Email',
  online: 'Online form or My Account',
  letter: 'Letter',
  'in-person': 'In person',
  'social-media': 'Social media',
  representative: 'Through a representative',
  'elected-member': 'Through an elected member',
};
export const CHANNELS = keysOf(CHANNEL_LABELS);

export const TENURE_LABELS: Readonly<Record<Tenure, string>> = {
  lcra: 'Low-cost rental (LCRA)',
  lcho: 'Low-cost home ownership (LCHO)',
  other: 'Other (leaseholder, non-social)',
};
export const TENURES = keysOf(TENURE_LABELS);

export const COMPLAINANT_TYPE_LABELS: Readonly<Record<ComplainantType, string>> = {
  tenant: 'Tenant',
  'shared-owner': 'Shared owner',
  leaseholder: 'Leaseholder',
  'former-customer': 'Former customer',
  applicant: 'Housing applicant',
  'residents-group': "Residents' group",
  other: 'Other',
};
export const COMPLAINANT_TYPES = keysOf(COMPLAINANT_TYPE_LABELS);

export const REPRESENTATIVE_ROLE_LABELS: Readonly<Record<RepresentativeRole, string>> = {
  advocate: 'Advocate',
  family: 'Family member',
  councillor: 'Councillor',
  mp: 'MP',
  solicitor: 'Solicitor',
  other: 'Other',
};
export const REPRESENTATIVE_ROLES = keysOf(REPRESENTATIVE_ROLE_LABELS);

export const CONTACT_METHOD_LABELS: Readonly<Record<ContactMethod, string>> = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  text: 'Text message',
  'in-person': 'In person',
};
export const CONTACT_METHODS = keysOf(CONTACT_METHOD_LABELS);

export const REMEDY_LABELS: Readonly<Record<RemedyKind, string>> = {
  apology: 'Apology',
  explanation: 'Explanation',
  'action-on-delay': 'Action on a delay',
  'decision-reviewed': 'Decision reviewed or changed',
  'record-corrected': 'Record corrected',
  'financial-compensation': 'Financial compensation',
  'policy-change': 'Policy or procedure changed',
  other: 'Other remedy',
};
export const REMEDY_KINDS = keysOf(REMEDY_LABELS);

export const REFUSAL_REASON_LABELS: Readonly<Record<RefusalReason, string>> = {
  'over-12-months-old': 'The issue arose more than 12 months ago',
  'legal-proceedings': 'Legal proceedings have started',
  'already-considered': 'Already considered under the complaints process',
  'third-party-service': "Concerns a third party's service",
  'separate-policy': 'Covered by a separate policy',
};
export const REFUSAL_REASONS = keysOf(REFUSAL_REASON_LABELS);

export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  resolved: 'Resolved',
  'escalation-window-lapsed': 'No escalation request within the window after stage 1',
  'no-reply-after-stage-2': 'No reply after the stage 2 response',
  'escalation-refused': 'Escalation to stage 2 refused, with reasons',
};
export const CLOSE_REASONS = keysOf(CLOSE_REASON_LABELS);

export const EVENT_LABELS: Readonly<Record<ComplaintEventType, string>> = {
  'complaint-logged': 'Complaint logged',
  'complaint-assigned': 'Handler assigned',
  'complaint-acknowledged': 'Complaint acknowledged',
  'response-deadline-extended': 'Response deadline extended',
  'complaint-responded': 'Response sent',
  'escalation-requested': 'Escalation to stage 2 requested',
  'action-agreed': 'Action agreed',
  'action-completed': 'Action completed',
  'complaint-closed': 'Complaint closed',
  'complaint-withdrawn': 'Complaint withdrawn',
  'complaint-refused': 'Complaint refused',
  'referred-to-ombudsman': 'Referred to an ombudsman',
  'escalation-refused': 'Escalation to stage 2 refused',
  'action-update-given': 'Update given on an action',
  'remedy-answered': 'Resident answered a remedy',
  'remedy-paid': 'Compensation paid',
  'complaint-reopened': 'Complaint re-opened',
  'point-added': 'Point added to the complaint',
  'complainant-added': 'Resident added to the complaint',
  'contractor-recorded': 'Contractor recorded',
  'merged-into': 'Merged into another complaint',
  'duplicate-absorbed': 'Duplicate merged in',
  'determination-recorded': "Ombudsman's determination recorded",
  'order-complied': "Ombudsman's order complied with",
  'satisfaction-recorded': "Resident's satisfaction recorded",
  'lesson-recorded': 'Lesson learnt recorded',
  'stage-2-reviewers-recorded': 'Stage 2 reviewers recorded',
};
export const EVENT_TYPES = keysOf(EVENT_LABELS);

export const ESCALATION_REFUSAL_REASON_LABELS: Readonly<Record<EscalationRefusalReason, string>> = {
  ...REFUSAL_REASON_LABELS,
  'out-of-time': "Asked for after the policy's time for escalating, and discretion not used",
};
export const ESCALATION_REFUSAL_REASONS = keysOf(ESCALATION_REFUSAL_REASON_LABELS);

export const OMBUDSMAN_LABELS: Readonly<Record<Ombudsman, string>> = {
  'housing-ombudsman': 'Housing Ombudsman',
  'local-government-ombudsman': 'Local Government and Social Care Ombudsman',
};
export const OMBUDSMEN = keysOf(OMBUDSMAN_LABELS);

export const DETERMINATION_FINDING_LABELS: Readonly<Record<DeterminationFinding, string>> = {
  'no-maladministration': 'No maladministration',
  'service-failure': 'Service failure',
  maladministration: 'Maladministration',
  'severe-maladministration': 'Severe maladministration',
  'reasonable-redress': 'Reasonable redress offered',
  'outside-jurisdiction': 'Outside jurisdiction',
};
export const DETERMINATION_FINDINGS = keysOf(DETERMINATION_FINDING_LABELS);

export const OMBUDSMAN_ORDER_KIND_LABELS: Readonly<Record<OmbudsmanOrderKind, string>> = {
  order: 'Order',
  recommendation: 'Recommendation',
};
export const OMBUDSMAN_ORDER_KINDS = keysOf(OMBUDSMAN_ORDER_KIND_LABELS);

export const REMEDY_ANSWER_LABELS: Readonly<Record<RemedyAnswer, string>> = {
  accepted: 'Accepted',
  declined: 'Declined',
};
export const REMEDY_ANSWERS = keysOf(REMEDY_ANSWER_LABELS);

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  acknowledge: 'Acknowledge',
  respond: 'Respond',
};
export const DEADLINE_KINDS = keysOf(DEADLINE_KIND_LABELS);

export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  pending: 'Pending',
  'due-soon': 'Due soon',
  'due-today': 'Due today',
  overdue: 'Overdue',
  met: 'Met',
  missed: 'Missed',
};
export const DEADLINE_STATES = keysOf(DEADLINE_STATE_LABELS);

/** What letters and screens say of an escalation asked for without reasons (Code 6.12). */
export const NO_ESCALATION_REASONS_LABEL = 'No reasons given';
