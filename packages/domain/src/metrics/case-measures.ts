// What one case counts for in the measures, stage by stage: the domain decides it once per case
// and the API stores the answers as read-model columns, so SQL only filters, groups and counts.
// Every date is a Europe/London date and every year a TSM reporting year (1 April - 31 March).
import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import { addCalendarDays, localDateOf } from '../calendar/local-date.js';
import type {
  ComplaintState,
  DeterminationFinding,
  OmbudsmanReferral,
  StageState,
} from '../complaints/complaint.types.js';
import type { Deadline } from '../deadlines/deadline.types.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import { codeDeadlines, type CodeDeadlines } from './code-timescales.js';
import type { ActionMeasures, CaseMeasures, StageMeasures } from './metrics.types.js';
import { reportingYearOf, reportingYearOfInstant } from './reporting-year.js';
import { residentKeyOf } from './resident-key.js';

export function caseMeasures(
  state: ComplaintState,
  options?: { readonly holidays?: BankHolidaysData },
): CaseMeasures {
  const [stage1, stage2] = state.stages;
  if (!stage1) throw new Error(`Complaint ${state.id} has no stage 1.`);
  const satisfaction = state.satisfaction;
  const refused = state.refusal;
  const [code1, code2] = codeDeadlines(state, options);
  return {
    stage1: stageMeasures(state, stage1, code1, options),
    stage2: stage2 ? stageMeasures(state, stage2, code2, options) : null,
    refusedYear: refused ? reportingYearOfInstant(refused.at) : null,
    withdrawnYear:
      state.status === 'withdrawn' && state.closedAt !== null
        ? reportingYearOfInstant(state.closedAt)
        : null,
    actions: state.actions.map((action): ActionMeasures => {
      const completedOn = action.completedAt === null ? null : localDateOf(action.completedAt);
      return {
        id: action.id,
        stage: action.stage,
        dueOn: action.dueOn,
        dueYear: reportingYearOf(action.dueOn),
        completedOn,
        // On time when done on or before its due date; while open there is no "today" here to
        // call it late by, so it stays null until completed.
        onTime: completedOn === null ? null : completedOn <= action.dueOn,
        lateFrom: completedOn === null ? addCalendarDays(action.dueOn, 1) : null,
      };
    }),
    // Offered: every financial remedy's amount, whatever the resident answered. Paid: every
    // payment recorded against any remedy.
    compensationOfferedPence: state.remedies.reduce(
      (sum, remedy) =>
        remedy.kind === 'financial-compensation' ? sum + (remedy.amountPence ?? 0) : sum,
      0,
    ),
    compensationPaidPence: state.remedies.reduce(
      (sum, remedy) => sum + remedy.payments.reduce((paid, p) => paid + p.amountPence, 0),
      0,
    ),
    ombudsmanReferredYear: latestReferralYear(state.ombudsman),
    ombudsmanFindings: latestFindings(state.ombudsman),
    satisfactionScore: satisfaction ? satisfaction.score : null,
    satisfactionYear: satisfaction ? reportingYearOfInstant(satisfaction.at) : null,
    residentKey: residentKeyOf(state.complainant),
  };
}

function stageMeasures(
  state: ComplaintState,
  stage: StageState,
  code: CodeDeadlines | undefined,
  options: { readonly holidays?: BankHolidaysData } | undefined,
): StageMeasures {
  const receivedOn = localDateOf(stage.startedAt);
  const respondedOn = stage.respondedAt === null ? null : localDateOf(stage.respondedAt);
  const acknowledgedOnTime = onTime(code?.acknowledge);
  const responded = (deadline: Deadline | undefined): boolean | null => {
    if (respondedOn === null) return null;
    const inTime = deadline !== undefined && respondedOn <= deadline.dueOn;
    // CH02 asks for both: acknowledged and responded to within the Code's timescales.
    return inTime && acknowledgedOnTime === true;
  };
  const calendar = calendarForPolicy(stage.policy, options?.holidays);
  return {
    stage: stage.stage,
    receivedOn,
    receivedYear: reportingYearOf(receivedOn),
    counted: isCounted(state, stage),
    acknowledgedOnTime,
    acknowledgeLateFrom: lateFromOf(code?.acknowledge),
    respondedOn,
    respondedYear: respondedOn === null ? null : reportingYearOf(respondedOn),
    respondedOnTime: responded(code?.respond),
    respondedOnTimeWithoutExtensions: responded(code?.respondWithoutExtensions),
    // Working days after the receipt (escalation request) up to and including the response.
    workingDaysToRespond:
      respondedOn === null ? null : calendar.workingDaysBetween(receivedOn, respondedOn),
    outcome: stage.outcome,
  };
}

/**
 * CH01 counts complaints received and accepted into the procedure. Stage 1: not refused under
 * section 2 of the Code (a refusal is a decision not to take it on) and not a duplicate merged
 * into another case (that case answers for both, and counting each would count one complaint
 * twice). A withdrawn complaint counts: it was received and taken on. Stage 2: the case reached
 * stage 2 (an escalation refused under 5.11 never makes a stage 2) and was not merged away.
 */
function isCounted(state: ComplaintState, stage: StageState): boolean {
  if (state.mergedInto !== null) return false;
  return stage.stage === 2 || state.refusal === null;
}

/** The first day an undone, unstopped deadline is late: the day after it falls due. */
function lateFromOf(deadline: Deadline | undefined): LocalDate | null {
  if (deadline === undefined || deadline.metAt !== null || deadline.stoppedAt !== null) return null;
  return addCalendarDays(deadline.dueOn, 1);
}

/** Met by the due date; missed; or null while neither is known (open, or ended before due). */
function onTime(deadline: Deadline | undefined): boolean | null {
  if (deadline === undefined) return null;
  if (deadline.metAt !== null) {
    return (deadline.metOn ?? localDateOf(deadline.metAt)) <= deadline.dueOn;
  }
  return deadline.stoppedAt !== null ? false : null;
}

function latestReferralYear(referrals: readonly OmbudsmanReferral[]): number | null {
  let latest: string | null = null;
  for (const referral of referrals) {
    if (latest === null || Date.parse(referral.referredAt) > Date.parse(latest)) {
      latest = referral.referredAt;
    }
  }
  return latest === null ? null : reportingYearOfInstant(latest);
}

/** The findings of the latest determination (by its date, then when it was recorded). */
function latestFindings(referrals: readonly OmbudsmanReferral[]): readonly DeterminationFinding[] {
  let latest: NonNullable<OmbudsmanReferral['determination']> | null = null;
  for (const { determination } of referrals) {
    if (determination === null) continue;
    if (
      latest === null ||
      determination.determinedOn > latest.determinedOn ||
      (determination.determinedOn === latest.determinedOn &&
        Date.parse(determination.recordedAt) > Date.parse(latest.recordedAt))
    ) {
      latest = determination;
    }
  }
  return latest ? [...latest.findings] : [];
}
