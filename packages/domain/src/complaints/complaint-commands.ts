// Commands: what someone asks to happen. `decide` turns each into events or a coded refusal.
import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import type { Policy } from '../policies/policy.types.js';
import type {
  Actor,
  Channel,
  Complainant,
  ContactMethod,
  Contractor,
  DeterminationFinding,
  EscalationRefusalReason,
  Instant,
  Ombudsman,
  OmbudsmanOrderInput,
  Outcome,
  RefusalReason,
  Remedy,
  RemedyAnswer,
  RemedyKind,
  Representative,
  ResidentNotice,
  Stage2Reviewer,
  Tenure,
} from './complaint.types.js';

export interface LogComplaint {
  readonly type: 'log';
  readonly complaintId: string;
  readonly reference: string;
  readonly receivedAt: Instant;
  readonly channel: Channel;
  readonly complainant: Complainant;
  /** Further residents making the same complaint (Code 1.2: "a resident or group of residents"). */
  readonly additionalComplainants?: readonly Complainant[] | null;
  readonly representative?: Representative | null;
  readonly summary: string;
  readonly desiredOutcome?: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  /** Set when a service request is converted into this complaint (Code 1.5). */
  readonly serviceRequestId?: string | null;
  /** The contractor whose service it is about; the complaint is still the landlord's (1.2). */
  readonly contractor?: Contractor | null;
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

/**
 * Acknowledging "defines and logs" the complaint (Code 5.6, 6.2, 6.11): the landlord's
 * understanding of it and the outcome the resident seeks, which the letters quote.
 */
export interface AcknowledgeComplaint {
  readonly type: 'acknowledge';
  /** The complaint as the landlord understands it; stage 1 defaults to the logged summary. */
  readonly understanding?: string | null;
  /** The outcome the resident seeks; defaults to the one logged (stage 2: stage 1's). */
  readonly outcomeSought?: string | null;
  /** What the resident was asked where the complaint is unclear (5.6). */
  readonly clarification?: string | null;
}

export interface ExtendResponseDeadline {
  readonly type: 'extend';
  readonly workingDays: number;
  /** Told to the resident with the new date (Code 6.4, 6.15). */
  readonly reason: string;
  /** The good reason needed to go beyond the policy's maximum (6.4, 6.15). */
  readonly exceptionalReason?: string | null;
  /** When and how the resident was told, with the Ombudsman's details (6.5, 6.16). */
  readonly notice?: ResidentNotice | null;
}

export interface RespondToComplaint {
  readonly type: 'respond';
  readonly outcome: Outcome;
  readonly findings: string;
  readonly remedies?: readonly Remedy[];
}

export interface RequestEscalation {
  readonly type: 'request-escalation';
  /** Asked for, never required (Code 6.12): none given is recorded as such. */
  readonly reason?: string | null;
  /** Why a request after the policy's window is accepted: the landlord's discretion. */
  readonly lateReason?: string | null;
}

/** Declining to take the case to stage 2: a decision with reasons (Code 5.11, 2.4). */
export interface RefuseEscalation {
  readonly type: 'refuse-escalation';
  readonly reason: EscalationRefusalReason;
  /** What the resident is told: why, and their right to go to the Ombudsman. */
  readonly explanation: string;
  readonly notice: ResidentNotice;
}

export interface AgreeAction {
  readonly type: 'agree-action';
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: LocalDate;
  readonly remedy?: RemedyKind | null;
  /** The remedy of the response this action delivers, by its id (`1.2`). */
  readonly remedyId?: string | null;
}

export interface CompleteAction {
  readonly type: 'complete-action';
  readonly actionId: string;
  readonly note?: string | null;
}

/** An update to the resident on an outstanding action (Code 6.6, 7.3). */
export interface UpdateOnAction {
  readonly type: 'update-on-action';
  readonly actionId: string;
  /** What the resident was told. */
  readonly update: string;
  readonly method: ContactMethod;
}

/** The resident's answer to a remedy offered in a response (Code 7.3). */
export interface AnswerRemedy {
  readonly type: 'answer-remedy';
  readonly remedyId: string;
  readonly answer: RemedyAnswer;
  readonly note?: string | null;
}

/** A payment of financial compensation offered as a remedy (Code 7.1). */
export interface PayRemedy {
  readonly type: 'pay-remedy';
  readonly remedyId: string;
  readonly amountPence: number;
  readonly paidOn: LocalDate;
}

export interface CloseComplaint {
  readonly type: 'close';
}

/** Raised by Redress itself when a policy's closing window lapses (seed 000). */
export interface AutoCloseComplaint {
  readonly type: 'auto-close';
}

/** Opens an ended case again where it stood, with a reason; not an escalation. */
export interface ReopenComplaint {
  readonly type: 'reopen';
  readonly reason: string;
}

export interface WithdrawComplaint {
  readonly type: 'withdraw';
  readonly reason: string;
}

export interface RefuseComplaint {
  readonly type: 'refuse';
  readonly reason: RefusalReason;
  /** What the resident is told: why the complaint is not taken on (Code 2.1, 2.4). */
  readonly explanation: string;
  /** When and how they were told, with their right to go to the Ombudsman (2.4). */
  readonly notice?: ResidentNotice | null;
  /** Past 12 months: how discretion to accept it anyway was considered (2.3). */
  readonly discretionConsidered?: string | null;
}

/** A further point raised during the investigation, answered in the same response (6.8). */
export interface AddPoint {
  readonly type: 'add-point';
  readonly point: string;
}

/** Another resident making the same complaint (a household, a residents' group). */
export interface AddComplainant {
  readonly type: 'add-complainant';
  readonly complainant: Complainant;
}

export interface RecordContractor {
  readonly type: 'record-contractor';
  readonly contractor: Contractor;
}

/** Recorded on the duplicate: it ends, and the case it duplicates answers for it. */
export interface MergeInto {
  readonly type: 'merge-into';
  readonly intoComplaintId: string;
  readonly intoReference: string;
}

/** Recorded on the case a duplicate was merged into. */
export interface AbsorbDuplicate {
  readonly type: 'absorb-duplicate';
  readonly duplicateId: string;
  readonly duplicateReference: string;
}

export interface ReferToOmbudsman {
  readonly type: 'refer-to-ombudsman';
  readonly reference: string;
  /** Defaults to the Housing Ombudsman. */
  readonly ombudsman?: Ombudsman | null;
}

/** An ombudsman's determination on a referral: its findings, orders and recommendations. */
export interface RecordDetermination {
  readonly type: 'record-determination';
  readonly reference: string;
  readonly determinedOn: LocalDate;
  readonly findings: readonly DeterminationFinding[];
  readonly summary: string;
  readonly orders?: readonly OmbudsmanOrderInput[];
}

/** The landlord's compliance with one order or recommendation of a determination. */
export interface RecordOrderCompliance {
  readonly type: 'record-order-compliance';
  readonly reference: string;
  readonly orderId: string;
  readonly compliedOn: LocalDate;
  readonly note?: string | null;
}

/**
 * The resident's transactional satisfaction with how the complaint was handled, 0-10, once it
 * has closed; a later one replaces the earlier.
 */
export interface RecordSatisfaction {
  readonly type: 'record-satisfaction';
  readonly score: number;
  readonly comment?: string | null;
}

/** A lesson learnt from the case (Code 9), at any point. */
export interface RecordLesson {
  readonly type: 'record-lesson';
  readonly lesson: string;
}

/**
 * Who reviews stage 2 (seed 004: an independent manager and an independent resident from a
 * panel). A later record replaces the earlier, while stage 2 is open.
 */
export interface RecordStage2Reviewers {
  readonly type: 'record-stage-2-reviewers';
  readonly reviewers: readonly Stage2Reviewer[];
}

export type ComplaintCommand =
  | LogComplaint
  | AssignComplaint
  | AcknowledgeComplaint
  | ExtendResponseDeadline
  | RespondToComplaint
  | RequestEscalation
  | RefuseEscalation
  | AgreeAction
  | CompleteAction
  | UpdateOnAction
  | AnswerRemedy
  | PayRemedy
  | CloseComplaint
  | AutoCloseComplaint
  | ReopenComplaint
  | WithdrawComplaint
  | RefuseComplaint
  | AddPoint
  | AddComplainant
  | RecordContractor
  | MergeInto
  | AbsorbDuplicate
  | ReferToOmbudsman
  | RecordDetermination
  | RecordOrderCompliance
  | RecordSatisfaction
  | RecordLesson
  | RecordStage2Reviewers;

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
