// The measures: what each case counts for, and the arithmetic of the figures.
export type * from './metrics.types.js';
export { reportingYearOf, reportingYearOfInstant, reportingYearRange } from './reporting-year.js';
export { percentageOf, perThousand, tsmFigures } from './tsm-figures.js';
export {
  SATISFACTION_ANSWERS,
  SATISFACTION_ANSWER_LABELS,
  isSatisfied,
  surveyCounts,
} from './satisfaction.js';
export { caseMeasures } from './case-measures.js';
export { residentKeyOf } from './resident-key.js';
