import type { LocalDate } from '@redress/domain';
import type { Connection } from '../database/transactions.js';
import { sqlParams } from '../shared/keyset-page.js';
import {
  fromOf,
  measureAt,
  MEASURES,
  stage1Received,
  type MeasureDefinition,
} from './measure-conditions.js';
import type { MeasureDimension, MeasureName } from './measure-names.type.js';
import { filterConditions, type MeasuresFilter } from './measures-filter.js';

// The measures' SQL: filters, groups and counts over the columns the projection stores from
// the domain's answers (measure-conditions.ts). No rule of dates or statuses is written here.

/** A figure's counts: the rows it counts, and those it counts them among. */
export interface MeasureCount {
  readonly numerator: number;
  readonly denominator: number;
}

/** The year's counts that are not a rate of one measure. */
export interface MeasureTotals {
  readonly ombudsmanReferrals: number;
  readonly compensationOfferedPence: number;
  readonly compensationPaidPence: number;
  readonly stage1Responses: number;
  readonly stage1WorkingDays: number;
  readonly stage2Responses: number;
  readonly stage2WorkingDays: number;
  readonly satisfactionResponses: number;
  readonly satisfactionTotal: number;
}

export interface OutcomeCountRow {
  readonly category: string;
  readonly stage: 1 | 2;
  readonly outcome: string;
  readonly count: number;
}

export interface KeyCount {
  readonly key: string;
  readonly count: number;
}

export interface BreakdownRow extends MeasureCount {
  readonly key: string;
  /** The team's name, for a breakdown by team. */
  readonly name: string | null;
}

/** Numbers from SQL: counts come as int, sums as int8 text. */
const num = (value: unknown): number => (value === null ? 0 : Number(value));

export class MeasuresRepository {
  /**
   * `reads`: where reports read from, a replica when one is configured; `today`: the London
   * date the figures are asked on (an open action is late once its stored late_from is past).
   */
  constructor(
    private readonly reads: Connection,
    private readonly today: () => LocalDate,
  ) {}

  /**
   * The numerators and denominators of the figures named, in one statement: one sub-select per
   * population (the year's cases received, or responded to, at a stage), each with a FILTER per
   * figure counted among it. Each population is a reporting year's range of its own index,
   * which carries the answers counted (the migration's INCLUDE), so each is an index-only scan
   * of a fifth of a five-year table rather than one pass over all of it. The actions figure,
   * over its own rows, is counted after, and only when asked for.
   */
  async counts(
    year: number,
    names: readonly MeasureName[],
    filter: MeasuresFilter,
  ): Promise<Readonly<Partial<Record<MeasureName, MeasureCount>>>> {
    const { params, param } = sqlParams();
    const at = measureAt(param, year, this.today());
    const filters = filterConditions(filter, param);
    const complaintNames = names.filter((name) => MEASURES[name].source === 'complaint');
    const populations = new Map<string, { alias: string; columns: string[] }>();
    const placed = new Map<MeasureName, { population: string; numerator: string }>();
    complaintNames.forEach((name, i) => {
      const definition = MEASURES[name];
      const condition = definition.population(at);
      let population = populations.get(condition);
      if (population === undefined) {
        population = { alias: `p${populations.size}`, columns: ['count(*)::int AS d'] };
        populations.set(condition, population);
      }
      population.columns.push(
        `count(*) FILTER (WHERE ${definition.numerator ?? 'true'})::int AS n${i}`,
      );
      placed.set(name, { population: population.alias, numerator: `n${i}` });
    });
    const counts: Partial<Record<MeasureName, MeasureCount>> = {};
    if (populations.size > 0) {
      const selects = [...populations].map(
        ([condition, { alias, columns }]) =>
          `(SELECT ${columns.join(', ')} FROM complaint c
             WHERE ${[condition, ...filters].join(' AND ')}) ${alias}`,
      );
      const outputs = [...placed].flatMap(([, { population, numerator }]) => [
        `${population}.${numerator} AS ${population}_${numerator}`,
      ]);
      const denominators = [...populations.values()].map(({ alias }) => `${alias}.d AS ${alias}_d`);
      const rows = (await this.reads.query(
        `SELECT ${[...denominators, ...outputs].join(', ')} FROM ${selects.join(' CROSS JOIN ')}`,
        params,
      )) as Array<Record<string, number>>;
      const row = rows[0] ?? {};
      for (const [name, { population, numerator }] of placed) {
        counts[name] = {
          numerator: num(row[`${population}_${numerator}`]),
          denominator: num(row[`${population}_d`]),
        };
      }
    }
    if (names.includes('actions-on-time')) {
      counts['actions-on-time'] = await this.count(MEASURES['actions-on-time'], year, filter);
    }
    return counts;
  }

