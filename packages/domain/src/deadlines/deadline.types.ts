import type { LocalDate, NonWorkingDay } from '../calendar/calendar.types.js';
import type { Instant, StageNumber } from '../complaints/complaint.types.js';

export type DeadlineKind = 'acknowledge' | 'respond';

export type DeadlineState = 'pending' | 'due-soon' | 'due-today' | 'overdue' | 'met' | 'missed';

/** Why a deadline falls where it does, for a handler, an auditor or the Ombudsman. */
export interface DeadlineExplanation {
  /** "10 working days after acknowledgement" */
  readonly rule: string;
  /** The local date counting starts after. */
  readonly from: LocalDate;
  /** What `from` is: "receipt", "acknowledgement", "acknowledgement due date (provisional)" ... */
  readonly fromLabel: string;
  readonly workingDays: number;
  readonly extensions: readonly { readonly workingDays: number; readonly reason: string }[];
  /** Non-working days skipped between `from` and the due date. */
  readonly skipped: readonly NonWorkingDay[];
  /** One sentence: "Stage 1 response due …, 10 working days after acknowledgement on …: skips …" */
  readonly text: string;
}

export interface Deadline {
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly dueOn: LocalDate;
  /** True while the date counts from an expected event that has not happened yet. */
  readonly provisional: boolean;
  /** When the step was done, if it has been. */
  readonly metAt: Instant | null;
  readonly metOn: LocalDate | null;
  /**
   * When the case ended (withdrawn, refused, merged) with this step undone and already late:
   * the deadline stays, as missed. Null otherwise.
   */
  readonly stoppedAt: Instant | null;
  /** Working days added by extensions. */
  readonly extendedBy: number;
  readonly explanation: DeadlineExplanation;
}

/** A deadline's state at an instant. */
export interface DeadlineStatus {
  readonly state: DeadlineState;
  /** Working days from today to the due date (0 on the day, negative when overdue); null once done. */
  readonly workingDaysLeft: number | null;
}
