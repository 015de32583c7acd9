import type { LocalDate } from '@redress/domain';
import type { MeasureName } from './measure-names.type.js';

// Every figure as WHERE clauses over the read model's stored columns: the domain decided, when
// each case was written, what it counts as (metrics/case-measures in the domain); this table
// only says which of those answers each figure counts. The TSM report, the measures, the
// breakdowns, the drill-down and the CSV files all read their figures from here, so they
// cannot disagree. `c` is the complaint row, `a` an agreed action's row.

/** The SQL of the year asked about, and of the day asked on (added only where it is used). */
export interface MeasureAt {
  readonly year: string;
  today(): string;
}

/**
 * The year as a parameter, and today's date as one the first time a condition needs it (an
 * undecided acknowledgement or an open action is late from a day the domain stored): a
 * statement sends only the parameters it uses.
 */
export function measureAt(
  param: (value: unknown) => string,
  year: number,
  today: LocalDate,
): MeasureAt {
  const y = `${param(year)}::int`;
  let t: string | undefined;
  return { year: y, today: () => (t ??= `${param(today)}::date`) };
}

/** The rows a figure is counted over. */
export type MeasureSource = 'complaint' | 'action';

export interface MeasureDefinition {
  readonly source: MeasureSource;
  /** The stage the figure is about. */
  readonly stage: 1 | 2;
  /**
   * The rows the figure is counted among in the reporting year whose number is `$year`: the
   * denominator of a rate, and for CH01 the cases counted (its denominator is homes).
   */
  readonly population: (at: MeasureAt) => string;
  /** Which of the population the figure counts (the numerator), or null when all of it. */
  readonly numerator: string | null;
  /** `homes`: a count per 1,000 homes (CH01); `cases`: a percentage of the population. */
  readonly per: 'homes' | 'cases';
  /** The day a row falls on in the year, for a breakdown by month. */
  readonly day: string;
  /** What a drill-down shows of each case, as expressions over the same row. */
  readonly show: {
    readonly stage: string;
    readonly receivedOn: string;
    readonly respondedOn: string;
    readonly onTime: string;
    readonly outcome: string;
  };
}

const STAGE1_SHOW = {
  stage: '1',
  receivedOn: 'c.received_on',
  respondedOn: 'c.stage1_responded_on',
  outcome: 'c.stage1_outcome',
} as const;
const STAGE2_SHOW = {
  stage: '2',
  receivedOn: 'c.stage2_received_on',
  respondedOn: 'c.stage2_responded_on',
  outcome: 'c.stage2_outcome',
} as const;

/** The year's stage 1 complaints received, as CH01 counts them. */
export const stage1Received = (year: string) => `c.stage1_counted AND c.received_year = ${year}`;
const STAGE1_RECEIVED = (at: MeasureAt) => stage1Received(at.year);
const STAGE2_RECEIVED = (at: MeasureAt) =>
  `c.stage2_counted AND c.stage2_received_year = ${at.year}`;
const STAGE1_RESPONDED = (at: MeasureAt) => `c.stage1_responded_year = ${at.year}`;
const STAGE2_RESPONDED = (at: MeasureAt) => `c.stage2_responded_year = ${at.year}`;