  /** One figure's numerator and denominator. */
  async count(
    definition: MeasureDefinition,
    year: number,
    filter: MeasuresFilter,
  ): Promise<MeasureCount> {
    const { params, param } = sqlParams();
    const at = measureAt(param, year, this.today());
    const where = [definition.population(at), ...filterConditions(filter, param)];
    const numerator = definition.numerator ?? 'true';
    const rows = (await this.reads.query(
      `SELECT count(*) FILTER (WHERE ${numerator})::int AS numerator, count(*)::int AS denominator
         FROM ${fromOf(definition.source)} WHERE ${where.join(' AND ')}`,
      params,
    )) as Array<{ numerator: number; denominator: number }>;
    return { numerator: num(rows[0]?.numerator), denominator: num(rows[0]?.denominator) };
  }

  /** Sums and counts of the year beside the rates, in one statement. */
  async totals(year: number, filter: MeasuresFilter): Promise<MeasureTotals> {
    const { params, param } = sqlParams();
    const at = measureAt(param, year, this.today());
    const y = at.year;
    const received = stage1Received(y);
    const s1 = MEASURES['ch02-stage1'].population(at);
    const s2 = MEASURES['ch02-stage2'].population(at);
    const where = [
      `(${received} OR ${s1} OR ${s2} OR c.ombudsman_referred_year = ${y} OR c.satisfaction_year = ${y})`,
      ...filterConditions(filter, param),
    ];
    const rows = (await this.reads.query(
      `SELECT
         count(*) FILTER (WHERE c.ombudsman_referred_year = ${y})::int AS referrals,
         sum(c.compensation_offered_pence) FILTER (WHERE ${received})::int8 AS offered,
         sum(c.compensation_paid_pence) FILTER (WHERE ${received})::int8 AS paid,
         count(c.stage1_response_working_days) FILTER (WHERE ${s1})::int AS s1_responses,
         sum(c.stage1_response_working_days) FILTER (WHERE ${s1})::int8 AS s1_days,
         count(c.stage2_response_working_days) FILTER (WHERE ${s2})::int AS s2_responses,
         sum(c.stage2_response_working_days) FILTER (WHERE ${s2})::int8 AS s2_days,
         count(c.satisfaction_score) FILTER (WHERE c.satisfaction_year = ${y})::int AS sat_responses,
         sum(c.satisfaction_score) FILTER (WHERE c.satisfaction_year = ${y})::int8 AS sat_total
       FROM complaint c WHERE ${where.join(' AND ')}`,
      params,
    )) as Array<Record<string, unknown>>;
    const row = rows[0] ?? {};
    return {
      ombudsmanReferrals: num(row.referrals),
      compensationOfferedPence: num(row.offered),
      compensationPaidPence: num(row.paid),
      stage1Responses: num(row.s1_responses),
      stage1WorkingDays: num(row.s1_days),
      stage2Responses: num(row.s2_responses),
      stage2WorkingDays: num(row.s2_days),
      satisfactionResponses: num(row.sat_responses),
      satisfactionTotal: num(row.sat_total),
    };
  }

  /** Stage outcomes of the responses sent in the year, by category. */
  async outcomesByCategory(year: number, filter: MeasuresFilter): Promise<OutcomeCountRow[]> {
    const { params, param } = sqlParams();
    const at = measureAt(param, year, this.today());
    const filters = filterConditions(filter, param);
    const stage = (n: 1 | 2) => {
      const where = [MEASURES[n === 1 ? 'ch02-stage1' : 'ch02-stage2'].population(at), ...filters];
      return `SELECT c.category, ${n} AS stage, c.stage${n}_outcome AS outcome, count(*)::int AS count
                FROM complaint c WHERE ${where.join(' AND ')} AND c.stage${n}_outcome IS NOT NULL
               GROUP BY c.category, c.stage${n}_outcome`;
    };
    return (await this.reads.query(
      `${stage(1)} UNION ALL ${stage(2)} ORDER BY category, stage, outcome`,
      params,
    )) as OutcomeCountRow[];
  }

