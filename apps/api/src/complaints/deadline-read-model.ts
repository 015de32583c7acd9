// A case's next deadline as its read-model row keeps it, and its state today from the domain.
// The write path stores the deadline (complaint.next_due_*); the state and the working days left
// depend on the day, so they are the domain's deadlineStatusOn, counted in the working-day
// calendar of the stage's policy (the domain's precomputed index: working days left is the
// index of the due date less the index of today). No date rule lives in SQL.
import {
  calendarForPolicy,
  deadlineStatusOn,
  type BankHolidaysData,
  type DeadlineKind,
  type DeadlineStatus,
  type LocalDate,
  type Policy,
  type StageNumber,
} from '@redress/domain';
import type { PolicyRef } from '../policies/policy-version.repository.js';

/** The next deadline of an open case: unmet, not stopped, the earliest due. */
export interface StoredNextDeadline {
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
  /** Working days added by extensions. */
  readonly extendedBy: number;
  /** The policy version its stage counts in: its calendar and its due-soon window. */
  readonly policy: Policy;
}

/** The columns, as NEXT_DEADLINE_COLUMNS selects them. */
export interface NextDeadlineRow {
  next_due_on: LocalDate | null;
  next_due_kind: DeadlineKind | null;
  next_due_stage: StageNumber | null;
  next_due_provisional: boolean | null;
  next_due_extended_by: number | null;
  next_due_policy_id: string | null;
  next_due_policy_version: number | null;
}

/** The next deadline's columns of the complaint table, or of the alias given. */
export function nextDeadlineColumns(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}next_due_on::text AS next_due_on, ${c}next_due_kind, ${c}next_due_stage,
    ${c}next_due_provisional, ${c}next_due_extended_by, ${c}next_due_policy_id,
    ${c}next_due_policy_version`;
}

/** The policy version a row's next deadline needs, if it has one. */
export function nextDeadlinePolicyRef(row: NextDeadlineRow): PolicyRef | null {
  if (row.next_due_on === null) return null;
  if (row.next_due_policy_id === null || row.next_due_policy_version === null) {
    throw new Error(
      `A complaint's next deadline (${row.next_due_on}) is stored without its policy: the read model is incomplete.`,
    );
  }
  return { id: row.next_due_policy_id, version: row.next_due_policy_version };
}

/** The stored next deadline of a row, its policy given by `policyOf` (loaded first). */
export function toStoredNextDeadline(
  row: NextDeadlineRow,
  policyOf: (ref: PolicyRef) => Policy,
): StoredNextDeadline | null {
  const ref = nextDeadlinePolicyRef(row);
  if (ref === null || row.next_due_on === null) return null;
  if (row.next_due_kind === null || row.next_due_stage === null) {
    throw new Error(`A complaint's next deadline (${row.next_due_on}) has no kind or stage.`);
  }
  return {
    stage: row.next_due_stage,
    kind: row.next_due_kind,
    dueOn: row.next_due_on,
    provisional: row.next_due_provisional === true,
    extendedBy: row.next_due_extended_by ?? 0,
    policy: policyOf(ref),
  };
}

/** Its state on `today` (London): the domain's rule, in the stage policy's calendar. */
export function nextDeadlineStatus(
  deadline: StoredNextDeadline,
  today: LocalDate,
  holidays: BankHolidaysData | undefined,
): DeadlineStatus {
  const calendar = calendarForPolicy(deadline.policy, holidays);
  return deadlineStatusOn(
    { dueOn: deadline.dueOn, metAt: null, metOn: null, stoppedAt: null },
    today,
    calendar,
    deadline.policy.warningDays,
  );
}
