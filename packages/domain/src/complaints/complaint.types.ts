import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import type { Policy } from '../policies/policy.types.js';

/** An instant, as an ISO 8601 string with offset (`2026-11-06T09:30:00.000Z`). */
export type Instant = string;

export type StageNumber = 1 | 2;

export type Channel =
  | 'phone'
  | 'email'
  | 'online'
  | 'letter'
  | 'in-person'
  | 'social-media'
  | 'representative'
  | 'elected-member';

export type Tenure = 'lcra' | 'lcho' | 'other';

export type ComplainantType =
  | 'tenant'
  | 'shared-owner'
  | 'leaseholder'
  | 'former-customer'
  | 'applicant'
  | 'residents-group'
  | 'other';

export type ContactMethod = 'phone' | 'email' | 'letter' | 'text' | 'in-person';

export interface Complainant {
  readonly name: string;
  readonly type: ComplainantType;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly preferredContact?: ContactMethod | null;
  /** Language for letters, e.g. "English", "Polish" (seed 004: translation on request). */
  readonly language?: string | null;
  /** Format for letters, e.g. "large print", "easy read". */
  readonly format?: string | null;
  /** Reasonable adjustments asked for (Code 5.x). */
  readonly adjustments?: string | null;
  readonly vulnerable?: boolean | null;
}

export type RepresentativeRole =
  'advocate' | 'family' | 'councillor' | 'mp' | 'solicitor' | 'other';

export interface Representative {
  readonly name: string;
  readonly role: RepresentativeRole;
  readonly contact?: string | null;
  /** The resident's consent for the representative to act for them; required. */
  readonly consentGiven: boolean;
  readonly consentRecordedOn?: LocalDate | null;
}

export type Outcome = 'upheld' | 'partly-upheld' | 'not-upheld';

export type RemedyKind =
  | 'apology'
  | 'explanation'
  | 'action-on-delay'
  | 'decision-reviewed'
  | 'record-corrected'
  | 'financial-compensation'
  | 'policy-change'
  | 'other';

export interface Remedy {
  readonly kind: RemedyKind;
  readonly description: string;
  /** Pence, for financial compensation. */
  readonly amountPence?: number | null;
}

/** Valid reasons to refuse a complaint (Code 2.1–2.4, seed 003). */
export type RefusalReason =
  | 'over-12-months-old'
  | 'legal-proceedings'
  | 'already-considered'
  | 'third-party-service'
  | 'separate-policy';

export type ComplaintStatus =
  'received' | 'acknowledged' | 'responded' | 'closed' | 'withdrawn' | 'refused';

export type CloseReason = 'resolved' | 'escalation-window-lapsed' | 'no-reply-after-stage-2';

/** Who did something: a person, a partner application, or Redress itself. */
export interface Actor {
  readonly kind: 'user' | 'api-key' | 'system';
  readonly id: string;
  readonly name?: string;
}

// ---------------------------------------------------------------------------------------------
// Commands: what someone asks to happen.

export interface LogComplaint {
  readonly type: 'log';
  readonly complaintId: string;
  readonly reference: string;
  readonly receivedAt: Instant;
  readonly channel: Channel;
  readonly complainant: Complainant;
  readonly representative?: Representative | null;
  readonly summary: string;
  readonly desiredOutcome?: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  /** Set when a service request is converted into this complaint (Code 1.5). */
  readonly serviceRequestId?: string | null;
}

export interface AssignComplaint {
  readonly type: 'assign';
  /** The handler's name, as letters and the timeline show it. */
  readonly handler: string;
  /** The handler as a user of Redress; absent in histories written before users existed. */
  readonly handlerId?: string | null;
  /** The team that holds the case, when one does. */
  readonly teamId?: string | null;
}

export interface AcknowledgeComplaint {
  readonly type: 'acknowledge';
}

