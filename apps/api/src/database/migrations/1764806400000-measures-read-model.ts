import { caseMeasures, replay, type ComplaintEvent } from '@redress/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  ACTION_MEASURE_COLUMNS,
  actionMeasureRowsOf,
  MEASURE_COLUMNS,
  measureColumnsOf,
  type MeasureRow,
} from '../../complaints/measure-columns.js';
import { namesOf, unnestOf } from '../../complaints/read-model-columns.js';

// What each case counts for in the measures, on its read-model row: the domain's caseMeasures
// stored as columns (the reporting year of receipt, of each response, of an escalation; whether
// each stage counts, was acknowledged and answered on time with and without extensions; the
// working days taken; compensation; the Ombudsman; transactional satisfaction; a hash of the
// resident's key), and one row per agreed action in complaint_action_measure. The measures then
// filter, group and count columns, and no date or status rule is written in SQL.
//
// The indexes are those the measures' counts filter by, each a reporting year and then the
// tenure, since TSM figures are reported for a year, LCRA and LCHO apart or together: a year is
// about a tenth of a decade's cases, so each count reads its year's rows from the index instead
// of the table's.
// - (received_year, tenure): CH01 stage 1 (cases received in the year), and every measure of
//   the cases received in a year (acknowledgements, outcomes, escalations, refusals, repeats).
// - (stage1_responded_year, tenure): CH02 stage 1 counts the responses sent in the year, which
//   are not the cases received in it.
// - (stage2_received_year, tenure): CH01 stage 2 counts escalation requests made in the year.
// - (stage2_responded_year, tenure): CH02 stage 2, as for stage 1.
// - complaint_action_measure (due_year): actions on time counts the actions due in the year.
// Each complaint index also carries (INCLUDE) the answers its counts read, so a year's counts
// are index-only scans: at 1,000,000 cases a year is some 200,000 rows, and reading them from
// the table (whose rows hold each case's snapshot) took seconds where the index takes tenths
// (docs/benchmarks.md, "The measures at 1,000,000 complaints").
// - complaint_event (occurred_at) WHERE type = 'lesson-recorded': the annual report's lessons
//   of a year are a handful among millions of events.
export class MeasuresReadModel1764806400000 implements MigrationInterface {
  name = 'MeasuresReadModel1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of MEASURE_COLUMNS_ADDED) {
      await queryRunner.query(`ALTER TABLE "complaint" ADD "${column.name}" ${column.sql}`);
    }
    await queryRunner.query(`
      CREATE TABLE "complaint_action_measure" (
        "complaint_id" uuid NOT NULL,
        "action_id" text NOT NULL,
        "stage" smallint NOT NULL,
        "due_on" date NOT NULL,
        "due_year" integer NOT NULL,
        "completed_on" date,
        "on_time" boolean,
        "late_from" date,
        CONSTRAINT "pk_complaint_action_measure" PRIMARY KEY ("complaint_id", "action_id"),
        CONSTRAINT "fk_complaint_action_measure_complaint" FOREIGN KEY ("complaint_id")
          REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await fillCaseMeasures(queryRunner);
    const unfilled: Array<{ n: number }> = await queryRunner.query(
      `SELECT count(*)::int AS n FROM "complaint" WHERE "received_year" IS NULL`,
    );
    if ((unfilled[0]?.n ?? 0) > 0) {
      throw new Error(
        `${unfilled[0]?.n} complaint rows have no events to replay: the read model cannot be filled.`,
      );
    }
    for (const name of NOT_NULL) {
      await queryRunner.query(`ALTER TABLE "complaint" ALTER COLUMN "${name}" SET NOT NULL`);
    }
    for (const [name, columns, carried] of MEASURE_INDEXES) {
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "complaint" (${quoted(columns)}) INCLUDE (${quoted(carried)})`,
      );
    }
    // Lessons learnt of a year, for the annual report: the few events of that type, by date.
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_event_lesson_occurred_at" ON "complaint_event" ("occurred_at")
        WHERE "type" = 'lesson-recorded'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_action_measure_due_year" ON "complaint_action_measure" ("due_year")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "complaint_action_measure"`);
    await queryRunner.query(`DROP INDEX "ix_complaint_event_lesson_occurred_at"`);
    for (const [name] of MEASURE_INDEXES) await queryRunner.query(`DROP INDEX "${name}"`);
    for (const column of [...MEASURE_COLUMNS_ADDED].reverse()) {
      await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "${column.name}"`);
    }
  }
}

// The columns as this migration adds them, written out: a later change to the projection's
// columns must not change what this migration did.
const MEASURE_COLUMNS_ADDED = [
  { name: 'received_year', sql: 'integer' },
  { name: 'stage1_counted', sql: 'boolean' },
  { name: 'stage1_ack_on_time', sql: 'boolean' },
  { name: 'stage1_ack_late_from', sql: 'date' },
  { name: 'stage1_responded_on', sql: 'date' },
  { name: 'stage1_responded_year', sql: 'integer' },
  { name: 'stage1_on_time', sql: 'boolean' },
  { name: 'stage1_on_time_without_extensions', sql: 'boolean' },
  { name: 'stage1_response_working_days', sql: 'integer' },
  { name: 'stage2_received_on', sql: 'date' },
  { name: 'stage2_received_year', sql: 'integer' },
  { name: 'stage2_counted', sql: 'boolean' },
  { name: 'stage2_ack_on_time', sql: 'boolean' },
  { name: 'stage2_ack_late_from', sql: 'date' },
  { name: 'stage2_responded_on', sql: 'date' },
  { name: 'stage2_responded_year', sql: 'integer' },
  { name: 'stage2_on_time', sql: 'boolean' },
  { name: 'stage2_on_time_without_extensions', sql: 'boolean' },
  { name: 'stage2_response_working_days', sql: 'integer' },
  { name: 'refused_year', sql: 'integer' },
  { name: 'withdrawn_year', sql: 'integer' },
  { name: 'compensation_offered_pence', sql: 'integer' },
  { name: 'compensation_paid_pence', sql: 'integer' },
  { name: 'ombudsman_referred_year', sql: 'integer' },
  { name: 'ombudsman_findings', sql: 'text' },
  { name: 'satisfaction_score', sql: 'smallint' },
  { name: 'satisfaction_year', sql: 'integer' },
  { name: 'resident_key', sql: 'text' },
] as const satisfies readonly { name: keyof MeasureRow; sql: string }[];

/** Every case has these, filled before they are required. */
const NOT_NULL = [
  'received_year',
  'stage1_counted',
  'compensation_offered_pence',
  'compensation_paid_pence',
  'resident_key',
] as const;

/** Each index: its name, the columns it orders by, and the answers it carries (INCLUDE). */
export const MEASURE_INDEXES: ReadonlyArray<
  readonly [string, readonly string[], readonly string[]]
> = [
  [
    'ix_complaint_received_year_tenure',
    ['received_year', 'tenure'],
    ['stage1_counted', 'stage2_counted', 'stage1_ack_on_time', 'stage1_ack_late_from'],
  ],
  [
    'ix_complaint_stage1_responded_year_tenure',
    ['stage1_responded_year', 'tenure'],
    ['stage1_on_time', 'stage1_on_time_without_extensions'],
  ],
  [
    'ix_complaint_stage2_received_year_tenure',
    ['stage2_received_year', 'tenure'],
    ['stage2_counted', 'stage2_ack_on_time', 'stage2_ack_late_from'],
  ],
  [
    'ix_complaint_stage2_responded_year_tenure',
    ['stage2_responded_year', 'tenure'],
    ['stage2_on_time', 'stage2_on_time_without_extensions'],
  ],
];

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** Cases replayed per statement: enough to be quick, few enough to hold in memory. */
const BATCH = 500;

/**
 * The data half, on its own so that a test can run it over rows as they were: each case's
 * events replayed by the domain and its measures written by the projection's own functions.
 * Counted on the shipped bank holidays, as the earlier replays are: an operator's newer file is
 * not read here, and a case's next write (or `pnpm read-model:rebuild`) counts with it.
 */
export async function fillCaseMeasures(queryRunner: QueryRunner): Promise<number> {
  const added = new Set<string>(MEASURE_COLUMNS_ADDED.map((column) => column.name));
  const columns = [
    { name: 'id', type: 'uuid' } as const,
    ...MEASURE_COLUMNS.filter((column) => added.has(column.name)),
  ];
  let filled = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids: Array<{ id: string }> = await queryRunner.query(
      `SELECT id FROM "complaint" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (ids.length === 0) return filled;
    after = ids[ids.length - 1]?.id ?? after;
    const events: Array<{ complaint_id: string; payload: ComplaintEvent }> =
      await queryRunner.query(
        `SELECT complaint_id, payload FROM "complaint_event"
          WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id, version`,
        [ids.map((row) => row.id)],
      );
    const histories = new Map<string, ComplaintEvent[]>();
    for (const row of events) {
      const history = histories.get(row.complaint_id) ?? [];
      history.push(row.payload);
      histories.set(row.complaint_id, history);
    }
    const measured = [...histories].flatMap(([id, history]) => {
      const state = replay(history);
      return state === null ? [] : [{ id, measures: caseMeasures(state) }];
    });
    if (measured.length === 0) continue;
    const rows = measured.map(({ id, measures }) => ({ id, ...measureColumnsOf(measures) }));
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const values = unnestOf(columns, rows, param);
    await queryRunner.query(
      `UPDATE "complaint" c
          SET ${columns
            .filter((column) => column.name !== 'id')
            .map((column) => `${column.name} = v.${column.name}`)
            .join(', ')}
         FROM ${values} AS v(${namesOf(columns)})
        WHERE c.id = v.id`,
      params,
    );
    const actions = measured.flatMap(({ id, measures }) => actionMeasureRowsOf(id, measures));
    if (actions.length > 0) {
      const actionParams: unknown[] = [];
      const actionValues = unnestOf(
        ACTION_MEASURE_COLUMNS,
        actions,
        (value) => `$${actionParams.push(value)}`,
      );
      await queryRunner.query(
        `INSERT INTO "complaint_action_measure" (${namesOf(ACTION_MEASURE_COLUMNS)})
         SELECT * FROM ${actionValues}
         ON CONFLICT (complaint_id, action_id) DO NOTHING`,
        actionParams,
      );
    }
    filled += measured.length;
  }
}
