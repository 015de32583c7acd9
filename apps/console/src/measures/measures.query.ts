// Every GraphQL operation the measures pages send, as constants so a test validates each one
// against the API's committed schema (measures-queries.test.ts) before a browser sends it.
import { graphqlRequest } from '../shared/graphql-client';
import type {
  Homes,
  Improvement,
  ImprovementInput,
  MeasureBucket,
  MeasureCasesPage,
  MeasureDimension,
  MeasureName,
  MeasurePart,
  MeasuresReport,
  SurveyImport,
  SurveyResponseInput,
  TenureFilter,
  TsmReport,
} from './measures.types';

const RATE = 'numerator denominator percentage';

/** A TsmReport's fields, here and inside the annual report. */
export const TSM_FIELDS = `{
    year tenure from to homes
    stage1Received stage2Received
    stage1Responded stage1RespondedOnTime stage1RespondedOnTimeWithoutExtensions
    stage2Responded stage2RespondedOnTime stage2RespondedOnTimeWithoutExtensions
    surveyRespondents surveySatisfied
    ch01Stage1 ch01Stage2 ch02Stage1 ch02Stage2
    ch02Stage1WithoutExtensions ch02Stage2WithoutExtensions tp09
  }`;

/** A MeasuresReport's fields, here and inside the annual report. */
export const MEASURES_FIELDS = `{
    acknowledgedOnTime { stage ${RATE} }
    actionsOnTime { ${RATE} }
    actionsOnTimeTarget
    outcomesByCategory { category stage outcome count }
    escalationRate { ${RATE} }
    refusalsByReason { reason count }
    ombudsmanReferrals
    ombudsmanFindings { finding count }
    compensationOfferedPence
    compensationPaidPence
    repeatComplainants
    averageWorkingDaysToRespond { stage average responses }
    transactionalSatisfaction { responses average target }
  }`;

export const TSM_REPORT = `query TsmReport($year: Int!, $tenure: Tenure) {
  tsmReport(year: $year, tenure: $tenure) ${TSM_FIELDS}
}`;

export const MEASURES = `query Measures($year: Int!, $filter: MeasuresFilter) {
  measures(year: $year, filter: $filter) ${MEASURES_FIELDS}
}`;

export const MEASURE_BREAKDOWN = `query MeasureBreakdown($year: Int!, $measure: MeasureName!, $by: MeasureDimension!, $filter: MeasuresFilter) {
  measureBreakdown(year: $year, measure: $measure, by: $by, filter: $filter) {
    key label numerator denominator value
  }
}`;

export const MEASURE_CASES = `query MeasureCases($year: Int!, $measure: MeasureName!, $part: MeasurePart!, $filter: MeasuresFilter, $first: Int, $after: String) {
  measureCases(year: $year, measure: $measure, part: $part, filter: $filter, first: $first, after: $after) {
    nodes { id reference stage tenure category receivedOn respondedOn onTime outcome teamId actionId dueOn }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export const HOMES = `query Homes($year: Int) {
  homes(year: $year) { year tenure homes updatedAt }
}`;

export const SET_HOMES = `mutation SetHomes($year: Int!, $tenure: Tenure!, $homes: Int!) {
  setHomes(year: $year, tenure: $tenure, homes: $homes) { year tenure homes updatedAt }
}`;

export const RECORD_SURVEY_RESPONSES = `mutation RecordSurveyResponses($responses: [SurveyResponseInput!]!) {
  recordSurveyResponses(responses: $responses) { recorded unchanged }
}`;

export const IMPROVEMENTS = `query Improvements($year: Int!) {
  improvements(year: $year) { id year youSaid weDid category complaintReferences recordedAt }
}`;

export const RECORD_IMPROVEMENT = `mutation RecordImprovement($input: ImprovementInput!) {
  recordImprovement(input: $input) { id year youSaid weDid category complaintReferences recordedAt }
}`;

/** Every operation above, by name, for the schema test. */
export const MEASURES_OPERATIONS: Readonly<Record<string, string>> = {
  TSM_REPORT,
  MEASURES,
  MEASURE_BREAKDOWN,
  MEASURE_CASES,
  HOMES,
  SET_HOMES,
  RECORD_SURVEY_RESPONSES,
  IMPROVEMENTS,
  RECORD_IMPROVEMENT,
};

const filterOf = (tenure: TenureFilter) => (tenure ? { tenure } : null);

export interface MeasuresOverview {
  tsm: TsmReport;
  measures: MeasuresReport;
}

/** The TSM figures and the other measures of a year, in one round trip each, side by side. */
export async function loadOverview(
  year: number,
  tenure: TenureFilter,
  signal?: AbortSignal,
): Promise<MeasuresOverview> {
  const [tsm, measures] = await Promise.all([
    graphqlRequest<{ tsmReport: TsmReport }>(TSM_REPORT, { year, tenure }, { signal }),
    graphqlRequest<{ measures: MeasuresReport }>(
      MEASURES,
      { year, filter: filterOf(tenure) },
      { signal },
    ),
  ]);
  return { tsm: tsm.tsmReport, measures: measures.measures };
}

export async function loadBreakdown(
  year: number,
  measure: MeasureName,
  by: MeasureDimension,
  tenure: TenureFilter,
  signal?: AbortSignal,
): Promise<MeasureBucket[]> {
  const answer = await graphqlRequest<{ measureBreakdown: MeasureBucket[] }>(
    MEASURE_BREAKDOWN,
    { year, measure, by, filter: filterOf(tenure) },
    { signal },
  );
  return answer.measureBreakdown;
}

export const CASES_PAGE_SIZE = 50;

export async function loadMeasureCases(
  params: {
    year: number;
    measure: MeasureName;
    part: MeasurePart;
    tenure: TenureFilter;
    after?: string | null;
  },
  signal?: AbortSignal,
): Promise<MeasureCasesPage> {
  const answer = await graphqlRequest<{ measureCases: MeasureCasesPage }>(
    MEASURE_CASES,
    {
      year: params.year,
      measure: params.measure,
      part: params.part,
      filter: filterOf(params.tenure),
      first: CASES_PAGE_SIZE,
      after: params.after ?? null,
    },
    { signal },
  );
  return answer.measureCases;
}

export async function loadHomes(year: number, signal?: AbortSignal): Promise<Homes[]> {
  return (await graphqlRequest<{ homes: Homes[] }>(HOMES, { year }, { signal })).homes;
}

export async function saveHomes(year: number, tenure: string, homes: number): Promise<Homes> {
  return (await graphqlRequest<{ setHomes: Homes }>(SET_HOMES, { year, tenure, homes })).setHomes;
}

export async function sendSurveyResponses(
  responses: readonly SurveyResponseInput[],
): Promise<SurveyImport> {
  const answer = await graphqlRequest<{ recordSurveyResponses: SurveyImport }>(
    RECORD_SURVEY_RESPONSES,
    { responses },
  );
  return answer.recordSurveyResponses;
}

export async function loadImprovements(year: number, signal?: AbortSignal): Promise<Improvement[]> {
  return (await graphqlRequest<{ improvements: Improvement[] }>(IMPROVEMENTS, { year }, { signal }))
    .improvements;
}

export async function saveImprovement(input: ImprovementInput): Promise<Improvement> {
  const answer = await graphqlRequest<{ recordImprovement: Improvement }>(RECORD_IMPROVEMENT, {
    input,
  });
  return answer.recordImprovement;
}
