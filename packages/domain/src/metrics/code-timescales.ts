// CH02 counts a response as on time by the Complaint Handling Code's timescales, not by the
// landlord's own (TSM Technical Requirements, CH02: "Complaints responded to within Complaint
// Handling Code timescales"). A landlord whose policy is quicker than the Code is not marked late
// for missing its own stricter date; one whose policy is slower is not let off by it.
//
// The dates come from the one due-date rule, deriveDeadlines, run over the case with each stage's
// figures replaced by the Code's (5 working days to acknowledge, 6.2 and 6.11; 10 and 20 to
// respond from the acknowledgement, 6.3 and 6.14) while its calendar stays the landlord's (its
// division and closure days), so no due date is counted a second way. The one count of its own
// checks an extension's notice against the date the extension moved, running the extensions
// before it on from the Code's date as deriveDeadlines runs them.
import type { BankHolidaysData, LocalDate } from '../calendar/calendar.types.js';
import type { ComplaintState, Extension, StageState } from '../complaints/complaint.types.js';
import type { Deadline } from '../deadlines/deadline.types.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import { CODE_2024 } from '../policies/presets.js';

/** A stage's acknowledgement and response deadlines by the Code's timescales. */
export interface CodeDeadlines {
  readonly acknowledge: Deadline | undefined;
  /** The response's due date with the extensions the Code allows counted. */
  readonly respond: Deadline | undefined;
  /** The response's due date with no extension counted. */
  readonly respondWithoutExtensions: Deadline | undefined;
}

type Holidays = { readonly holidays?: BankHolidaysData } | undefined;

/** The Code's deadlines of each stage the case has reached, stage 1 first. */
export function codeDeadlines(state: ComplaintState, options: Holidays): CodeDeadlines[] {
  const without = derive(state, () => [], options);
  const counted = new Map(
    state.stages.map((stage) => [stage.stage, countedExtensions(stage, without, options)]),
  );
  const withCounted = derive(state, (stage) => counted.get(stage.stage) ?? [], options);
  const find = (list: Deadline[], stage: StageState, kind: Deadline['kind']) =>
    list.find((d) => d.stage === stage.stage && d.kind === kind);
  return state.stages.map((stage) => ({
    acknowledge: find(without, stage, 'acknowledge'),
    respond: find(withCounted, stage, 'respond'),
    respondWithoutExtensions: find(without, stage, 'respond'),
  }));
}

/**
 * The extensions the Code lets CH02 count, in the order they were made:
 * - only those the resident was told of (a notice: Code 6.4-6.5, 6.15-6.16 require the reasons
 *   and the new date to be explained to the resident), told on or before the date it moved by
 *   the Code. Extensions recorded before notices were kept carry none: nothing shows the
 *   resident was told, so they are not counted (the measure holds the landlord to what its
 *   record shows);
 * - up to the Code's maximum for the stage in all (10 working days at stage 1, 6.4; 20 at stage
 *   2, 6.15): an extension beyond it counts only as far as the maximum, however good the reason
 *   recorded, as CH02 asks for the Code's timescales and the Code's timescale ends there.
 */
function countedExtensions(
  stage: StageState,
  without: readonly Deadline[],
  options: Holidays,
): Extension[] {
  const unextended = without.find((d) => d.stage === stage.stage && d.kind === 'respond');
  if (unextended === undefined) return [];
  const calendar = calendarForPolicy(stage.policy, options?.holidays);
  const maximum = codeFigures(stage.stage).maxExtensionDays;
  const counted: Extension[] = [];
  let used = 0;
  for (const extension of stage.extensions) {
    if (used >= maximum) break;
    if (extension.notice === null) continue;
    // The date this extension moved: the Code's date run on by the ones counted so far, as
    // deriveDeadlines runs each extension on from the date before it.
    const moved = calendar.addWorkingDays(unextended.dueOn, used);
    if (!toldInTime(extension.notice.toldOn, moved)) continue;
    const workingDays = Math.min(extension.workingDays, maximum - used);
    counted.push({ ...extension, workingDays });
    used += workingDays;
  }
  return counted;
}

function toldInTime(toldOn: LocalDate, dueOn: LocalDate): boolean {
  return toldOn <= dueOn;
}

function codeFigures(stage: 1 | 2) {
  return stage === 1 ? CODE_2024.stage1 : CODE_2024.stage2;
}

/** deriveDeadlines over the case with the Code's figures and the extensions `extensionsOf` gives. */
function derive(
  state: ComplaintState,
  extensionsOf: (stage: StageState) => readonly Extension[],
  options: Holidays,
): Deadline[] {
  const stages = state.stages.map((stage) => ({
    ...stage,
    // The landlord's calendar (division, closures) and its other settings stay; only the
    // timescales become the Code's.
    policy: { ...stage.policy, stage1: CODE_2024.stage1, stage2: CODE_2024.stage2 },
    extensions: extensionsOf(stage),
  }));
  return deriveDeadlines({ ...state, stages }, options);
}
