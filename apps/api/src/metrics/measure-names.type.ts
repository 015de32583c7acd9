import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';

/** A figure that can be broken down and drilled into: CH01, CH02 and the Code's own rates. */
export type MeasureName =
  | 'ch01-stage1'
  | 'ch01-stage2'
  | 'ch02-stage1'
  | 'ch02-stage2'
  | 'ch02-stage1-without-extensions'
  | 'ch02-stage2-without-extensions'
  | 'acknowledged-on-time-stage1'
  | 'acknowledged-on-time-stage2'
  | 'actions-on-time'
  | 'escalation-rate';

/** What each figure is, in the words of the reports and the CSV files. */
export const MEASURE_LABELS: Readonly<Record<MeasureName, string>> = {
  'ch01-stage1': 'CH01 stage 1 complaints received per 1,000 homes',
  'ch01-stage2': 'CH01 stage 2 complaints received per 1,000 homes',
  'ch02-stage1': 'CH02 stage 1 complaints responded to within the Code’s timescales (%)',
  'ch02-stage2': 'CH02 stage 2 complaints responded to within the Code’s timescales (%)',
  'ch02-stage1-without-extensions': 'CH02 stage 1 responded to on time, no extension counted (%)',
  'ch02-stage2-without-extensions': 'CH02 stage 2 responded to on time, no extension counted (%)',
  'acknowledged-on-time-stage1': 'Stage 1 complaints acknowledged on time (%)',
  'acknowledged-on-time-stage2': 'Stage 2 complaints acknowledged on time (%)',
  'actions-on-time': 'Agreed actions completed on time (%)',
  'escalation-rate': 'Stage 1 complaints of the year escalated to stage 2 (%)',
};
export const MEASURE_NAMES = valuesOf(MEASURE_LABELS);

export const MeasureNameEnum = registerDomainEnum(
  MEASURE_NAMES,
  'MeasureName',
  'A figure that can be broken down (measureBreakdown) and drilled into (measureCases).',
  MEASURE_LABELS,
);

/** What a figure can be broken down by. */
export type MeasureDimension = 'month' | 'category' | 'team' | 'tenure';

const DIMENSIONS: Readonly<Record<MeasureDimension, string>> = {
  month: 'The month of the reporting year the case counts in (received, responded or due).',
  category: 'The category of the complaint.',
  team: 'The team holding the case.',
  tenure: 'The tenure of the home.',
};
export const MEASURE_DIMENSIONS = valuesOf(DIMENSIONS);

export const MeasureDimensionEnum = registerDomainEnum(
  MEASURE_DIMENSIONS,
  'MeasureDimension',
  'What a figure is broken down by.',
  DIMENSIONS,
);

/** Which cases of a figure to list: those it counts, or all it counts them among. */
export type MeasurePart = 'numerator' | 'denominator';

const PARTS: Readonly<Record<MeasurePart, string>> = {
  numerator: 'The cases the figure counts (on time, escalated, received).',
  denominator:
    'The cases the figure counts them among (responded, acknowledged, due). CH01 has none: its denominator is homes.',
};
export const MEASURE_PARTS = valuesOf(PARTS);

export const MeasurePartEnum = registerDomainEnum(
  MEASURE_PARTS,
  'MeasurePart',
  'Which cases of a figure to list.',
  PARTS,
);
