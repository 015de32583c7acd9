// The measures' answers as the API gives them (apps/api/schema.graphql): the console shows them
// and works nothing out itself; figures, counts and percentages are the API's and the domain's.

export type TenureFilter = 'LCRA' | 'LCHO' | null;

export type MeasureName =
  | 'CH01_STAGE1'
  | 'CH01_STAGE2'
  | 'CH02_STAGE1'
  | 'CH02_STAGE2'
  | 'CH02_STAGE1_WITHOUT_EXTENSIONS'
  | 'CH02_STAGE2_WITHOUT_EXTENSIONS'
  | 'ACKNOWLEDGED_ON_TIME_STAGE1'
  | 'ACKNOWLEDGED_ON_TIME_STAGE2'
  | 'ACTIONS_ON_TIME'
  | 'ESCALATION_RATE';

export type MeasureDimension = 'MONTH' | 'CATEGORY' | 'TEAM' | 'TENURE';
export type MeasurePart = 'NUMERATOR' | 'DENOMINATOR';

export interface TsmReport {
  year: number;
  tenure: string | null;
  from: string;
  to: string;
  homes: number | null;
  stage1Received: number;
  stage2Received: number;
  stage1Responded: number;
  stage1RespondedOnTime: number;
  stage1RespondedOnTimeWithoutExtensions: number;
  stage2Responded: number;
  stage2RespondedOnTime: number;
  stage2RespondedOnTimeWithoutExtensions: number;
  surveyRespondents: number;
  surveySatisfied: number;
  ch01Stage1: number | null;
  ch01Stage2: number | null;
  ch02Stage1: number | null;
  ch02Stage2: number | null;
  ch02Stage1WithoutExtensions: number | null;
  ch02Stage2WithoutExtensions: number | null;
  tp09: number | null;
}

export interface Rate {
  numerator: number;
  denominator: number;
  percentage: number | null;
}

export interface StageRate extends Rate {
  stage: number;
}

export interface MeasuresReport {
  acknowledgedOnTime: StageRate[];
  actionsOnTime: Rate;
  /** The policy's target for actions on time, as a percentage; null when it sets none. */
  actionsOnTimeTarget: number | null;
  outcomesByCategory: { category: string; stage: number; outcome: string; count: number }[];
  escalationRate: Rate;
  refusalsByReason: { reason: string; count: number }[];
  ombudsmanReferrals: number;
  ombudsmanFindings: { finding: string; count: number }[];
  compensationOfferedPence: number;
  compensationPaidPence: number;
  repeatComplainants: number;
  averageWorkingDaysToRespond: { stage: number; average: number | null; responses: number }[];
  transactionalSatisfaction: { responses: number; average: number | null; target: number | null };
}

export interface MeasureBucket {
  key: string;
  label: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export interface MeasureCase {
  id: string;
  reference: string;
  stage: number;
  tenure: string;
  category: string;
  receivedOn: string | null;
  respondedOn: string | null;
  onTime: boolean | null;
  outcome: string | null;
  teamId: string | null;
  /** For the actions figure, one row per action: its id and due date. */
  actionId: string | null;
  dueOn: string | null;
}

export interface MeasureCasesPage {
  nodes: MeasureCase[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface Homes {
  year: number;
  tenure: string;
  homes: number;
  updatedAt: string;
}

export interface Improvement {
  id: string;
  year: number;
  youSaid: string;
  weDid: string;
  category: string | null;
  complaintReferences: string[];
  recordedAt: string;
}

export interface ImprovementInput {
  year: number;
  youSaid: string;
  weDid: string;
  category?: string | null;
  complaintReferences?: string[] | null;
}

export interface SurveyResponseInput {
  respondent: string;
  tenure: 'LCRA' | 'LCHO' | 'OTHER';
  answeredOn: string;
  complainedInLast12Months: boolean;
  complaintHandling: string | null;
}

export interface SurveyImport {
  recorded: number;
  unchanged: number;
}
