// The windows that follow a response: how long the resident has to ask for stage 2, and when a
// policy lets Redress close a case nobody has come back to (seed 000). `decide` and the API's
// scheduled closing both read these, so the arithmetic lives once.
import { addCalendarDays, localDateOf } from '../calendar/local-date.js';
import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import type { Policy, Window } from '../policies/policy.types.js';
import type { ComplaintState, Instant } from './complaint.types.js';
import { unpaidRemedies } from './remedies.js';

export interface ClosingWindowOptions {
  /** A newer bank-holiday file than the shipped one, if the operator supplied it. */
  readonly holidays?: BankHolidaysData;
}

/**
 * The last day the resident may ask to escalate: stage 1's policy window counted from the local
 * date of the stage 1 response. Null when that policy sets no limit (the Code sets none) or
 * stage 1 has not been answered.
 */
export function escalationWindowEndsOn(
  state: ComplaintState,
  options: ClosingWindowOptions = {},
): LocalDate | null {
  const stage1 = state.stages[0];
  if (!stage1?.respondedAt) return null;
  const window = stage1.policy.escalation.window;
  if (!window) return null;
  return windowEndsOn(stage1.policy, stage1.respondedAt, window, options.holidays);
}

/**
 * The first day on which the case may be closed automatically, or null when it may not be:
 *
 * - at stage 1, answered, under a policy that closes when the escalation window lapses: the day
 *   after the window's last day;
 * - at stage 2, answered, under a policy with a window after the stage 2 response: the day after
 *   that window's last day;
 * - never while agreed actions are open, or compensation offered is neither paid in full nor
 *   declined (Code 7.3), under a policy that closes only once they are done; nor on a case that
 *   is not waiting at a response (still being handled, or already ended), nor on one re-opened
 *   since its response (the resident came back: a person closes it).
 */
export function autoCloseDueOn(
  state: ComplaintState,
  options: ClosingWindowOptions = {},
): LocalDate | null {
  if (state.status !== 'responded') return null;
  const stage = state.stages[state.stage - 1];
  if (!stage?.respondedAt) return null;
  // Re-opened since its response: someone came back, which is what the window waits for. A
  // person closes it once it is settled; a new response (at stage 2) starts a window again.
  if (reopenedSinceResponse(state, stage.respondedAt)) return null;
  const { closing } = stage.policy;
  if (
    closing.requireActionsComplete &&
    (state.actions.some((a) => a.completedAt === null) || unpaidRemedies(state).length > 0)
  ) {
    return null;
  }

  let lastDay: LocalDate | null;
  if (state.stage === 1) {
    lastDay = closing.autoCloseWhenEscalationWindowLapses
      ? escalationWindowEndsOn(state, options)
      : null;
  } else {
    lastDay = closing.autoCloseAfterStage2
      ? windowEndsOn(
          stage.policy,
          stage.respondedAt,
          closing.autoCloseAfterStage2,
          options.holidays,
        )
      : null;
  }
  // The resident has the whole of the window's last day; closing may start the day after.
  return lastDay === null ? null : addCalendarDays(lastDay, 1);
}

/** Whether the case was re-opened after `respondedAt`, the current stage's response. */
export function reopenedSinceResponse(state: ComplaintState, respondedAt: Instant): boolean {
  const answered = Date.parse(respondedAt);
  return state.reopenings.some((reopening) => Date.parse(reopening.at) > answered);
}

function windowEndsOn(
  policy: Policy,
  from: Instant,
  window: Window,
  holidays: BankHolidaysData | undefined,
): LocalDate {
  const start = localDateOf(from);
  return window.unit === 'working-days'
    ? calendarForPolicy(policy, holidays).addWorkingDays(start, window.length)
    : addCalendarDays(start, window.length);
}
