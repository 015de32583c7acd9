import {
  DETERMINATION_FINDING_LABELS,
  REFUSAL_REASON_LABELS,
  TENURE_LABELS,
  localDateOf,
} from '@redress/domain';
import type { MeasuresReport } from '../metrics/measures.types.js';
import { handlingSection, tsmSection } from './annual-report-figures.js';
import type { AnnualReport } from './annual-report.types.js';
import { MAX_REPORT_LESSONS } from './annual-report.repository.js';
import {
  paragraph,
  subheading,
  tableOr,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
} from './report-document.js';
import { categoryLabel, count, longDate, plural, yearLabel } from './report-format.js';

export const ANNUAL_REPORT_TITLE = 'Annual complaints performance and service improvement report';

/**
 * The report as a document: every section the Code's section 8 asks for, in its order, each
 * saying in words when it has nothing to show. No section names a resident or a case.
 */
export function annualReportDocument(report: AnnualReport): ReportDocument {
  const label = yearLabel(report.year);
  const running = report.preparedOn <= report.to;
  return {
    title: ANNUAL_REPORT_TITLE,
    subtitle: `Reporting year ${label}: ${longDate(report.from)} to ${longDate(report.to)}`,
    language: 'en-GB',
    preface: [
      `Prepared on ${longDate(report.preparedOn)}${running ? ', while the year is still running: the figures are to that day' : ''}.`,
      "This report sets out how we handled complaints over the year, as the Housing Ombudsman's Complaint Handling Code asks (section 8), with the Regulator of Social Housing's Tenant Satisfaction Measures on complaints.",
    ],
    sections: [
      tsmSection(report.tsm, report.tsmByTenure),
      handlingSection(report.measures, report.actionsOnTimeTarget),
      selfAssessmentSection(report),
      refusalsSection(report.measures),
      ombudsmanSection(report.measures),
      lessonsSection(report),
      improvementsSection(report),
    ],
  };
}

function selfAssessmentSection(report: AnnualReport): ReportSection {
  const blocks: ReportBlock[] = [
    paragraph(
      "Each policy the year's complaints were handled under, held against the Complaint Handling Code 2024 clause by clause. A stricter figure than the Code's is not a departure.",
    ),
  ];
  if (report.selfAssessment.length === 0) blocks.push(paragraph('No policy is stored.'));
  for (const policy of report.selfAssessment) {
    blocks.push(
      subheading(
        `${policy.name} (${policy.policyId}, version ${policy.version}): ${
          policy.cases === 0
            ? 'the policy new complaints are logged under'
            : `${plural(policy.cases, 'complaint')} received this year`
        }`,
      ),
    );
    blocks.push(
      tableOr(
        'No departures from the Code.',
        `Where ${policy.name} departs from the Code`,
        [{ heading: 'Clause' }, { heading: 'Departure and what we do about it', weight: 6 }],
        policy.departures.map((departure) => [departure.clause, departure.message]),
      ),
    );
  }
  return { id: 'self-assessment', heading: 'Our policy against the Code', blocks };
}

function refusalsSection(measures: MeasuresReport): ReportSection {
  return {
    id: 'refusals',
    heading: 'Complaints we did not accept',
    blocks: [
      tableOr(
        'No complaints were refused this year.',
        'Complaints refused, by reason',
        [
          { heading: 'Reason', weight: 4 },
          { heading: 'Complaints', numeric: true },
        ],
        measures.refusalsByReason
          .filter((refusal) => refusal.count > 0)
          .map((refusal) => [REFUSAL_REASON_LABELS[refusal.reason], count(refusal.count)]),
      ),
    ],
  };
}

function ombudsmanSection(measures: MeasuresReport): ReportSection {
  return {
    id: 'ombudsman',
    heading: 'Referrals to the Ombudsman',
    blocks: [
      paragraph(
        measures.ombudsmanReferrals === 0
          ? 'No complaints were referred to the Ombudsman this year.'
          : `${plural(measures.ombudsmanReferrals, 'complaint was', 'complaints were')} referred to the Ombudsman this year.`,
      ),
      tableOr(
        'No determination was recorded this year.',
        "The Ombudsman's findings in its latest determination of each case",
        [
          { heading: 'Finding', weight: 4 },
          { heading: 'Cases', numeric: true },
        ],
        measures.ombudsmanFindings
          .filter((finding) => finding.count > 0)
          .map((finding) => [DETERMINATION_FINDING_LABELS[finding.finding], count(finding.count)]),
      ),
    ],
  };
}

function lessonsSection(report: AnnualReport): ReportSection {
  const blocks: ReportBlock[] = [
    tableOr(
      'No lessons learnt were recorded this year.',
      'Lessons learnt from complaints, oldest first',
      [
        { heading: 'Recorded' },
        { heading: 'Category and tenure', weight: 2 },
        { heading: 'Lesson', weight: 5 },
      ],
      report.lessons.map((lesson) => [
        longDate(localDateOf(lesson.recordedAt)),
        `${categoryLabel(lesson.category)}, ${TENURE_LABELS[lesson.tenure]}`,
        lesson.lesson,
      ]),
    ),
  ];
  if (report.lessonsNotListed) {
    blocks.push(
      paragraph(
        `More lessons were recorded this year than this report lists: these are the first ${count(MAX_REPORT_LESSONS)}.`,
      ),
    );
  }
  return { id: 'lessons', heading: 'Lessons learnt', blocks };
}

function improvementsSection(report: AnnualReport): ReportSection {
  return {
    id: 'you-said-we-did',
    heading: 'You said, we did',
    blocks: [
      tableOr(
        'No “You said, we did” entries were recorded for this year.',
        'What residents told us and what we changed',
        [
          { heading: 'You said', weight: 3 },
          { heading: 'We did', weight: 3 },
          { heading: 'Category' },
        ],
        report.improvements.map((entry) => [
          entry.youSaid,
          entry.weDid,
          entry.category === null ? '—' : categoryLabel(entry.category),
        ]),
      ),
    ],
  };
}
