import type {
  DeterminationFinding,
  LocalDate,
  Outcome,
  RefusalReason,
  Tenure,
  TsmCounts,
  TsmFigures,
} from '@redress/domain';
import type { MeasureCount } from './measures.repository.js';

// What the measures service answers: plain figures, no resident's personal data anywhere.

/** The TSM complaint and satisfaction figures of a year (and tenure), with their counts. */
export interface TsmReport extends TsmCounts, TsmFigures {
  readonly year: number;
  readonly tenure: Tenure | null;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** A rate: how many of how many, and the percentage (null when there are none). */
export interface Rate extends MeasureCount {
  readonly percentage: number | null;
}

export interface StageRate extends Rate {
  readonly stage: 1 | 2;
}

export interface StageAverage {
  readonly stage: 1 | 2;
  readonly responses: number;
  /** Working days from receipt (or the escalation request) to the response; null with none. */
  readonly average: number | null;
}

export interface SatisfactionSummary {
  readonly responses: number;
  /** The average score, 0-10; null with no responses. */
  readonly average: number | null;
  /** The policy's target for the average, when it has one (seed 002: 6.5). */
  readonly target: number | null;
}

export interface MeasuresReport {
  readonly year: number;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly acknowledgedOnTime: readonly StageRate[];
  readonly actionsOnTime: Rate;
  /** The policy's target for actions on time, a percentage (seed 002: 100); null when none. */
  readonly actionsOnTimeTarget: number | null;
  readonly outcomesByCategory: readonly {
    readonly category: string;
    readonly stage: 1 | 2;
    readonly outcome: Outcome;
    readonly count: number;
  }[];
  readonly escalationRate: Rate;
  readonly refusalsByReason: readonly { readonly reason: RefusalReason; readonly count: number }[];
  readonly ombudsmanReferrals: number;
  readonly ombudsmanFindings: readonly {
    readonly finding: DeterminationFinding;
    readonly count: number;
  }[];
  readonly compensationOfferedPence: number;
  readonly compensationPaidPence: number;
  readonly repeatComplainants: number;
  readonly averageWorkingDaysToRespond: readonly StageAverage[];
  readonly transactionalSatisfaction: SatisfactionSummary;
}

/** One value of a figure's breakdown. */
export interface MeasureBucket {
  readonly key: string;
  readonly label: string;
  readonly numerator: number;
  /** Cases counted among; homes for CH01 (known only by tenure, else null). */
  readonly denominator: number | null;
  readonly value: number | null;
}

/** One figure, as the CSV of every figure lists it. */
export interface FigureRow {
  readonly figure: string;
  readonly description: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}
