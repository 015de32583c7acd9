// State: the fold of the events (`evolve`).
import type { LocalDate } from '../calendar/calendar.types.js';
import type { Policy } from '../policies/policy.types.js';
import type {
  Actor,
  Channel,
  Complainant,
  ContactMethod,
  Contractor,
  CloseReason,
  ComplaintStatus,
  DeterminationFinding,
  EscalationRefusalReason,
  Instant,
  Ombudsman,
  OmbudsmanOrderKind,
  Outcome,
  RecordedReviewer,
  RefusalReason,
  Remedy,
  RemedyAnswer,
  RemedyKind,
  Representative,
  ResidentNotice,
  StageNumber,
  Tenure,
} from './complaint.types.js';

export interface Extension {
  readonly at: Instant;
  readonly workingDays: number;
  readonly reason: string;
  readonly exceptionalReason: string | null;
  /** Null for extensions recorded before notices were kept. */
  readonly notice: ResidentNotice | null;
  /** The due date it moved, and the one it set; null for extensions recorded before. */
  readonly fromDueOn: LocalDate | null;
  readonly toDueOn: LocalDate | null;
}

export interface StageState {
  readonly stage: StageNumber;
  readonly policy: Policy;
  /** Receipt (stage 1) or the escalation request (stage 2). */
  readonly startedAt: Instant;
  readonly handler: string | null;
  /** The handler as a user, when the assignment named one. */
  readonly handlerId: string | null;
  /** Every user the stage has been assigned to, in order: all of them considered it (6.13). */
  readonly assignedUserIds: readonly string[];
  /** The team holding the stage, when one does. */
  readonly teamId: string | null;
  readonly acknowledgedAt: Instant | null;
  /** Who acknowledged the stage. */
  readonly acknowledgedBy: Actor | null;
  /** The complaint definition set out on acknowledgement (Code 5.6). */
  readonly understanding: string | null;
  readonly outcomeSought: string | null;
  readonly clarification: string | null;
  /** Points raised during the investigation, answered in this stage's response (6.8). */
  readonly points: readonly { readonly point: string; readonly at: Instant }[];
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
  /** The remedy this action delivers, by id. */
  readonly remedyId: string | null;
  readonly agreedAt: Instant;
  readonly completedAt: Instant | null;
  readonly note: string | null;
  /** Updates given to the resident while it is outstanding (6.6, 7.3). */
  readonly updates: readonly {
    readonly at: Instant;
    readonly update: string;
    readonly method: ContactMethod;
  }[];
}

/** A remedy offered in a response, followed through (Code 7.3). */
export interface RemedyState {
  readonly id: string;
  readonly stage: StageNumber;
  readonly kind: RemedyKind;
  readonly description: string;
  readonly amountPence: number | null;
  readonly offeredAt: Instant;
  readonly answer: {
    readonly answer: RemedyAnswer;
    readonly at: Instant;
    readonly note: string | null;
  } | null;
  readonly payments: readonly {
    readonly amountPence: number;
    readonly paidOn: LocalDate;
    readonly at: Instant;
  }[];
}

export interface OmbudsmanOrder {
  readonly id: string;
  readonly kind: OmbudsmanOrderKind;
  readonly description: string;
  readonly dueOn: LocalDate;
  readonly compliedOn: LocalDate | null;
  readonly note: string | null;
}

export interface OmbudsmanReferral {
  readonly reference: string;
  readonly ombudsman: Ombudsman;
  readonly referredAt: Instant;
  readonly determination: {
    readonly determinedOn: LocalDate;
    readonly findings: readonly DeterminationFinding[];
    readonly summary: string;
    readonly recordedAt: Instant;
  } | null;
  readonly orders: readonly OmbudsmanOrder[];
}

/** A decision told to the resident with its reasons: a refusal to accept or to escalate. */
export interface RefusalRecord<Reason> {
  readonly reason: Reason;
  readonly explanation: string;
  readonly at: Instant;
  /** Null for refusals recorded before notices were kept. */
  readonly notice: ResidentNotice | null;
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
  /** Further residents making the same complaint. */
  readonly additionalComplainants: readonly Complainant[];
  readonly representative: Representative | null;
  readonly summary: string;
  readonly desiredOutcome: string | null;
  readonly category: string;
  readonly tenure: Tenure;
  readonly serviceRequestId: string | null;
  readonly contractor: Contractor | null;
  readonly stages: readonly StageState[];
  readonly actions: readonly ActionState[];
  readonly remedies: readonly RemedyState[];
  readonly ombudsman: readonly OmbudsmanReferral[];
  readonly lastEventAt: Instant;
  /** When the case ended, however it ended; null while open. */
  readonly closedAt: Instant | null;
  readonly closeReason: CloseReason | null;
  readonly withdrawnReason: string | null;
  readonly refusal:
    (RefusalRecord<RefusalReason> & { readonly discretionConsidered: string | null }) | null;
  /** The latest refusal to take the case to stage 2, if any. */
  readonly escalationRefusal: RefusalRecord<EscalationRefusalReason> | null;
  /** Each time the case was opened again, and why. */
  readonly reopenings: readonly { readonly at: Instant; readonly reason: string }[];
  /** The case this one duplicated, once merged into it. */
  readonly mergedInto: { readonly id: string; readonly reference: string } | null;
  /** Duplicates merged into this case: it answers for their references. */
  readonly duplicates: readonly {
    readonly id: string;
    readonly reference: string;
    readonly at: Instant;
  }[];
  /** The resident's transactional satisfaction with how the complaint was handled (0-10); the
   * latest recorded replaces any earlier one. */
  readonly satisfaction: {
    readonly score: number;
    readonly comment: string | null;
    readonly at: Instant;
  } | null;
  /** Lessons learnt from the case (Code 9), in the order they were recorded. */
  readonly lessons: readonly { readonly lesson: string; readonly at: Instant }[];
  /** Who reviews stage 2 (seed 004), as last recorded; null until recorded. */
  readonly stage2Review: {
    readonly reviewers: readonly RecordedReviewer[];
    readonly at: Instant;
  } | null;
}
