// Events: what happened. Append-only; each carries when and who. Fields added after the first
// release are optional, because events stored before them never change.
import type { LocalDate } from '../calendar/calendar.types.js';
import type { Policy } from '../policies/policy.types.js';
import type {
  Actor,
  Channel,
  Complainant,
  ContactMethod,
  Contractor,
  CloseReason,
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
  RecordedReviewer,
  Representative,
  ResidentNotice,
  StageNumber,
  Tenure,
} from './complaint.types.js';

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
  readonly additionalComplainants?: readonly Complainant[];
  readonly representative: Representative | null;
  readonly summary: string;
  readonly desiredOutcome: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  readonly serviceRequestId: string | null;
  readonly contractor?: Contractor | null;
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
  /** The complaint definition (Code 5.6); absent in events recorded before it was kept. */
  readonly understanding?: string;
  readonly outcomeSought?: string | null;
  readonly clarification?: string | null;
}

export interface ResponseDeadlineExtended extends EventBase {
  readonly type: 'response-deadline-extended';
  readonly stage: StageNumber;
  readonly workingDays: number;
  readonly reason: string;
  readonly exceptionalReason: string | null;
  /** Absent in events recorded before notices were kept. */
  readonly notice?: ResidentNotice;
  /** The due date the extension moved, and the one it set. */
  readonly fromDueOn?: LocalDate;
  readonly toDueOn?: LocalDate;
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
  /** Set when the request re-opened a case closed after stage 1 (Code 6.10). */
  readonly reopened?: boolean;
}

export interface EscalationRefused extends EventBase {
  readonly type: 'escalation-refused';
  readonly reason: EscalationRefusalReason;
  readonly explanation: string;
  readonly notice: ResidentNotice;
}

export interface ActionAgreed extends EventBase {
  readonly type: 'action-agreed';
  readonly stage: StageNumber;
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: LocalDate;
  readonly remedy: RemedyKind | null;
  readonly remedyId?: string | null;
}

export interface ActionCompleted extends EventBase {
  readonly type: 'action-completed';
  readonly actionId: string;
  readonly note: string | null;
}

export interface ActionUpdateGiven extends EventBase {
  readonly type: 'action-update-given';
  readonly actionId: string;
  readonly update: string;
  readonly method: ContactMethod;
}

export interface RemedyAnswered extends EventBase {
  readonly type: 'remedy-answered';
  readonly remedyId: string;
  readonly answer: RemedyAnswer;
  readonly note: string | null;
}

export interface RemedyPaid extends EventBase {
  readonly type: 'remedy-paid';
  readonly remedyId: string;
  readonly amountPence: number;
  readonly paidOn: LocalDate;
}

export interface ComplaintClosed extends EventBase {
  readonly type: 'complaint-closed';
  readonly reason: CloseReason;
  readonly automatic: boolean;
}

export interface ComplaintReopened extends EventBase {
  readonly type: 'complaint-reopened';
  readonly reason: string;
}

export interface ComplaintWithdrawn extends EventBase {
  readonly type: 'complaint-withdrawn';
  readonly reason: string;
}

export interface ComplaintRefused extends EventBase {
  readonly type: 'complaint-refused';
  readonly reason: RefusalReason;
  readonly explanation: string;
  /** Absent in events recorded before notices were kept. */
  readonly notice?: ResidentNotice;
  readonly discretionConsidered?: string | null;
}

export interface PointAdded extends EventBase {
  readonly type: 'point-added';
  readonly stage: StageNumber;
  readonly point: string;
}

export interface ComplainantAdded extends EventBase {
  readonly type: 'complainant-added';
  readonly complainant: Complainant;
}

export interface ContractorRecorded extends EventBase {
  readonly type: 'contractor-recorded';
  readonly contractor: Contractor;
}

export interface MergedInto extends EventBase {
  readonly type: 'merged-into';
  readonly intoComplaintId: string;
  readonly intoReference: string;
}

export interface DuplicateAbsorbed extends EventBase {
  readonly type: 'duplicate-absorbed';
  readonly duplicateId: string;
  readonly duplicateReference: string;
}

export interface ReferredToOmbudsman extends EventBase {
  readonly type: 'referred-to-ombudsman';
  readonly reference: string;
  /** Absent in events recorded before the LGSCO could be named: the Housing Ombudsman. */
  readonly ombudsman?: Ombudsman;
}

export interface DeterminationRecorded extends EventBase {
  readonly type: 'determination-recorded';
  readonly reference: string;
  readonly determinedOn: LocalDate;
  readonly findings: readonly DeterminationFinding[];
  readonly summary: string;
  readonly orders: readonly OmbudsmanOrderInput[];
}

export interface OrderComplied extends EventBase {
  readonly type: 'order-complied';
  readonly reference: string;
  readonly orderId: string;
  readonly compliedOn: LocalDate;
  readonly note: string | null;
}

export interface SatisfactionRecorded extends EventBase {
  readonly type: 'satisfaction-recorded';
  /** How satisfied the resident was with the handling of the complaint, 0-10. */
  readonly score: number;
  readonly comment: string | null;
}

export interface LessonRecorded extends EventBase {
  readonly type: 'lesson-recorded';
  readonly lesson: string;
}

export interface Stage2ReviewersRecorded extends EventBase {
  readonly type: 'stage-2-reviewers-recorded';
  readonly reviewers: readonly RecordedReviewer[];
}

export type ComplaintEvent =
  | ComplaintLogged
  | ComplaintAssigned
  | ComplaintAcknowledged
  | ResponseDeadlineExtended
  | ComplaintResponded
  | EscalationRequested
  | EscalationRefused
  | ActionAgreed
  | ActionCompleted
  | ActionUpdateGiven
  | RemedyAnswered
  | RemedyPaid
  | ComplaintClosed
  | ComplaintReopened
  | ComplaintWithdrawn
  | ComplaintRefused
  | PointAdded
  | ComplainantAdded
  | ContractorRecorded
  | MergedInto
  | DuplicateAbsorbed
  | ReferredToOmbudsman
  | DeterminationRecorded
  | OrderComplied
  | SatisfactionRecorded
  | LessonRecorded
  | Stage2ReviewersRecorded;

export type ComplaintEventType = ComplaintEvent['type'];
