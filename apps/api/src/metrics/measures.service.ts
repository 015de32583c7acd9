import {
  percentageOf,
  perThousand,
  reportingYearRange,
  surveyCounts,
  tsmFigures,
  type DeterminationFinding,
  type Outcome,
  type Policy,
  type PolicyTargets,
  type RefusalReason,
  type SurveyAnswer,
  type Tenure,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { enumNameOf } from '../scalars/graphql-enum.js';
import { COUNT_BOUND } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import { MEASURES, type MeasureDefinition } from './measure-conditions.js';
import {
  ACTION_ID_PATTERN,
  type MeasureCaseRow,
  type MeasureCasesQuery,
  type MeasureCasesRepository,
} from './measure-cases.repository.js';
import { checkReportingYear } from './measure-enums.type.js';
import type { MeasureDimension, MeasureName, MeasurePart } from './measure-names.type.js';
import type { MeasuresFilter } from './measures-filter.js';
import type { MeasureCount, MeasuresRepository } from './measures.repository.js';
import type { MeasureBucket, MeasuresReport, Rate, TsmReport } from './measures.types.js';
import { bucketKeys, labelOf } from './measure-buckets.js';

export type { MeasuresFilter } from './measures-filter.js';

/** The figures' inputs that are not cases: homes (CH01) and the perception survey (TP09). */
export interface MeasuresInputs {
  /** The homes of the year for the tenure, or of every tenure; null when none are entered. */
  homesFor(year: number, tenure?: Tenure): Promise<number | null>;
  /** The survey's responses answered in the year (for the tenure). */
  surveyRowsFor(year: number, tenure?: Tenure): Promise<Iterable<SurveyAnswer>>;
}

export interface MeasuresServiceDeps {
  readonly measures: MeasuresRepository;
  readonly cases: MeasureCasesRepository;
  readonly inputs: MeasuresInputs;
  /** The current version of a policy, for the targets the year is measured against. */
  readonly policy: (id: string) => Promise<Policy | null>;
  /** The policy cases are logged under when none is named. */
  readonly defaultPolicyId: string;
}

/** The figures the TSM report is worked from: the eight TSM counts' populations only. */
const TSM_MEASURES: readonly MeasureName[] = [
  'ch01-stage1',
  'ch01-stage2',
  'ch02-stage1',
  'ch02-stage2',
  'ch02-stage1-without-extensions',
  'ch02-stage2-without-extensions',
];

/** The rates the measures report answers beside the TSM figures. */
const REPORT_MEASURES: readonly MeasureName[] = [
  'acknowledged-on-time-stage1',
  'acknowledged-on-time-stage2',
  'actions-on-time',
  'escalation-rate',
];

const NONE: MeasureCount = { numerator: 0, denominator: 0 };

/** How many cases a CSV file reads at a time. */
const EXPORT_PAGE = 1_000;

export class MeasuresService {
  constructor(private readonly deps: MeasuresServiceDeps) {}

  /** CH01, CH02 and TP09 for a reporting year, of one tenure or all. */
  async tsmReport(by: Principal, year: number, tenure?: Tenure): Promise<TsmReport> {
    requirePermission(by, 'measures:read');
    checkReportingYear(year);
    const filter: MeasuresFilter = tenure === undefined ? {} : { tenure };
    const [counts, homes, survey] = await Promise.all([
      this.deps.measures.counts(year, TSM_MEASURES, filter),
      this.deps.inputs.homesFor(year, tenure),
      this.deps.inputs.surveyRowsFor(year, tenure),
    ]);
    const { respondents, satisfied } = surveyCounts(survey);
    const count = (name: MeasureName): MeasureCount => counts[name] ?? NONE;
    const tsm = {
      homes,
      stage1Received: count('ch01-stage1').numerator,
      stage2Received: count('ch01-stage2').numerator,
      stage1Responded: count('ch02-stage1').denominator,
      stage1RespondedOnTime: count('ch02-stage1').numerator,
      stage1RespondedOnTimeWithoutExtensions: count('ch02-stage1-without-extensions').numerator,
      stage2Responded: count('ch02-stage2').denominator,
      stage2RespondedOnTime: count('ch02-stage2').numerator,
      stage2RespondedOnTimeWithoutExtensions: count('ch02-stage2-without-extensions').numerator,
      surveyRespondents: respondents,
      surveySatisfied: satisfied,
    };
    return {
      year,
      tenure: tenure ?? null,
      ...reportingYearRange(year),
      ...tsm,
      ...tsmFigures(tsm),
    };
  }

  /** The Code's own measures of the year, for analysts. */
  async measures(by: Principal, year: number, filter: MeasuresFilter): Promise<MeasuresReport> {
    requirePermission(by, 'measures:read');
    checkReportingYear(year);
    const repository = this.deps.measures;
    const [counts, totals, outcomes, refusals, findings, repeat, targets] = await Promise.all([
      repository.counts(year, REPORT_MEASURES, filter),
      repository.totals(year, filter),
      repository.outcomesByCategory(year, filter),
      repository.refusalsByReason(year, filter),
      repository.ombudsmanFindings(year, filter),
      repository.repeatComplainants(year, filter),
      this.targetsOf(year),
    ]);
    const average = (total: number, n: number) => (n > 0 ? total / n : null);
    const count = (name: MeasureName): MeasureCount => counts[name] ?? NONE;
    return {
      year,
      ...reportingYearRange(year),
      acknowledgedOnTime: [
        { stage: 1, ...rateOf(count('acknowledged-on-time-stage1')) },
        { stage: 2, ...rateOf(count('acknowledged-on-time-stage2')) },
      ],
      actionsOnTime: rateOf(count('actions-on-time')),
      actionsOnTimeTarget: targets?.actionsOnTimePercent ?? null,
      outcomesByCategory: outcomes.map((row) => ({ ...row, outcome: row.outcome as Outcome })),
      escalationRate: rateOf(count('escalation-rate')),
      refusalsByReason: refusals.map(({ key, count }) => ({
        reason: key as RefusalReason,
        count,
      })),
      ombudsmanReferrals: totals.ombudsmanReferrals,
      ombudsmanFindings: findings.map(({ key, count }) => ({
        finding: key as DeterminationFinding,
        count,
      })),
      compensationOfferedPence: totals.compensationOfferedPence,
      compensationPaidPence: totals.compensationPaidPence,
      repeatComplainants: repeat,
      averageWorkingDaysToRespond: [
        {
          stage: 1,
          responses: totals.stage1Responses,
          average: average(totals.stage1WorkingDays, totals.stage1Responses),
        },
        {
          stage: 2,
          responses: totals.stage2Responses,
          average: average(totals.stage2WorkingDays, totals.stage2Responses),
        },
      ],
      transactionalSatisfaction: {
        responses: totals.satisfactionResponses,
        average: average(totals.satisfactionTotal, totals.satisfactionResponses),
        target: targets?.transactionalSatisfaction ?? null,
      },
    };
  }

  /** One figure by month, category, team or tenure. */
  async breakdown(
    by: Principal,
    year: number,
    measure: MeasureName,
    dimension: MeasureDimension,
    filter: MeasuresFilter,
  ): Promise<MeasureBucket[]> {
    requirePermission(by, 'measures:read');
    checkReportingYear(year);
    const definition = MEASURES[measure];
    const rows = await this.deps.measures.breakdown(definition, year, dimension, filter);
    const found = new Map(rows.map((row) => [row.key, row]));
    const keys = bucketKeys(
      dimension,
      year,
      filter,
      rows.map((row) => row.key),
    );
    const homes =
      definition.per === 'homes' && dimension !== 'tenure'
        ? await this.deps.inputs.homesFor(year, filter.tenure)
        : null;
    const buckets: MeasureBucket[] = [];
    for (const value of keys) {
      const row = found.get(value);
      const count = { numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 };
      const label = labelOf(dimension, value, row?.name ?? null);
      // A tenure's key is its GraphQL name, as a filter takes it back (LCRA).
      const key = dimension === 'tenure' ? enumNameOf(value) : value;
      if (definition.per === 'cases') {
        buckets.push({
          key,
          label,
          ...count,
          value: percentageOf(count.numerator, count.denominator),
        });
        continue;
      }
      // CH01 per 1,000 homes: a tenure's own homes, or the filter's, so the buckets add up.
      const divisor =
        dimension === 'tenure' ? await this.deps.inputs.homesFor(year, value as Tenure) : homes;
      buckets.push({
        key,
        label,
        numerator: count.numerator,
        denominator: divisor,
        value: perThousand(count.numerator, divisor),
      });
    }
    return buckets;
  }

  /** A page of the cases behind a figure, by reference: no personal data. */
  async cases(
    by: Principal,
    query: { year: number; measure: MeasureName; part: MeasurePart; filter: MeasuresFilter },
    request: PageRequest,
  ): Promise<Page<MeasureCaseRow>> {
    const list = this.casesQuery(by, query);
    return pageOf(request, {
      cursorList: cursorListOf(query),
      idPattern: list.definition.source === 'action' ? ACTION_ID_PATTERN : undefined,
      read: (window) => this.deps.cases.findPage(list, window),
      count: () => this.deps.cases.countUpTo(list, COUNT_BOUND),
    });
  }

  /**
   * Every case behind a figure, read a thousand at a time by keyset, for a CSV file: a year of
   * any size is never held in memory.
   */
  async *eachCase(
    by: Principal,
    query: { year: number; measure: MeasureName; part: MeasurePart; filter: MeasuresFilter },
    pageSize = EXPORT_PAGE,
  ): AsyncGenerator<MeasureCaseRow> {
    const list = this.casesQuery(by, query);
    let after: PageCursor | undefined;
    for (;;) {
      const page = await this.deps.cases.findPage(list, {
        limit: pageSize,
        offset: 0,
        ...(after ? { after } : {}),
      });
      for (const { row } of page) yield row;
      if (page.length < pageSize) return;
      after = page[page.length - 1]?.cursor;
    }
  }

  private casesQuery(
    by: Principal,
    query: { year: number; measure: MeasureName; part: MeasurePart; filter: MeasuresFilter },
  ): MeasureCasesQuery {
    requirePermission(by, 'measures:read');
    checkReportingYear(query.year);
    const definition: MeasureDefinition = MEASURES[query.measure];
    if (definition.per === 'homes' && query.part === 'denominator') {
      throw new BadUserInputError(
        "CH01's denominator is the homes entered for the year, not cases: ask for part NUMERATOR to list the complaints it counts.",
        'part',
      );
    }
    return { definition, part: query.part, year: query.year, filter: query.filter };
  }

  /**
   * The targets the year is measured against: those of the policy most of its complaints were
   * handled under (the default policy in a year without any), at its current version. Null
   * when that policy sets none (the Code sets none; seed 002 sets 6.5 and 100%).
   */
  private async targetsOf(year: number): Promise<PolicyTargets | null> {
    const id = (await this.deps.measures.mainPolicyOf(year)) ?? this.deps.defaultPolicyId;
    const policy = await this.deps.policy(id);
    return policy?.targets ?? null;
  }
}

function rateOf(count: MeasureCount): Rate {
  return { ...count, percentage: percentageOf(count.numerator, count.denominator) };
}

function cursorListOf(query: {
  year: number;
  measure: MeasureName;
  part: MeasurePart;
  filter: MeasuresFilter;
}): string[] {
  const { tenure, category, teamId } = query.filter;
  return [
    'measure-cases',
    query.measure,
    query.part,
    String(query.year),
    tenure ?? '',
    category ?? '',
    teamId ?? '',
  ];
}
