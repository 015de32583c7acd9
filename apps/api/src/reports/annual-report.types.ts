import type { CodeDeparture, Instant, LocalDate, Tenure } from '@redress/domain';
import type { ImprovementRecord } from '../metrics/improvement.repository.js';
import type { MeasuresReport, TsmReport } from '../metrics/measures.types.js';

// What the annual complaints performance and service improvement report is made of (the
// Ombudsman's Code, section 8): the figures the measures answer, the policy's self-assessment,
// the lessons learnt and "You said, we did". Plain data: the GraphQL types, the HTML and the
// PDF are each made from this one shape, so they cannot say different things.

/** One policy the year's cases were handled under, held against the Code. */
export interface PolicyAssessment {
  readonly policyId: string;
  readonly version: number;
  readonly name: string;
  /** How many of the cases received in the year it governs. */
  readonly cases: number;
  /** Empty: no departures from the Code. */
  readonly departures: readonly CodeDeparture[];
}

/** A lesson learnt, as the report shows it: what, when and about what, never whose case. */
export interface ReportLesson {
  readonly lesson: string;
  readonly recordedAt: Instant;
  readonly category: string;
  readonly tenure: Tenure;
}

export interface AnnualReport {
  /** The reporting year: 2026 is 1 April 2026 to 31 March 2027. */
  readonly year: number;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The day it was made, in London. */
  readonly preparedOn: LocalDate;
  /** The TSM figures, all tenures. */
  readonly tsm: TsmReport;
  /** The same for each tenure the Regulator asks for apart: LCRA, then LCHO. */
  readonly tsmByTenure: readonly TsmReport[];
  /** The year's other measures, all tenures. */
  readonly measures: MeasuresReport;
  /** The target for agreed actions done on time, from the policy most cases ran under. */
  readonly actionsOnTimeTarget: number | null;
  readonly selfAssessment: readonly PolicyAssessment[];
  readonly lessons: readonly ReportLesson[];
  /** More lessons were recorded in the year than the report lists (MAX_REPORT_LESSONS). */
  readonly lessonsNotListed: boolean;
  /** "You said, we did": the year's entries, in the order they were recorded. */
  readonly improvements: readonly ImprovementRecord[];
}
