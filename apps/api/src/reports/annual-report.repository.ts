import type { LessonRecorded, Tenure } from '@redress/domain';
import type { Connection } from '../database/transactions.js';

/** The event type a lesson learnt is stored under in the event store. */
const LESSON_RECORDED: LessonRecorded['type'] = 'lesson-recorded';

/** The most lessons one report lists; a year with more lists its first ones and says so. */
export const MAX_REPORT_LESSONS = 1_000;

export interface LessonRow {
  readonly lesson: string;
  readonly occurredAt: Date;
  readonly category: string;
  readonly tenure: Tenure;
}

export interface PolicyCaseCount {
  readonly policyId: string;
  readonly version: number;
  readonly cases: number;
}

/**
 * What the annual report reads that no other part keeps: the lessons learnt, from the event
 * store, and which policies the year's cases ran under. SQL only filters and counts; which
 * reporting year an instant falls in is the domain's to say.
 */
export class AnnualReportRepository {
  constructor(private readonly reads: Connection) {}

  /**
   * Lessons recorded from `from` (inclusive) to `to` (exclusive), oldest first, with the
   * category and tenure of their case and nothing that names the resident; at most `limit`.
   */
  async findLessons(from: Date, to: Date, limit = MAX_REPORT_LESSONS + 1): Promise<LessonRow[]> {
    const rows: Array<{
      lesson: string;
      occurred_at: Date;
      category: string;
      tenure: Tenure;
    }> = await this.reads.query(
      `SELECT e.payload->>'lesson' AS lesson, e.occurred_at, c.category, c.tenure
         FROM complaint_event e
         JOIN complaint c ON c.id = e.complaint_id
        WHERE e.type = '${LESSON_RECORDED}' AND e.occurred_at >= $1 AND e.occurred_at < $2
        ORDER BY e.occurred_at, e.position
        LIMIT $3`,
      // The type is written into the statement, not sent as a parameter, so the planner can
      // see it matches the partial index on lessons (ix_complaint_event_lesson_occurred_at).
      [from, to, limit],
    );
    return rows.map((row) => ({
      lesson: row.lesson,
      occurredAt: new Date(row.occurred_at),
      category: row.category,
      tenure: row.tenure,
    }));
  }

  /**
   * How many of the stage 1 complaints CH01 counts in the year (the read model's year columns)
   * run under each policy version, most first.
   */
  async countCasesByPolicy(year: number): Promise<PolicyCaseCount[]> {
    const rows: Array<{ policy_id: string; policy_version: number; cases: number }> =
      await this.reads.query(
        `SELECT policy_id, policy_version, count(*)::int AS cases
           FROM complaint
          WHERE stage1_counted AND received_year = $1
          GROUP BY policy_id, policy_version
          ORDER BY cases DESC, policy_id, policy_version`,
        [year],
      );
    return rows.map((row) => ({
      policyId: row.policy_id,
      version: Number(row.policy_version),
      cases: Number(row.cases),
    }));
  }
}
