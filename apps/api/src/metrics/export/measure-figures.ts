import {
  DETERMINATION_FINDING_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
} from '@redress/domain';
import { enumNameOf } from '../../scalars/graphql-enum.js';
import { MEASURE_LABELS, MEASURE_NAMES, type MeasureName } from '../measure-names.type.js';
import type { FigureRow, MeasuresReport, TsmReport } from '../measures.types.js';

// Every figure of a year as one row each, for the CSV file of all figures: the breakdown's
// measures with their counts, TP09, and the Code's other measures. Read from the same reports
// the GraphQL queries answer, so the file and the screens agree.

type Counts = Pick<FigureRow, 'numerator' | 'denominator' | 'value'>;

function measureCounts(name: MeasureName, tsm: TsmReport, report: MeasuresReport): Counts {
  const [ack1, ack2] = report.acknowledgedOnTime;
  const rate = (
    r: { numerator: number; denominator: number; percentage: number | null } | undefined,
  ) => (r ? { numerator: r.numerator, denominator: r.denominator, value: r.percentage } : empty);
  const empty = { numerator: null, denominator: null, value: null };
  switch (name) {
    case 'ch01-stage1':
      return { numerator: tsm.stage1Received, denominator: tsm.homes, value: tsm.ch01Stage1 };
    case 'ch01-stage2':
      return { numerator: tsm.stage2Received, denominator: tsm.homes, value: tsm.ch01Stage2 };
    case 'ch02-stage1':
      return {
        numerator: tsm.stage1RespondedOnTime,
        denominator: tsm.stage1Responded,
        value: tsm.ch02Stage1,
      };
    case 'ch02-stage2':
      return {
        numerator: tsm.stage2RespondedOnTime,
        denominator: tsm.stage2Responded,
        value: tsm.ch02Stage2,
      };
    case 'ch02-stage1-without-extensions':
      return {
        numerator: tsm.stage1RespondedOnTimeWithoutExtensions,
        denominator: tsm.stage1Responded,
        value: tsm.ch02Stage1WithoutExtensions,
      };
    case 'ch02-stage2-without-extensions':
      return {
        numerator: tsm.stage2RespondedOnTimeWithoutExtensions,
        denominator: tsm.stage2Responded,
        value: tsm.ch02Stage2WithoutExtensions,
      };
    case 'acknowledged-on-time-stage1':
      return rate(ack1);
    case 'acknowledged-on-time-stage2':
      return rate(ack2);
    case 'actions-on-time':
      return rate(report.actionsOnTime);
    case 'escalation-rate':
      return rate(report.escalationRate);
  }
}

/** The rows of the all-figures file, in a fixed order. */
export function figureRows(tsm: TsmReport, report: MeasuresReport): FigureRow[] {
  const single = (figure: string, description: string, value: number | null): FigureRow => ({
    figure,
    description,
    numerator: null,
    denominator: null,
    value,
  });
  const rows: FigureRow[] = MEASURE_NAMES.map((name) => ({
    figure: enumNameOf(name),
    description: MEASURE_LABELS[name],
    ...measureCounts(name, tsm, report),
  }));
  rows.push({
    figure: 'TP09',
    description: 'TP09 satisfied with the approach to complaints handling (%)',
    numerator: tsm.surveySatisfied,
    denominator: tsm.surveyRespondents,
    value: tsm.tp09,
  });
  for (const average of report.averageWorkingDaysToRespond) {
    rows.push({
      figure: `AVERAGE_WORKING_DAYS_TO_RESPOND_STAGE${average.stage}`,
      description: `Stage ${average.stage} responses: working days to respond, on average`,
      numerator: null,
      denominator: average.responses,
      value: average.average,
    });
  }
  const satisfaction = report.transactionalSatisfaction;
  rows.push(
    {
      figure: 'TRANSACTIONAL_SATISFACTION',
      description: 'Transactional satisfaction: average score (0-10)',
      numerator: null,
      denominator: satisfaction.responses,
      value: satisfaction.average,
    },
    single(
      'TRANSACTIONAL_SATISFACTION_TARGET',
      "Transactional satisfaction: the policy's target",
      satisfaction.target,
    ),
    single('OMBUDSMAN_REFERRALS', 'Cases referred to an ombudsman', report.ombudsmanReferrals),
    single(
      'COMPENSATION_OFFERED_PENCE',
      'Compensation offered (pence)',
      report.compensationOfferedPence,
    ),
    single('COMPENSATION_PAID_PENCE', 'Compensation paid (pence)', report.compensationPaidPence),
    single(
      'REPEAT_COMPLAINANTS',
      'Residents with two or more stage 1 complaints',
      report.repeatComplainants,
    ),
  );
  for (const { reason, count } of report.refusalsByReason) {
    rows.push(
      single(`REFUSALS_${enumNameOf(reason)}`, `Refused: ${REFUSAL_REASON_LABELS[reason]}`, count),
    );
  }
  for (const { finding, count } of report.ombudsmanFindings) {
    rows.push(
      single(
        `OMBUDSMAN_FINDINGS_${enumNameOf(finding)}`,
        `Ombudsman's finding: ${DETERMINATION_FINDING_LABELS[finding]}`,
        count,
      ),
    );
  }
  for (const { category, stage, outcome, count } of report.outcomesByCategory) {
    rows.push(
      single(
        `OUTCOMES_STAGE${stage}_${enumNameOf(outcome)}:${category}`,
        `Stage ${stage} responses ${OUTCOME_LABELS[outcome].toLowerCase()}, category ${category}`,
        count,
      ),
    );
  }
  return rows;
}
