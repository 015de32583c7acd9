import type { LocalDate, SatisfactionAnswer, SurveyAnswer, Tenure } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import {
  countUpTo,
  idsCondition,
  readPage,
  sqlParams,
  type ListSql,
  type PageWindow,
  type Queryable,
  type SortKey,
} from '../shared/keyset-page.js';
import type { OrderDirection } from '../shared/order-direction.js';

/** One perception survey response, as imported. */
export interface SurveyResponseInputRow {
  /** The survey's id for whoever answered (e.g. `R-00123`): never a name. */
  readonly respondent: string;
  readonly tenure: Tenure;
  readonly answeredOn: LocalDate;
  /** The domain's reportingYearOf(answeredOn). */
  readonly reportingYear: number;
  readonly complainedInLast12Months: boolean;
  readonly complaintHandling: SatisfactionAnswer | null;
}

export interface SurveyResponseRecord extends SurveyResponseInputRow {
  readonly id: string;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

/** How many responses of a year gave each answer, as TP09 reads them. */
export interface SurveyAnswerCount extends SurveyAnswer {
  readonly count: number;
}

export interface SurveyResponseFilter {
  readonly year: number;
  readonly ids?: readonly string[];
  readonly tenure?: Tenure;
}

export type SurveyResponseOrderField = 'answeredOn';

export interface SurveyResponseOrder {
  readonly field: SurveyResponseOrderField;
  readonly direction: OrderDirection;
}

export const DEFAULT_SURVEY_RESPONSE_ORDER: SurveyResponseOrder = {
  field: 'answeredOn',
  direction: 'desc',
};

// Indexed in this order, within a year (ix_survey_response_year_answered_on).
const SORT: Readonly<Record<SurveyResponseOrderField, SortKey>> = {
  answeredOn: { expression: 'answered_on', type: 'date', id: 'id', idType: 'uuid' },
};

const COLUMNS = `id, respondent, tenure, answered_on::text AS answered_on, reporting_year,
  complained_in_last_12_months, complaint_handling, recorded_at, recorded_by`;

interface SurveyResponseRow {
  id: string;
  respondent: string;
  tenure: Tenure;
  answered_on: LocalDate;
  reporting_year: number;
  complained_in_last_12_months: boolean;
  complaint_handling: SatisfactionAnswer | null;
  recorded_at: Date;
  recorded_by: string;
}

function listSqlOf(filter: SurveyResponseFilter, order: SurveyResponseOrder): ListSql {
  const { params, param } = sqlParams();
  const where = [`reporting_year = ${param(filter.year)}`];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.tenure !== undefined) where.push(`tenure = ${param(filter.tenure)}`);
  return {
    from: 'survey_response',
    columns: COLUMNS,
    where,
    params,
    sort: SORT[order.field],
    direction: order.direction,
  };
}

export class SurveyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the rows in one statement: new ones inserted, known ones (same respondent and day)
   * updated only where an answer differs. Answers how many it inserted or changed; the rest were
   * stored already as they are. The rows' keys must be distinct.
   */
  async upsert(
    tx: Transaction,
    rows: readonly SurveyResponseInputRow[],
    recordedAt: Date,
    recordedBy: string,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const written: unknown[] = await tx.query(
      `INSERT INTO survey_response
         (id, respondent, tenure, answered_on, reporting_year, complained_in_last_12_months,
          complaint_handling, recorded_at, recorded_by)
       SELECT gen_random_uuid(), r.respondent, r.tenure, r.answered_on, r.reporting_year,
              r.complained, r.handling, $7::timestamptz, $8::text
         FROM unnest($1::text[], $2::text[], $3::date[], $4::int[], $5::boolean[], $6::text[])
              AS r (respondent, tenure, answered_on, reporting_year, complained, handling)
       ON CONFLICT (respondent, answered_on) DO UPDATE SET
         tenure = excluded.tenure,
         complained_in_last_12_months = excluded.complained_in_last_12_months,
         complaint_handling = excluded.complaint_handling,
         recorded_at = excluded.recorded_at,
         recorded_by = excluded.recorded_by
       WHERE (survey_response.tenure, survey_response.complained_in_last_12_months,
              survey_response.complaint_handling)
             IS DISTINCT FROM
             (excluded.tenure, excluded.complained_in_last_12_months, excluded.complaint_handling)
       RETURNING 1`,
      [
        rows.map((row) => row.respondent),
        rows.map((row) => row.tenure),
        rows.map((row) => row.answeredOn),
        rows.map((row) => row.reportingYear),
        rows.map((row) => row.complainedInLast12Months),
        rows.map((row) => row.complaintHandling),
        recordedAt.toISOString(),
        recordedBy,
      ],
    );
    return written.length;
  }

  /** A page of a year's responses in the list's order, each with its position. */
  async findPage(
    filter: SurveyResponseFilter,
    order: SurveyResponseOrder,
    window: PageWindow,
  ): Promise<Array<{ row: SurveyResponseRecord; cursor: PageCursor }>> {
    const read = await readPage<SurveyResponseRow>(
      this.dataSource,
      listSqlOf(filter, order),
      window,
    );
    return read.map(({ row, cursor }) => ({ row: toRecord(row), cursor }));
  }

  async countUpTo(filter: SurveyResponseFilter, bound: number): Promise<BoundedCount> {
    return countUpTo(this.dataSource, listSqlOf(filter, DEFAULT_SURVEY_RESPONSE_ORDER), bound);
  }

  /**
   * TP09's responses of a reporting year (of one tenure, or all when null), counted by whether
   * the respondent complained in the last 12 months and by answer: the domain's surveyCounts
   * decides which count (`surveyAnswersOf` hands it them). `reads` is the connection the figures
   * are read from (a replica's, when there is one).
   */
  async surveyRowsFor(
    reads: Queryable,
    year: number,
    tenure: Tenure | null,
  ): Promise<SurveyAnswerCount[]> {
    const rows = (await reads.query(
      `SELECT complained_in_last_12_months, complaint_handling, count(*)::int AS n
         FROM survey_response
        WHERE reporting_year = $1${tenure === null ? '' : ' AND tenure = $2'}
        GROUP BY complained_in_last_12_months, complaint_handling
        ORDER BY complained_in_last_12_months, complaint_handling`,
      tenure === null ? [year] : [year, tenure],
    )) as Array<{
      complained_in_last_12_months: boolean;
      complaint_handling: SatisfactionAnswer | null;
      n: number;
    }>;
    return rows.map((row) => ({
      complainedInLast12Months: row.complained_in_last_12_months,
      complaintHandling: row.complaint_handling,
      count: row.n,
    }));
  }
}

/** Each counted answer as many times as it was given: what the domain's surveyCounts reads. */
export function* surveyAnswersOf(counts: readonly SurveyAnswerCount[]): Generator<SurveyAnswer> {
  for (const { complainedInLast12Months, complaintHandling, count } of counts) {
    for (let i = 0; i < count; i += 1) yield { complainedInLast12Months, complaintHandling };
  }
}

function toRecord(row: SurveyResponseRow): SurveyResponseRecord {
  return {
    id: row.id,
    respondent: row.respondent,
    tenure: row.tenure,
    answeredOn: row.answered_on,
    reportingYear: row.reporting_year,
    complainedInLast12Months: row.complained_in_last_12_months,
    complaintHandling: row.complaint_handling,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}
