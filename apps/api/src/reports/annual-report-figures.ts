import { OUTCOMES, OUTCOME_LABELS, TENURE_LABELS } from '@redress/domain';
import type { MeasuresReport, Rate, TsmReport } from '../metrics/measures.types.js';
import {
  paragraph,
  subheading,
  tableOr,
  type ReportBlock,
  type ReportSection,
} from './report-document.js';
import {
  categoryLabel,
  count,
  decimal,
  percent,
  plural,
  pounds,
  yearLabel,
} from './report-format.js';

// The annual report's figures: the Tenant Satisfaction Measures, in total and by tenure, and the
// year's other measures of how complaints were handled. Numbers as published, words when there
// is nothing to count.

export function figure(value: number | null, format: (n: number) => string): string {
  return value === null ? 'Not available' : format(value);
}

function perThousandBasis(received: number, stage: string, homes: number | null): string {
  const complaints = `${plural(received, `${stage} complaint`)} received`;
  return homes === null
    ? `${complaints}; the number of homes has not been entered for the year`
    : `${complaints}; ${plural(homes, 'home')}`;
}

function onTimeBasis(onTime: number, responded: number, stage: string): string {
  return responded === 0
    ? `No ${stage} complaint was responded to in the year`
    : `${count(onTime)} of ${plural(responded, `${stage} complaint`)} responded to in the year`;
}

interface TsmMeasure {
  readonly label: string;
  readonly value: (tsm: TsmReport) => string;
  readonly basis: (tsm: TsmReport) => string;
}

const TSM_MEASURES: readonly TsmMeasure[] = [
  {
    label: 'CH01 (1): stage 1 complaints received per 1,000 homes',
    value: (tsm) => figure(tsm.ch01Stage1, decimal),
    basis: (tsm) => perThousandBasis(tsm.stage1Received, 'stage 1', tsm.homes),
  },
  {
    label: 'CH01 (2): stage 2 complaints received per 1,000 homes',
    value: (tsm) => figure(tsm.ch01Stage2, decimal),
    basis: (tsm) => perThousandBasis(tsm.stage2Received, 'stage 2', tsm.homes),
  },
  {
    label: "CH02 (1): stage 1 complaints responded to within the Code's timescales",
    value: (tsm) => figure(tsm.ch02Stage1, percent),
    basis: (tsm) => onTimeBasis(tsm.stage1RespondedOnTime, tsm.stage1Responded, 'stage 1'),
  },
  {
    label: 'CH02 (1) counting no extension',
    value: (tsm) => figure(tsm.ch02Stage1WithoutExtensions, percent),
    basis: (tsm) =>
      onTimeBasis(tsm.stage1RespondedOnTimeWithoutExtensions, tsm.stage1Responded, 'stage 1'),
  },
  {
    label: "CH02 (2): stage 2 complaints responded to within the Code's timescales",
    value: (tsm) => figure(tsm.ch02Stage2, percent),
    basis: (tsm) => onTimeBasis(tsm.stage2RespondedOnTime, tsm.stage2Responded, 'stage 2'),
  },
  {
    label: 'CH02 (2) counting no extension',
    value: (tsm) => figure(tsm.ch02Stage2WithoutExtensions, percent),
    basis: (tsm) =>
      onTimeBasis(tsm.stage2RespondedOnTimeWithoutExtensions, tsm.stage2Responded, 'stage 2'),
  },
  {
    label: "TP09: satisfaction with the landlord's approach to complaints handling",
    value: (tsm) => figure(tsm.tp09, percent),
    basis: (tsm) =>
      tsm.surveyRespondents === 0
        ? 'No survey respondent who complained in the last 12 months answered the question'
        : `${count(tsm.surveySatisfied)} of ${plural(tsm.surveyRespondents, 'survey respondent')} who complained in the last 12 months were very or fairly satisfied`,
  },
];

export function tsmSection(tsm: TsmReport, byTenure: readonly TsmReport[]): ReportSection {
  const tenures = byTenure.filter((report) => report.tenure !== null);
  const blocks: ReportBlock[] = [
    paragraph(
      "CH02 counts a complaint as answered on time when both its acknowledgement and its response kept to the Code's timescales; an extension within the Code's limits, explained to the resident, counts as on time. The figures counting no extension are shown beside them.",
    ),
    tableOr(
      'No figures are available.',
      `Tenant Satisfaction Measures on complaints, ${yearLabel(tsm.year)}, all tenures`,
      [
        { heading: 'Measure', weight: 3 },
        { heading: 'Result', numeric: true },
        { heading: 'Based on', weight: 3 },
      ],
      TSM_MEASURES.map((measure) => [measure.label, measure.value(tsm), measure.basis(tsm)]),
    ),
  ];
  if (tenures.length > 0) {
    blocks.push(
      tableOr(
        'No figures are available by tenure.',
        `The same by tenure, as the Regulator asks for them apart (a result is not available where the tenure's homes are not entered or it had nothing to count)`,
        [
          { heading: 'Measure', weight: 3 },
          ...tenures.map((report) => ({
            heading: report.tenure === null ? '' : TENURE_LABELS[report.tenure],
            numeric: true,
            weight: 1.5,
          })),
        ],
        TSM_MEASURES.map((measure) => [
          measure.label,
          ...tenures.map((report) => measure.value(report)),
        ]),
      ),
    );
  }
  return { id: 'tsm', heading: 'Tenant Satisfaction Measures', blocks };
}

