import type { ClosureDay, Division } from '../calendar/calendar.types.js';

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
  /** Whether the resident is asked to give reasons (the Code says they need not, 6.12). */
  readonly reasonsRequired: boolean;
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
  | 'STAGE2_HANDLER_NOT_INDEPENDENT';

/** Why a policy was refused as invalid. */
export interface PolicyProblem {
  /** A dotted path to the field, e.g. `stage1.respondDays`. */
  readonly field: string;
  readonly message: string;
}