export const MEASURES: Readonly<Record<MeasureName, MeasureDefinition>> = {
  'ch01-stage1': {
    source: 'complaint',
    stage: 1,
    population: STAGE1_RECEIVED,
    numerator: null,
    per: 'homes',
    day: 'c.received_on',
    show: { ...STAGE1_SHOW, onTime: 'c.stage1_on_time' },
  },
  'ch01-stage2': {
    source: 'complaint',
    stage: 2,
    population: STAGE2_RECEIVED,
    numerator: null,
    per: 'homes',
    day: 'c.stage2_received_on',
    show: { ...STAGE2_SHOW, onTime: 'c.stage2_on_time' },
  },
  'ch02-stage1': {
    source: 'complaint',
    stage: 1,
    population: STAGE1_RESPONDED,
    numerator: 'c.stage1_on_time',
    per: 'cases',
    day: 'c.stage1_responded_on',
    show: { ...STAGE1_SHOW, onTime: 'c.stage1_on_time' },
  },
  'ch02-stage2': {
    source: 'complaint',
    stage: 2,
    population: STAGE2_RESPONDED,
    numerator: 'c.stage2_on_time',
    per: 'cases',
    day: 'c.stage2_responded_on',
    show: { ...STAGE2_SHOW, onTime: 'c.stage2_on_time' },
  },
  'ch02-stage1-without-extensions': {
    source: 'complaint',
    stage: 1,
    population: STAGE1_RESPONDED,
    numerator: 'c.stage1_on_time_without_extensions',
    per: 'cases',
    day: 'c.stage1_responded_on',
    show: { ...STAGE1_SHOW, onTime: 'c.stage1_on_time_without_extensions' },
  },
  'ch02-stage2-without-extensions': {
    source: 'complaint',
    stage: 2,
    population: STAGE2_RESPONDED,
    numerator: 'c.stage2_on_time_without_extensions',
    per: 'cases',
    day: 'c.stage2_responded_on',
    show: { ...STAGE2_SHOW, onTime: 'c.stage2_on_time_without_extensions' },
  },
  // Of the year's complaints, those whose acknowledgement is decided (made, or missed as the
  // case ended) or, not yet made, late by today (the domain stored the day it turns late).
  'acknowledged-on-time-stage1': {
    source: 'complaint',
    stage: 1,
    population: (at) =>
      `${STAGE1_RECEIVED(at)} AND (c.stage1_ack_on_time IS NOT NULL OR c.stage1_ack_late_from <= ${at.today()})`,
    numerator: 'c.stage1_ack_on_time',
    per: 'cases',
    day: 'c.received_on',
    show: { ...STAGE1_SHOW, onTime: 'c.stage1_ack_on_time' },
  },
  'acknowledged-on-time-stage2': {
    source: 'complaint',
    stage: 2,
    population: (at) =>
      `${STAGE2_RECEIVED(at)} AND (c.stage2_ack_on_time IS NOT NULL OR c.stage2_ack_late_from <= ${at.today()})`,
    numerator: 'c.stage2_ack_on_time',
    per: 'cases',
    day: 'c.stage2_received_on',
    show: { ...STAGE2_SHOW, onTime: 'c.stage2_ack_on_time' },
  },
  // Actions falling due in the year whose timeliness is decided: completed, or still open and
  // late by today (the domain stored the day each turns late).
  'actions-on-time': {
    source: 'action',
    stage: 1,
    population: (at) =>
      `a.due_year = ${at.year} AND (a.on_time IS NOT NULL OR a.late_from <= ${at.today()})`,
    numerator: 'a.on_time',
    per: 'cases',
    day: 'a.due_on',
    show: {
      stage: 'a.stage',
      receivedOn: 'c.received_on',
      respondedOn: 'a.completed_on',
      onTime: 'a.on_time',
      outcome: 'CASE a.stage WHEN 2 THEN c.stage2_outcome ELSE c.stage1_outcome END',
    },
  },
  // The year's stage 1 complaints that went on to stage 2.
  'escalation-rate': {
    source: 'complaint',
    stage: 1,
    population: STAGE1_RECEIVED,
    numerator: 'c.stage2_counted',
    per: 'cases',
    day: 'c.received_on',
    show: { ...STAGE1_SHOW, onTime: 'NULL::boolean' },
  },
};

/** The tables a figure's rows come from, `c` always the complaint. */
export function fromOf(source: MeasureSource): string {
  return source === 'action'
    ? 'complaint_action_measure a JOIN complaint c ON c.id = a.complaint_id'
    : 'complaint c';
}

/** The population and numerator of a figure as one condition (the numerator's rows). */
export function numeratorOf(definition: MeasureDefinition, at: MeasureAt): string {
  const population = definition.population(at);
  return definition.numerator === null ? population : `${population} AND ${definition.numerator}`;
}
