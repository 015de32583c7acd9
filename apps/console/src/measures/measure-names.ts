// What each figure the API can break down and drill into is called on the page, and what the
// cases behind its two parts are: the figure is the numerator's share of the denominator.
import type { MeasureDimension, MeasureName, MeasurePart } from './measures.types';

export interface MeasureWording {
  /** The figure's name. */
  label: string;
  /** The cases counted in the numerator and in the denominator, as a list's heading says. */
  numerator: string;
  denominator: string;
  /** Whether the figure is a rate (a percentage) or a count per 1,000 homes. */
  kind: 'rate' | 'per-thousand';
}

export const MEASURE_WORDING: Readonly<Record<MeasureName, MeasureWording>> = {
  CH01_STAGE1: {
    label: 'CH01 stage 1 complaints per 1,000 homes',
    numerator: 'Stage 1 complaints received',
    denominator: 'Stage 1 complaints received',
    kind: 'per-thousand',
  },
  CH01_STAGE2: {
    label: 'CH01 stage 2 complaints per 1,000 homes',
    numerator: 'Stage 2 complaints received',
    denominator: 'Stage 2 complaints received',
    kind: 'per-thousand',
  },
  CH02_STAGE1: {
    label: 'CH02 stage 1 responded to within the Code’s timescales',
    numerator: 'Stage 1 complaints responded to on time',
    denominator: 'Stage 1 complaints responded to',
    kind: 'rate',
  },
  CH02_STAGE2: {
    label: 'CH02 stage 2 responded to within the Code’s timescales',
    numerator: 'Stage 2 complaints responded to on time',
    denominator: 'Stage 2 complaints responded to',
    kind: 'rate',
  },
  CH02_STAGE1_WITHOUT_EXTENSIONS: {
    label: 'CH02 stage 1 on time without extensions',
    numerator: 'Stage 1 complaints responded to on time without an extension',
    denominator: 'Stage 1 complaints responded to',
    kind: 'rate',
  },
  CH02_STAGE2_WITHOUT_EXTENSIONS: {
    label: 'CH02 stage 2 on time without extensions',
    numerator: 'Stage 2 complaints responded to on time without an extension',
    denominator: 'Stage 2 complaints responded to',
    kind: 'rate',
  },
  ACKNOWLEDGED_ON_TIME_STAGE1: {
    label: 'Stage 1 acknowledged on time',
    numerator: 'Stage 1 complaints acknowledged on time',
    denominator: 'Stage 1 complaints received',
    kind: 'rate',
  },
  ACKNOWLEDGED_ON_TIME_STAGE2: {
    label: 'Stage 2 acknowledged on time',
    numerator: 'Stage 2 complaints acknowledged on time',
    denominator: 'Stage 2 complaints received',
    kind: 'rate',
  },
  ACTIONS_ON_TIME: {
    label: 'Agreed actions completed on time',
    numerator: 'Agreed actions completed on time',
    denominator: 'Agreed actions due',
    kind: 'rate',
  },
  ESCALATION_RATE: {
    label: 'Escalation rate',
    numerator: 'Complaints escalated to stage 2',
    denominator: 'Stage 1 complaints received',
    kind: 'rate',
  },
};

export const MEASURE_NAMES = Object.keys(MEASURE_WORDING) as MeasureName[];

export const BREAKDOWN_MEASURES: readonly MeasureName[] = MEASURE_NAMES;

export const DIMENSION_LABELS: Readonly<Record<MeasureDimension, string>> = {
  MONTH: 'Month',
  CATEGORY: 'Category',
  TEAM: 'Team',
  TENURE: 'Tenure',
};
export const DIMENSIONS = Object.keys(DIMENSION_LABELS) as MeasureDimension[];

export function isMeasureName(value: string | null): value is MeasureName {
  return value !== null && value in MEASURE_WORDING;
}

export function isMeasurePart(value: string | null): value is MeasurePart {
  return value === 'NUMERATOR' || value === 'DENOMINATOR';
}

/** The drill-down's address for a figure's part. */
export function casesLink(
  year: number,
  measure: MeasureName,
  part: MeasurePart,
  tenure: string | null,
): string {
  const params = new URLSearchParams({ year: String(year), measure, part });
  if (tenure) params.set('tenure', tenure);
  return `/measures/cases?${params}`;
}