function rateText(rate: Rate): string {
  return rate.percentage === null
    ? `${count(rate.numerator)} of ${count(rate.denominator)}`
    : `${count(rate.numerator)} of ${count(rate.denominator)} (${percent(rate.percentage)})`;
}

export function handlingSection(
  measures: MeasuresReport,
  actionsTarget: number | null,
): ReportSection {
  const blocks: ReportBlock[] = [];

  blocks.push(subheading('Acknowledgements on time'));
  blocks.push(
    tableOr(
      'No complaint was due to be acknowledged this year.',
      'Complaints acknowledged within the Code’s timescales, by stage',
      [
        { heading: 'Stage', weight: 2 },
        { heading: 'Acknowledged on time', numeric: true },
        { heading: 'Of', numeric: true },
        { heading: 'Percentage', numeric: true },
      ],
      measures.acknowledgedOnTime
        .filter((rate) => rate.denominator > 0)
        .map((rate) => [
          `Stage ${rate.stage}`,
          count(rate.numerator),
          count(rate.denominator),
          figure(rate.percentage, percent),
        ]),
    ),
  );

  blocks.push(subheading('Agreed actions completed on time'));
  const target =
    actionsTarget === null ? 'No target is set.' : `The target is ${percent(actionsTarget)}.`;
  blocks.push(
    paragraph(
      measures.actionsOnTime.denominator === 0
        ? `No agreed action fell due this year. ${target}`
        : `${rateText(measures.actionsOnTime)} agreed actions due this year were completed on time. ${target}`,
    ),
  );

  blocks.push(subheading('Outcomes by category'));
  blocks.push(outcomesTable(measures));

  blocks.push(subheading('Escalation to stage 2'));
  blocks.push(
    paragraph(
      measures.escalationRate.denominator === 0
        ? 'No stage 1 complaint could be escalated this year.'
        : `${rateText(measures.escalationRate)} stage 1 complaints were escalated to stage 2.`,
    ),
  );

  blocks.push(subheading('Time taken to respond'));
  blocks.push(
    tableOr(
      'No complaint was responded to this year.',
      'Average working days from receipt (or the escalation request) to the response',
      [
        { heading: 'Stage', weight: 2 },
        { heading: 'Responses', numeric: true },
        { heading: 'Average working days', numeric: true },
      ],
      measures.averageWorkingDaysToRespond
        .filter((average) => average.responses > 0)
        .map((average) => [
          `Stage ${average.stage}`,
          count(average.responses),
          figure(average.average, decimal),
        ]),
    ),
  );

  blocks.push(subheading('Satisfaction with how we handled the complaint'));
  const satisfaction = measures.transactionalSatisfaction;
  const satisfactionTarget =
    satisfaction.target === null
      ? 'No target is set.'
      : `The target is an average of at least ${decimal(satisfaction.target)}.`;
  blocks.push(
    paragraph(
      satisfaction.average === null || satisfaction.responses === 0
        ? `No resident scored how we handled their complaint this year. ${satisfactionTarget}`
        : `Residents scored how we handled their complaint ${decimal(satisfaction.average)} out of 10 on average (${plural(satisfaction.responses, 'response')}). ${satisfactionTarget}`,
    ),
  );

  blocks.push(subheading('Compensation'));
  blocks.push(
    paragraph(
      measures.compensationOfferedPence === 0 && measures.compensationPaidPence === 0
        ? 'No compensation was offered or paid this year.'
        : `${pounds(measures.compensationOfferedPence)} was offered and ${pounds(measures.compensationPaidPence)} paid in compensation.`,
    ),
  );

  blocks.push(subheading('Residents who complained more than once'));
  blocks.push(
    paragraph(
      measures.repeatComplainants === 0
        ? 'No resident made more than one stage 1 complaint this year.'
        : `${plural(measures.repeatComplainants, 'resident')} made two or more stage 1 complaints this year.`,
    ),
  );

  return { id: 'handling', heading: 'How we handled complaints', blocks };
}

function outcomesTable(measures: MeasuresReport): ReportBlock {
  const byRow = new Map<string, Map<string, number>>();
  for (const { category, stage, outcome, count: n } of measures.outcomesByCategory) {
    const key = `${category}\u0000${stage}`;
    const row = byRow.get(key) ?? new Map<string, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + n);
    byRow.set(key, row);
  }
  const rows = [...byRow.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, outcomes]) => {
      const [category = '', stage = ''] = key.split('\u0000');
      const counts = OUTCOMES.map((outcome) => outcomes.get(outcome) ?? 0);
      return [
        `${categoryLabel(category)}, stage ${stage}`,
        ...counts.map(count),
        count(counts.reduce((sum, n) => sum + n, 0)),
      ];
    });
  return tableOr(
    'No complaint was answered with an outcome this year.',
    'Outcomes of the complaints responded to, by category and stage',
    [
      { heading: 'Category and stage', weight: 2 },
      ...OUTCOMES.map((outcome) => ({ heading: OUTCOME_LABELS[outcome], numeric: true })),
      { heading: 'Total', numeric: true },
    ],
    rows,
  );
}
