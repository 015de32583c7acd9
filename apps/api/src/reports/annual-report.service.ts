import {
  checkAgainstCode,
  localDateOf,
  reportingYearOfInstant,
  reportingYearRange,
  type Policy,
  type Tenure,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { checkReportingYear } from '../metrics/measure-enums.type.js';
import {
  MAX_REPORT_LESSONS,
  type AnnualReportRepository,
  type PolicyCaseCount,
} from './annual-report.repository.js';
import type { AnnualReport, PolicyAssessment, ReportLesson } from './annual-report.types.js';
import type { ImprovementRecord } from '../metrics/improvement.repository.js';
import type { MeasuresReport, TsmReport } from '../metrics/measures.types.js';

/**
 * What the report takes from the other parts, each asked as the caller (so each checks its own
 * permission and scope): the measures, "You said, we did" and the policies. The composition
 * root adapts the real services to it (annual-report.sources.ts).
 */
export interface AnnualReportSources {
  /** The TSM figures and their counts for the year, of a tenure or (none given) all. */
  tsm(by: Principal, year: number, tenure?: Tenure): Promise<TsmReport>;
  /** The year's other measures, all tenures. */
  measures(by: Principal, year: number): Promise<MeasuresReport>;
  improvements(by: Principal, year: number): Promise<readonly ImprovementRecord[]>;
  /** A policy as it was at a version. */
  policyVersion(id: string, version: number): Promise<Policy | null>;
  /** A policy's current version. */
  currentPolicy(id: string): Promise<Policy | null>;
  /** The policy a case is logged under when none is named. */
  readonly defaultPolicyId: string;
}

/** The tenures whose TSM the Regulator asks for apart (the others count only in the total). */
const TSM_TENURES: readonly Tenure[] = ['lcra', 'lcho'];

/**
 * The annual complaints performance and service improvement report (the Code, section 8): the
 * year's figures, the self-assessment of the policy against the Code, the lessons learnt and
 * "You said, we did", in one answer that the GraphQL query, the HTML and the PDF all show.
 */
export class AnnualReportService {
  constructor(
    private readonly repository: AnnualReportRepository,
    private readonly sources: AnnualReportSources,
    private readonly clock: Clock,
  ) {}

  async report(by: Principal, year: number): Promise<AnnualReport> {
    requirePermission(by, 'measures:read');
    const now = this.clock.now();
    checkReportingYear(year);
    checkYearBegun(year, reportingYearOfInstant(now.toISOString()));
    const { from, to } = reportingYearRange(year);
    const counts = await this.repository.countCasesByPolicy(year);
    const [tsm, tsmByTenure, measures, improvements, selfAssessment, lessons] = await Promise.all([
      this.sources.tsm(by, year),
      Promise.all(TSM_TENURES.map((tenure) => this.sources.tsm(by, year, tenure))),
      this.sources.measures(by, year),
      this.sources.improvements(by, year),
      this.selfAssessment(counts),
      this.lessons(year, from, to),
    ]);
    return {
      year,
      from,
      to,
      preparedOn: localDateOf(now),
      tsm,
      tsmByTenure,
      measures,
      // The measures' own target: one rule for which policy's targets a year is measured by.
      actionsOnTimeTarget: measures.actionsOnTimeTarget,
      selfAssessment,
      lessons: lessons.listed,
      lessonsNotListed: lessons.more,
      improvements,
    };
  }

  /**
   * Each policy the year's cases run under, most cases first, with its departures from the
   * Code; a year without cases assesses the policy new cases are logged under.
   */
  private async selfAssessment(counts: readonly PolicyCaseCount[]): Promise<PolicyAssessment[]> {
    if (counts.length === 0) {
      const policy = await this.sources.currentPolicy(this.sources.defaultPolicyId);
      return policy ? [assessmentOf(policy, 0)] : [];
    }
    const assessed = await Promise.all(
      counts.map(async ({ policyId, version, cases }) => {
        const policy = await this.sources.policyVersion(policyId, version);
        if (!policy) throw new Error(`Policy ${policyId} version ${version} is not stored.`);
        return assessmentOf(policy, cases);
      }),
    );
    return assessed;
  }

  /**
   * The lessons recorded in the year. The statement reads an hour either side of the year's UTC
   * bounds (London is at most an hour ahead); the domain's reporting year keeps those inside.
   */
  private async lessons(
    year: number,
    from: string,
    to: string,
  ): Promise<{ listed: ReportLesson[]; more: boolean }> {
    const hour = 60 * 60 * 1000;
    const start = new Date(Date.parse(`${from}T00:00:00Z`) - hour);
    const end = new Date(Date.parse(`${to}T00:00:00Z`) + 25 * hour);
    const rows = await this.repository.findLessons(start, end, MAX_REPORT_LESSONS + 200);
    const inYear = rows
      .map((row) => ({
        lesson: row.lesson,
        recordedAt: row.occurredAt.toISOString(),
        category: row.category,
        tenure: row.tenure,
      }))
      .filter((lesson) => reportingYearOfInstant(lesson.recordedAt) === year);
    return {
      listed: inYear.slice(0, MAX_REPORT_LESSONS),
      more: inYear.length > MAX_REPORT_LESSONS,
    };
  }
}

function assessmentOf(policy: Policy, cases: number): PolicyAssessment {
  return {
    policyId: policy.id,
    version: policy.version,
    name: policy.name,
    cases,
    departures: checkAgainstCode(policy),
  };
}

function checkYearBegun(year: number, current: number): void {
  if (year > current) {
    throw new BadUserInputError(
      `The reporting year ${year} (1 April ${year} to 31 March ${year + 1}) has not begun: the year now running is ${current}.`,
      'year',
    );
  }
}
