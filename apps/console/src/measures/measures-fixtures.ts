// A year's answers as the API gives them, for the pages' tests: 41 stage 1 responses of which
// 38 on time (35 without extensions), 12,400 + 1,850 homes, 120 of 348 survey respondents
// satisfied.
import type { MeasureBucket, MeasuresReport, TsmReport } from './measures.types';

export const TSM_2026: TsmReport = {
  year: 2026,
  tenure: null,
  from: '2026-04-01',
  to: '2027-03-31',
  homes: 14250,
  stage1Received: 47,
  stage2Received: 6,
  stage1Responded: 41,
  stage1RespondedOnTime: 38,
  stage1RespondedOnTimeWithoutExtensions: 35,
  stage2Responded: 5,
  stage2RespondedOnTime: 4,
  stage2RespondedOnTimeWithoutExtensions: 4,
  surveyRespondents: 348,
  surveySatisfied: 120,
  ch01Stage1: (47 / 14250) * 1000,
  ch01Stage2: (6 / 14250) * 1000,
  ch02Stage1: (38 / 41) * 100,
  ch02Stage2: (4 / 5) * 100,
  ch02Stage1WithoutExtensions: (35 / 41) * 100,
  ch02Stage2WithoutExtensions: (4 / 5) * 100,
  tp09: (120 / 348) * 100,
};

export const EMPTY_TSM: TsmReport = {
  ...TSM_2026,
  year: 2025,
  from: '2025-04-01',
  to: '2026-03-31',
  homes: null,
  stage1Received: 0,
  stage2Received: 0,
  stage1Responded: 0,
  stage1RespondedOnTime: 0,
  stage1RespondedOnTimeWithoutExtensions: 0,
  stage2Responded: 0,
  stage2RespondedOnTime: 0,
  stage2RespondedOnTimeWithoutExtensions: 0,
  surveyRespondents: 0,
  surveySatisfied: 0,
  ch01Stage1: null,
  ch01Stage2: null,
  ch02Stage1: null,
  ch02Stage2: null,
  ch02Stage1WithoutExtensions: null,
  ch02Stage2WithoutExtensions: null,
  tp09: null,
};

export const MEASURES_2026: MeasuresReport = {
  acknowledgedOnTime: [
    { stage: 1, numerator: 45, denominator: 47, percentage: (45 / 47) * 100 },
    { stage: 2, numerator: 6, denominator: 6, percentage: 100 },
  ],
  actionsOnTime: { numerator: 9, denominator: 12, percentage: 75 },
  actionsOnTimeTarget: 100,
  outcomesByCategory: [
    { category: 'repairs', stage: 1, outcome: 'UPHELD', count: 10 },
    { category: 'repairs', stage: 2, outcome: 'UPHELD', count: 2 },
    { category: 'repairs', stage: 1, outcome: 'NOT_UPHELD', count: 4 },
    { category: 'damp-and-mould', stage: 1, outcome: 'PARTLY_UPHELD', count: 7 },
  ],
  escalationRate: { numerator: 6, denominator: 47, percentage: (6 / 47) * 100 },
  refusalsByReason: [{ reason: 'OVER_12_MONTHS_OLD', count: 2 }],
  ombudsmanReferrals: 1,
  ombudsmanFindings: [{ finding: 'MALADMINISTRATION', count: 1 }],
  compensationOfferedPence: 123450,
  compensationPaidPence: 100000,
  repeatComplainants: 3,
  averageWorkingDaysToRespond: [
    { stage: 1, responses: 41, average: 8.24 },
    { stage: 2, responses: 5, average: 16.6 },
  ],
  transactionalSatisfaction: { responses: 20, average: 7.14, target: 6.5 },
};

export const EMPTY_MEASURES: MeasuresReport = {
  acknowledgedOnTime: [
    { stage: 1, numerator: 0, denominator: 0, percentage: null },
    { stage: 2, numerator: 0, denominator: 0, percentage: null },
  ],
  actionsOnTime: { numerator: 0, denominator: 0, percentage: null },
  actionsOnTimeTarget: null,
  outcomesByCategory: [],
  escalationRate: { numerator: 0, denominator: 0, percentage: null },
  refusalsByReason: [],
  ombudsmanReferrals: 0,
  ombudsmanFindings: [],
  compensationOfferedPence: 0,
  compensationPaidPence: 0,
  repeatComplainants: 0,
  averageWorkingDaysToRespond: [
    { stage: 1, responses: 0, average: null },
    { stage: 2, responses: 0, average: null },
  ],
  transactionalSatisfaction: { responses: 0, average: null, target: null },
};

/** April and May of a year, stage 1: 20 of 21, then 18 of 20 on time. */
export function monthsOf(measure: unknown): MeasureBucket[] {
  if (measure === 'CH02_STAGE2') {
    return [
      { key: '2026-04', label: 'Apr 2026', numerator: 1, denominator: 2, value: 50 },
      { key: '2026-05', label: 'May 2026', numerator: 3, denominator: 3, value: 100 },
    ];
  }
  return [
    { key: '2026-04', label: 'Apr 2026', numerator: 20, denominator: 21, value: (20 / 21) * 100 },
    { key: '2026-05', label: 'May 2026', numerator: 18, denominator: 20, value: 90 },
  ];
}