  /** Complaints refused in the year, by the reason given. */
  async refusalsByReason(year: number, filter: MeasuresFilter): Promise<KeyCount[]> {
    const { params, param } = sqlParams();
    const where = [
      `c.refused_year = ${param(year)}::int`,
      'c.refusal_reason IS NOT NULL',
      ...filterConditions(filter, param),
    ];
    return (await this.reads.query(
      `SELECT c.refusal_reason AS key, count(*)::int AS count FROM complaint c
        WHERE ${where.join(' AND ')} GROUP BY c.refusal_reason ORDER BY c.refusal_reason`,
      params,
    )) as KeyCount[];
  }

  /** The findings of the latest determination on the cases referred in the year, by finding. */
  async ombudsmanFindings(year: number, filter: MeasuresFilter): Promise<KeyCount[]> {
    const { params, param } = sqlParams();
    const where = [
      `c.ombudsman_referred_year = ${param(year)}::int`,
      'c.ombudsman_findings IS NOT NULL',
      ...filterConditions(filter, param),
    ];
    return (await this.reads.query(
      `SELECT f.finding AS key, count(*)::int AS count
         FROM complaint c CROSS JOIN LATERAL unnest(string_to_array(c.ombudsman_findings, ',')) AS f(finding)
        WHERE ${where.join(' AND ')} GROUP BY f.finding ORDER BY f.finding`,
      params,
    )) as KeyCount[];
  }

  /** Residents with two or more stage 1 complaints received in the year. */
  async repeatComplainants(year: number, filter: MeasuresFilter): Promise<number> {
    const { params, param } = sqlParams();
    const where = [
      stage1Received(`${param(year)}::int`),
      'c.resident_key IS NOT NULL',
      ...filterConditions(filter, param),
    ];
    const rows = (await this.reads.query(
      `SELECT count(*)::int AS n FROM (
         SELECT c.resident_key FROM complaint c WHERE ${where.join(' AND ')}
          GROUP BY c.resident_key HAVING count(*) >= 2) AS repeat`,
      params,
    )) as Array<{ n: number }>;
    return num(rows[0]?.n);
  }

  /** One figure's counts per value of a dimension (months as YYYY-MM). */
  async breakdown(
    definition: MeasureDefinition,
    year: number,
    by: MeasureDimension,
    filter: MeasuresFilter,
  ): Promise<BreakdownRow[]> {
    const { params, param } = sqlParams();
    const at = measureAt(param, year, this.today());
    const where = [definition.population(at), ...filterConditions(filter, param)];
    const numerator = definition.numerator ?? 'true';
    const key = KEYS[by](definition);
    const team = by === 'team';
    return (await this.reads.query(
      `SELECT ${key} AS key, ${team ? 'min(t.name)' : 'NULL'} AS name,
              count(*) FILTER (WHERE ${numerator})::int AS numerator, count(*)::int AS denominator
         FROM ${fromOf(definition.source)}${team ? ' LEFT JOIN team t ON t.id = c.team_id' : ''}
        WHERE ${where.join(' AND ')}
        GROUP BY ${key} ORDER BY ${key}`,
      params,
    )) as BreakdownRow[];
  }

  /**
   * The policy most of the year's stage 1 complaints were handled under: the one whose targets
   * the year is measured against. Null when the year has none.
   */
  async mainPolicyOf(year: number): Promise<string | null> {
    const rows = (await this.reads.query(
      `SELECT c.policy_id FROM complaint c WHERE ${stage1Received('$1::int')}
        GROUP BY c.policy_id ORDER BY count(*) DESC, c.policy_id LIMIT 1`,
      [year],
    )) as Array<{ policy_id: string }>;
    return rows[0]?.policy_id ?? null;
  }
}

const KEYS: Readonly<Record<MeasureDimension, (definition: MeasureDefinition) => string>> = {
  month: (definition) => `to_char(${definition.day}, 'YYYY-MM')`,
  category: () => 'c.category',
  team: () => "coalesce(c.team_id::text, 'none')",
  tenure: () => 'c.tenure',
};
