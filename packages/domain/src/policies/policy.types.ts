import type { ClosureDay, Division } from '../calendar/calendar.types.js';
import type { RefusalReason } from '../complaints/complaint.types.js';

/** Where a stage's response clock starts. The Code counts from the acknowledgement (6.3, 6.14). */
export type ResponseClock = 'acknowledgement' | 'receipt';

/** The unit of a window that is not a deadline of ours (escalation, automatic closing). */
export type WindowUnit = 'working-days' | 'calendar-days';

export interface Window {
  readonly length: number;
  readonly unit: WindowUnit;
}

export interface StagePolicy {
  /** Working days from receipt (stage 1) or the escalation request (stage 2) to acknowledge. */
  readonly acknowledgeDays: number;
  /** Working days to respond, counted from `responseClock`. */
  readonly respondDays: number;
  readonly responseClock: ResponseClock;
  /** Working days the response may be extended in all, without an exceptional reason. */
  readonly maxExtensionDays: number;
}

export interface EscalationPolicy {
  /** How long after the stage 1 response the resident may ask to escalate; null: no limit. */
  readonly window: Window | null;
  /**
   * Whether the policy's wording asks the resident for reasons. Redress asks and records "no
   * reasons given" when there are none, and never refuses for it (Code 6.12).
   */
  readonly reasonsRequired: boolean;
  /**
   * The landlord's own grounds for refusing to escalate beyond section 2 of the Code (seed 001:
   * "may be refused if we can show that we've followed policy"), in its words. Flagged as a
   * departure (5.11) and never offered as a reason: Redress refuses only on the Code's grounds.
   */
  readonly refusedWhen?: string | null;
}

export interface ClosingPolicy {
  /** Refuse to close while agreed remedy actions are open (seed 002). */
  readonly requireActionsComplete: boolean;
  /** Close automatically when the escalation window after stage 1 lapses (seed 000). */
  readonly autoCloseWhenEscalationWindowLapses: boolean;
  /** Close automatically this long after the stage 2 response (seed 000: 20 days); null: never. */
  readonly autoCloseAfterStage2: Window | null;
}

/**
 * A landlord's complaint-handling figures. Versioned: a case keeps the version in force when each
 * stage began (the version is copied into the event that starts the stage).
 *
 * The principle: a policy may hold the landlord to more than the Complaint Handling Code
 * (shorter timescales, more contact), never the resident to more than the Code allows. Where a
 * landlord's wording asks more of the resident (reasons to escalate, a time limit for asking,
 * grounds of its own for refusing, an exclusion the Code does not accept, a step before the
 * complaint is logged), the policy keeps the wording, `checkAgainstCode` flags the departure
 * with its clause, and Redress still does what the Code requires: reasons to escalate are asked
 * for, recorded as "no reasons given" when there are none, and never required (6.12); a late
 * escalation is decided by a person, either accepted with the landlord's discretion recorded or
 * refused as a recorded decision with reasons and the Ombudsman's details (5.11, 2.4); the
 * landlord's own grounds for refusing to escalate are never offered (5.11); a third party's
 * service is not offered as a reason to refuse a complaint unless the policy sets it out, and
 * is flagged where it does (1.2). docs/code.md sets this out for each preset.
 */
export interface Policy {
  /** Stable id across versions, e.g. `code-2024` or a landlord's own. */
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
  /** The preset this policy was made from, if any. */
  readonly basedOn: string | null;
  readonly division: Division;
  readonly closures: readonly ClosureDay[];
  /**
   * A step the resident must pass before stage 1 (a "stage 0": triage, a service-request step).
   * The Code allows two stages and no more (5.2–5.4); this records a procedure that has one.
   */
  readonly preliminaryStep: { readonly name: string; readonly workingDays: number } | null;
  /**
   * An attempt to resolve at first contact before a complaint is logged (seeds 000, 003). The
   * Code allows it only if the resident is given the choice to complain whenever they express
   * dissatisfaction (1.3), it is no extra named stage (5.2) and it does not hold up the 5-day
   * acknowledgement (6.2): `optional` says whether the landlord's wording gives that choice.
   * Absent (policies made before it was recorded) or null: none.
   */
  readonly firstContact?: { readonly name: string; readonly optional: boolean } | null;
  /**
   * The reasons for refusing a complaint the policy sets out (Code 2.2). Absent: the Code's
   * own (everything but a third party's service: a contractor acts for the landlord, 1.2).
   */
  readonly refusalReasons?: readonly RefusalReason[];
  /**
   * Where the landlord's text gives no figure and the preset had to read one in: Redress's
   * reading, said as such, so it is never mistaken for the landlord's words.
   */
  readonly readings?: readonly PolicyReading[];
  readonly stage1: StagePolicy;
  readonly stage2: StagePolicy;
  readonly escalation: EscalationPolicy;
  readonly closing: ClosingPolicy;
  /** Whether the stage 2 handler must differ from the stage 1 handler (Code 6.13: yes). */
  readonly independentStage2Handler: boolean;
  /** Whether a response may be sent without a separate acknowledgement first. */
  readonly respondWithoutAcknowledgement: boolean;
  /** Working days before a due date when a deadline counts as due soon. */
  readonly warningDays: number;
  /**
   * The landlord's own targets for the measures. Absent (policies made before targets were
   * kept, and presets whose procedure sets none) or null: none.
   */
  readonly targets?: PolicyTargets | null;
}

/**
 * What the landlord aims for in its own service standard (seed 002: "a minimum score of 6.5 out
 * of 10 on how we handled your complaint", "complete 100% agreed actions on time"): figures the
 * measures are read against, never rules a case is refused by. Null: no target set.
 */
export interface PolicyTargets {
  /** The lowest average transactional satisfaction aimed for, 0 to 10. */
  readonly transactionalSatisfaction: number | null;
  /** The share of agreed actions to be completed on time, as a percentage from 0 to 100. */
  readonly actionsOnTimePercent: number | null;
}

/** A figure a preset reads into a landlord's text that does not state it. */
export interface PolicyReading {
  /** A dotted path to the field read in, e.g. `escalation.window`. */
  readonly field: string;
  /** What the text says, what Redress reads into it and why, for a person to check. */
  readonly text: string;
}

/** A departure of a policy from the Complaint Handling Code. */
export interface CodeDeparture {
  readonly code: DepartureCode;
  /** The Code's clause, e.g. "6.2". */
  readonly clause: string;
  readonly message: string;
}

export type DepartureCode =
  | 'ACKNOWLEDGE_PERIOD_OVER_CODE'
  | 'RESPONSE_PERIOD_OVER_CODE'
  | 'EXTENSION_OVER_CODE_MAXIMUM'
  | 'ESCALATION_REASONS_REQUIRED'
  | 'ESCALATION_TIME_LIMIT'
  | 'MORE_THAN_TWO_STAGES'
  | 'STAGE2_HANDLER_NOT_INDEPENDENT'
  | 'FIRST_CONTACT_STEP'
  | 'ESCALATION_REFUSAL_GROUNDS'
  | 'REFUSAL_REASON_OUTSIDE_CODE';

/** Why a policy was refused as invalid. */
export interface PolicyProblem {
  /** A dotted path to the field, e.g. `stage1.respondDays`. */
  readonly field: string;
  readonly message: string;
}
