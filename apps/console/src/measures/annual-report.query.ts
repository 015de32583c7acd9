// The annual complaints performance and service improvement report (the Code, section 8), as
// the API assembles it: the page only lays it out.
import { graphqlRequest } from '../shared/graphql-client';
import { MEASURES_FIELDS, TSM_FIELDS } from './measures.query';
import type { MeasuresReport, TsmReport } from './measures.types';

export const ANNUAL_REPORT = `query AnnualReport($year: Int!) {
  annualReport(year: $year) {
    year title from to preparedOn pdfPath actionsOnTimeTarget lessonsNotListed
    tsm ${TSM_FIELDS}
    tsmByTenure ${TSM_FIELDS}
    measures ${MEASURES_FIELDS}
    selfAssessment { policyId version name cases departures { clause code message } }
    lessons { lesson recordedAt category tenure }
    improvements { youSaid weDid category }
  }
}`;

/** Only the actions' target, which the measures page shows beside actions on time. */
export interface AnnualReport {
  year: number;
  /** The title the PDF and the page carry. */
  title: string;
  from: string;
  to: string;
  preparedOn: string;
  /** Where the API serves the PDF (with the same bearer token). */
  pdfPath: string;
  actionsOnTimeTarget: number | null;
  lessonsNotListed: boolean;
  tsm: TsmReport;
  /** The same for LCRA and for LCHO, which the Regulator asks for apart. */
  tsmByTenure: TsmReport[];
  measures: MeasuresReport;
  selfAssessment: {
    policyId: string;
    version: number;
    name: string;
    cases: number;
    departures: { clause: string; code: string; message: string }[];
  }[];
  lessons: { lesson: string; recordedAt: string; category: string; tenure: string }[];
  improvements: { youSaid: string; weDid: string; category: string | null }[];
}

export async function loadAnnualReport(year: number, signal?: AbortSignal): Promise<AnnualReport> {
  return (await graphqlRequest<{ annualReport: AnnualReport }>(ANNUAL_REPORT, { year }, { signal }))
    .annualReport;
}
