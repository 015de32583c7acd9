import { toImprovementType } from '../metrics/improvement.type.js';
import { toCodeDepartureType } from '../policies/policy.mapper.js';
import { ANNUAL_REPORT_TITLE } from './annual-report.document.js';
import { annualReportPath } from './annual-report.routes.js';
import type { AnnualReportType } from './annual-report.type.js';
import type { AnnualReport } from './annual-report.types.js';

export function toAnnualReportType(report: AnnualReport): AnnualReportType {
  return {
    year: report.year,
    from: report.from,
    to: report.to,
    preparedOn: report.preparedOn,
    title: ANNUAL_REPORT_TITLE,
    tsm: report.tsm,
    tsmByTenure: [...report.tsmByTenure],
    measures: report.measures,
    actionsOnTimeTarget: report.actionsOnTimeTarget,
    selfAssessment: report.selfAssessment.map((policy) => ({
      ...policy,
      departures: policy.departures.map(toCodeDepartureType),
    })),
    lessons: [...report.lessons],
    lessonsNotListed: report.lessonsNotListed,
    improvements: report.improvements.map(toImprovementType),
    pdfPath: annualReportPath(report.year, 'pdf'),
    htmlPath: annualReportPath(report.year, 'html'),
  };
}