export interface ExtendResponseDeadline {
  readonly type: 'extend';
  readonly workingDays: number;
  /** Told to the resident with the new date (Code 6.4, 6.5). */
  readonly reason: string;
  /** Needed only to go beyond the policy's maximum. */
  readonly exceptionalReason?: string | null;
}

export interface RespondToComplaint {
  readonly type: 'respond';
  readonly outcome: Outcome;
  readonly findings: string;
  readonly remedies?: readonly Remedy[];
}

export interface RequestEscalation {
  readonly type: 'request-escalation';
  readonly reason?: string | null;
  /** Needed only to accept a request after the policy's escalation window. */
  readonly lateReason?: string | null;
}

export interface AgreeAction {
  readonly type: 'agree-action';
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: LocalDate;
  readonly remedy?: RemedyKind | null;
}

export interface CompleteAction {
  readonly type: 'complete-action';
  readonly actionId: string;
  readonly note?: string | null;
}

export interface CloseComplaint {
  readonly type: 'close';
}

/** Raised by Redress itself when a policy's closing window lapses (seed 000). */
export interface AutoCloseComplaint {
  readonly type: 'auto-close';
}

export interface WithdrawComplaint {
  readonly type: 'withdraw';
  readonly reason: string;
}

export interface RefuseComplaint {
  readonly type: 'refuse';
  readonly reason: RefusalReason;
  /** What the resident is told, including their right to go to the Ombudsman. */
  readonly explanation: string;
}

export interface ReferToOmbudsman {
  readonly type: 'refer-to-ombudsman';
  readonly reference: string;
}

export type ComplaintCommand =
  | LogComplaint
  | AssignComplaint
  | AcknowledgeComplaint
  | ExtendResponseDeadline
  | RespondToComplaint
  | RequestEscalation
  | AgreeAction
  | CompleteAction
  | CloseComplaint
  | AutoCloseComplaint
  | WithdrawComplaint
  | RefuseComplaint
  | ReferToOmbudsman;

/** What `decide` needs besides the state and the command. */
export interface DecisionContext {
  /** The present instant, from the caller: the domain never reads the clock. */
  readonly now: Instant;
  /** When the step happened, if not now: never in the future, never before the last event. */
  readonly at?: Instant;
  readonly actor: Actor;
  /** The policy in force now: copied into the event that starts a stage. */
  readonly policy: Policy;
  /** A newer bank-holiday file than the shipped one, if the operator supplied it. */
  readonly holidays?: BankHolidaysData;
}

// ---------------------------------------------------------------------------------------------
// Events: what happened. Append-only; each carries when and who.

interface EventBase {
  /** When it happened. */
  readonly at: Instant;
  readonly actor: Actor;
}

export interface ComplaintLogged extends EventBase {
  readonly type: 'complaint-logged';
  readonly complaintId: string;
  readonly reference: string;
  readonly receivedAt: Instant;
  readonly channel: Channel;
  readonly complainant: Complainant;
  readonly representative: Representative | null;
  readonly summary: string;
  readonly desiredOutcome: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  readonly serviceRequestId: string | null;
  /** The policy in force when stage 1 began. */
  readonly policy: Policy;
}

export interface ComplaintAssigned extends EventBase {
  readonly type: 'complaint-assigned';
  readonly stage: StageNumber;
  readonly handler: string;
  /** Absent in events recorded before handlers were users. */
  readonly handlerId?: string | null;
  readonly teamId?: string | null;
}

export interface ComplaintAcknowledged extends EventBase {
  readonly type: 'complaint-acknowledged';
  readonly stage: StageNumber;
}

export interface ResponseDeadlineExtended extends EventBase {
  readonly type: 'response-deadline-extended';
  readonly stage: StageNumber;
  readonly workingDays: number;
  readonly reason: string;
  readonly exceptionalReason: string | null;
}

export interface ComplaintResponded extends EventBase {
  readonly type: 'complaint-responded';
  readonly stage: StageNumber;
  readonly outcome: Outcome;
  readonly findings: string;
  readonly remedies: readonly Remedy[];
}

