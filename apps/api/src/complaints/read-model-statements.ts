// The SQL that stores a case's projection: its row in `complaint`, its deadline rows and its
// action-measure rows, as sub-statements of one WITH. Both the write path (with the events)
// and the rebuild (from them) send these, so the two cannot store a case differently.
import { READ_MODEL_COLUMNS, type CaseProjection } from './complaint-projection.js';
import { ACTION_MEASURE_COLUMNS } from './measure-columns.js';
import { namesOf, unnestOf, type ColumnSpec } from './read-model-columns.js';

type Param = (value: unknown) => string;

/** When a row was made and last changed: the write's time, or each case's own (a rebuild). */
export type RowStamps =
  | { readonly at: string }
  | { readonly createdAt: readonly Date[]; readonly updatedAt: readonly Date[] };

const STAMP_COLUMNS = [
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const satisfies readonly ColumnSpec[];

const UPDATED = READ_MODEL_COLUMNS.filter((c) => c.name !== 'id' && c.name !== 'reference')
  .map((c) => `${c.name} = excluded.${c.name}`)
  .join(',\n          ');

/**
 * The cases' rows, inserted or updated, RETURNING id. A write stamps them with its time; a
 * rebuild inserts a missing row with its events' times and leaves an existing row's as they are.
 */
export function upsertReadModel(
  projections: readonly CaseProjection[],
  param: Param,
  stamps: RowStamps,
): string {
  const names = namesOf(READ_MODEL_COLUMNS);
  const select = READ_MODEL_COLUMNS.map((c) =>
    c.name === 'state' ? 'r.state::jsonb' : `r.${c.name}`,
  ).join(', ');
  const rows = projections.map((p) => p.row);
  if ('at' in stamps) {
    return `INSERT INTO complaint (${names}, created_at, updated_at)
        SELECT ${select},
               ${stamps.at}::timestamptz, ${stamps.at}::timestamptz
          FROM ${unnestOf(READ_MODEL_COLUMNS, rows, param)} AS r(${names})
        ON CONFLICT (id) DO UPDATE SET
          ${UPDATED},
          updated_at = excluded.updated_at
        RETURNING id`;
  }
  const columns = [...READ_MODEL_COLUMNS, ...STAMP_COLUMNS];
  const stamped = rows.map((row, index) => ({
    ...row,
    created_at: stamps.createdAt[index]?.toISOString() ?? null,
    updated_at: stamps.updatedAt[index]?.toISOString() ?? null,
  }));
  return `INSERT INTO complaint (${names}, created_at, updated_at)
        SELECT ${select}, r.created_at, r.updated_at
          FROM ${unnestOf(columns, stamped, param)} AS r(${namesOf(columns)})
        ON CONFLICT (id) DO UPDATE SET
          ${UPDATED}
        RETURNING id`;
}

/**
 * The sub-statements that make the cases' deadline and action-measure rows what their
 * projections say, for the cases whose ids `caseIds` holds (a uuid[] parameter): rows a case no
 * longer has are deleted, the others upserted. Sub-statements of a WITH run on one snapshot and
 * must not touch the same row twice: each DELETE takes the keys a case no longer has, each
 * upsert the ones it has.
 */
export function derivedRowsStatements(
  projections: readonly CaseProjection[],
  param: Param,
  caseIds: string,
): string {
  const deadlineRows = projections.flatMap((p) => p.deadlines);
  const deadlineKeys = `unnest(${param(deadlineRows.map((d) => d.complaintId))}::uuid[],
        ${param(deadlineRows.map((d) => d.stage))}::smallint[],
        ${param(deadlineRows.map((d) => d.kind))}::text[])`;
  const deadlineValues = `unnest(${param(deadlineRows.map((d) => d.complaintId))}::uuid[],
        ${param(deadlineRows.map((d) => d.stage))}::smallint[],
        ${param(deadlineRows.map((d) => d.kind))}::text[],
        ${param(deadlineRows.map((d) => d.dueOn))}::date[],
        ${param(deadlineRows.map((d) => d.warnOn))}::date[],
        ${param(deadlineRows.map((d) => d.metAt))}::timestamptz[],
        ${param(deadlineRows.map((d) => d.provisional))}::boolean[],
        ${param(deadlineRows.map((d) => d.stoppedAt))}::timestamptz[])`;
  const actionRows = projections.flatMap((p) => p.actions);
  const actionKeys = `unnest(${param(actionRows.map((a) => a.complaint_id))}::uuid[],
        ${param(actionRows.map((a) => a.action_id))}::text[])`;
  const actionValues = unnestOf(ACTION_MEASURE_COLUMNS, actionRows, param);
  const actionUpdates = ACTION_MEASURE_COLUMNS.filter(
    (c) => c.name !== 'complaint_id' && c.name !== 'action_id',
  )
    .map((c) => `${c.name} = excluded.${c.name}`)
    .join(',\n          ');
  return `dropped_deadlines AS (
        DELETE FROM complaint_deadline d
         WHERE d.complaint_id = ANY(${caseIds}::uuid[])
           AND NOT EXISTS (
             SELECT 1 FROM ${deadlineKeys} AS k(complaint_id, stage, kind)
              WHERE k.complaint_id = d.complaint_id AND k.stage = d.stage AND k.kind = d.kind)
      ),
      saved_deadlines AS (
        INSERT INTO complaint_deadline
          (complaint_id, stage, kind, due_on, warn_on, met_at, provisional, stopped_at)
        SELECT * FROM ${deadlineValues}
        ON CONFLICT (complaint_id, stage, kind) DO UPDATE SET
          due_on = excluded.due_on,
          warn_on = excluded.warn_on,
          met_at = excluded.met_at,
          provisional = excluded.provisional,
          stopped_at = excluded.stopped_at,
          -- The alert already raised stays raised unless the due date moved.
          last_alert = CASE WHEN complaint_deadline.due_on = excluded.due_on
                            THEN complaint_deadline.last_alert END,
          last_alert_on = CASE WHEN complaint_deadline.due_on = excluded.due_on
                               THEN complaint_deadline.last_alert_on END
      ),
      dropped_actions AS (
        DELETE FROM complaint_action_measure a
         WHERE a.complaint_id = ANY(${caseIds}::uuid[])
           AND NOT EXISTS (
             SELECT 1 FROM ${actionKeys} AS k(complaint_id, action_id)
              WHERE k.complaint_id = a.complaint_id AND k.action_id = a.action_id)
      ),
      saved_actions AS (
        INSERT INTO complaint_action_measure (${namesOf(ACTION_MEASURE_COLUMNS)})
        SELECT * FROM ${actionValues}
        ON CONFLICT (complaint_id, action_id) DO UPDATE SET
          ${actionUpdates}
      )`;
}
