// The shapes of the measures: what the domain answers of one case, and the counts and figures
// of the Tenant Satisfaction Measures built from many.
import type { LocalDate } from '../calendar/calendar.types.js';
import type { DeterminationFinding, Outcome } from '../complaints/complaint.types.js';

/** What one stage of one case counts for. */
export interface StageMeasures {
  readonly stage: 1 | 2;
  /** Receipt (stage 1) or the escalation request (stage 2), as a London date. */
  readonly receivedOn: LocalDate;
  readonly receivedYear: number;
  /** Counts as a complaint received at this stage (CH01). */
  readonly counted: boolean;
  /** Null: not acknowledged and not yet late. */
  readonly acknowledgedOnTime: boolean | null;
  /**
   * While the acknowledgement is undecided (not made, the case open): the first day it is late,
   * the day after the Code's due date. A measure asked on a later day counts it as late; null
   * once decided, or when nothing is due (ended before the date).
   */
  readonly acknowledgeLateFrom: LocalDate | null;
  readonly respondedOn: LocalDate | null;
  readonly respondedYear: number | null;
  /**
   * CH02: acknowledged and responded to within the Code's timescales, extensions within the Code
   * counted; null if not responded.
   */
  readonly respondedOnTime: boolean | null;
  /** The same with no extension counted. */
  readonly respondedOnTimeWithoutExtensions: boolean | null;
  /** Working days from receipt (escalation request) to the response; null if not responded. */
  readonly workingDaysToRespond: number | null;
  readonly outcome: Outcome | null;
}

/** One agreed action: when it fell due and whether it was done by then. */
export interface ActionMeasures {
  readonly id: string;
  readonly stage: 1 | 2;
  readonly dueOn: LocalDate;
  readonly dueYear: number;
  readonly completedOn: LocalDate | null;
  /** Null: open (the domain has no "today" here, so an open action is not judged). */
  readonly onTime: boolean | null;
  /**
   * While open: the first day it is late, the day after its due date, so a measure asked on a
   * later day counts it as late without a date rule of its own; null once completed.
   */
  readonly lateFrom: LocalDate | null;
}

export interface CaseMeasures {
  readonly stage1: StageMeasures;
  readonly stage2: StageMeasures | null;
  readonly refusedYear: number | null;
  readonly withdrawnYear: number | null;
  readonly actions: readonly ActionMeasures[];
  readonly compensationOfferedPence: number;
  readonly compensationPaidPence: number;
  readonly ombudsmanReferredYear: number | null;
  /** The findings of the latest determination. */
  readonly ombudsmanFindings: readonly DeterminationFinding[];
  /** Transactional satisfaction, 0 to 10. */
  readonly satisfactionScore: number | null;
  readonly satisfactionYear: number | null;
  /** A normalised identity of the resident, for repeat complainants; stored only as a hash. */
  readonly residentKey: string;
}

/** The counts the TSM complaint measures are built from, for one year (and tenure). */
export interface TsmCounts {
  /** Homes owned for the year (and tenure); null when not entered. */
  readonly homes: number | null;
  readonly stage1Received: number;
  readonly stage2Received: number;
  readonly stage1Responded: number;
  readonly stage1RespondedOnTime: number;
  readonly stage1RespondedOnTimeWithoutExtensions: number;
  readonly stage2Responded: number;
  readonly stage2RespondedOnTime: number;
  readonly stage2RespondedOnTimeWithoutExtensions: number;
  readonly surveyRespondents: number;
  readonly surveySatisfied: number;
}

/** The TSM figures, unrounded; null where there is nothing to divide by. */
export interface TsmFigures {
  /** CH01 part 1: stage 1 complaints received per 1,000 homes. */
  readonly ch01Stage1: number | null;
  /** CH01 part 2: stage 2 complaints received per 1,000 homes. */
  readonly ch01Stage2: number | null;
  /** CH02 part 1: percentage of stage 1 complaints responded to within the Code's timescales. */
  readonly ch02Stage1: number | null;
  readonly ch02Stage2: number | null;
  readonly ch02Stage1WithoutExtensions: number | null;
  readonly ch02Stage2WithoutExtensions: number | null;
  /** TP09: percentage satisfied with the landlord's approach to complaints handling. */
  readonly tp09: number | null;
}

/** The answers to the perception survey's TP09 question, most satisfied first. */
export type SatisfactionAnswer =
  'very-satisfied' | 'fairly-satisfied' | 'neither' | 'fairly-dissatisfied' | 'very-dissatisfied';

/** One perception survey response, as TP09 reads it. */
export interface SurveyAnswer {
  readonly complainedInLast12Months: boolean;
  /** Null: the question was not answered (or "don't know"). */
  readonly complaintHandling: SatisfactionAnswer | null;
}

/** TP09's denominator and numerator. */
export interface SurveyCounts {
  readonly respondents: number;
  readonly satisfied: number;
}