export interface EscalationRequested extends EventBase {
  readonly type: 'escalation-requested';
  readonly reason: string | null;
  readonly lateReason: string | null;
  /** The policy in force when stage 2 began. */
  readonly policy: Policy;
}

export interface ActionAgreed extends EventBase {
  readonly type: 'action-agreed';
  readonly stage: StageNumber;
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: LocalDate;
  readonly remedy: RemedyKind | null;
}

export interface ActionCompleted extends EventBase {
  readonly type: 'action-completed';
  readonly actionId: string;
  readonly note: string | null;
}

export interface ComplaintClosed extends EventBase {
  readonly type: 'complaint-closed';
  readonly reason: CloseReason;
  readonly automatic: boolean;
}

export interface ComplaintWithdrawn extends EventBase {
  readonly type: 'complaint-withdrawn';
  readonly reason: string;
}

export interface ComplaintRefused extends EventBase {
  readonly type: 'complaint-refused';
  readonly reason: RefusalReason;
  readonly explanation: string;
}

export interface ReferredToOmbudsman extends EventBase {
  readonly type: 'referred-to-ombudsman';
  readonly reference: string;
}

export type ComplaintEvent =
  | ComplaintLogged
  | ComplaintAssigned
  | ComplaintAcknowledged
  | ResponseDeadlineExtended
  | ComplaintResponded
  | EscalationRequested
  | ActionAgreed
  | ActionCompleted
  | ComplaintClosed
  | ComplaintWithdrawn
  | ComplaintRefused
  | ReferredToOmbudsman;

export type ComplaintEventType = ComplaintEvent['type'];

// ---------------------------------------------------------------------------------------------
// State: the fold of the events.

export interface Extension {
  readonly at: Instant;
  readonly workingDays: number;
  readonly reason: string;
  readonly exceptionalReason: string | null;
}

export interface StageState {
  readonly stage: StageNumber;
  readonly policy: Policy;
  /** Receipt (stage 1) or the escalation request (stage 2). */
  readonly startedAt: Instant;
  readonly handler: string | null;
  /** The handler as a user, when the assignment named one. */
  readonly handlerId: string | null;
  /** The team holding the stage, when one does. */
  readonly teamId: string | null;
  readonly acknowledgedAt: Instant | null;
  readonly extensions: readonly Extension[];
  readonly respondedAt: Instant | null;
  /** Who recorded the stage's response. */
  readonly respondedBy: Actor | null;
  readonly outcome: Outcome | null;
  readonly findings: string | null;
  readonly remedies: readonly Remedy[];
  /** Stage 2 only. */
  readonly escalationReason: string | null;
  readonly lateReason: string | null;
}

export interface ActionState {
  readonly id: string;
  readonly stage: StageNumber;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: LocalDate;
  readonly remedy: RemedyKind | null;
  readonly agreedAt: Instant;
  readonly completedAt: Instant | null;
  readonly note: string | null;
}

export interface OmbudsmanReferral {
  readonly reference: string;
  readonly referredAt: Instant;
}

export interface ComplaintState {
  readonly id: string;
  readonly reference: string;
  /** The number of events folded in: the expected version for the next write. */
  readonly version: number;
  readonly status: ComplaintStatus;
  readonly stage: StageNumber;
  readonly receivedAt: Instant;
  /** Who logged the case: a partner key's cases are the ones it logged. */
  readonly loggedBy: Actor;
  readonly channel: Channel;
  readonly complainant: Complainant;
  readonly representative: Representative | null;
  readonly summary: string;
  readonly desiredOutcome: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  readonly serviceRequestId: string | null;
  readonly stages: readonly StageState[];
  readonly actions: readonly ActionState[];
  readonly ombudsman: readonly OmbudsmanReferral[];
  readonly lastEventAt: Instant;
  readonly closedAt: Instant | null;
  readonly closeReason: CloseReason | null;
  readonly withdrawnReason: string | null;
  readonly refusal: { readonly reason: RefusalReason; readonly explanation: string } | null;
}
