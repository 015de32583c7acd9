import type { BankHolidaysData, ComplaintState, Deadline } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { PolicyVersionCache } from '../policies/policy-version.repository.js';
import type { NewEvent } from './complaint-event.repository.js';
import { deadlineRowOf, READ_MODEL_COLUMNS, readModelOf } from './complaint-projection.js';
import { policyRefsOf, toSnapshot } from './complaint-snapshot.mapper.js';
import { runNamed } from '../database/named-statement.js';

// The write path: the events, each case's read model and its deadline rows, and the NOTIFYs.
// Round trips are what a write costs most (each one a system call on either side and a
// wake-up of the server), so a write is two statements: read the case (the query
// repository's findForWrite), then write everything in one, here.

/** What a write stores, in one statement: events, read models and deadlines, and NOTIFYs. */
export interface WriteBatch {
  readonly events: readonly NewEvent[];
  readonly cases: readonly { state: ComplaintState; deadlines: readonly Deadline[] }[];
  /** The NOTIFY channel to announce each event on; none for imports, which are not news. */
  readonly notifyChannel?: string;
  readonly now: Date;
  readonly holidays?: BankHolidaysData;
}

export class ComplaintWriteRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyVersionCache,
  ) {}

  /**
   * Stores a write in one statement, hence one transaction of its own unless the caller holds
   * one: the events, each case's read model, its deadline rows, and a NOTIFY per event when a
   * channel is given (sent at commit, so subscribers hear only what committed). A second writer
   * of a version fails on the events' primary key (complaint_id, version) and the whole
   * statement with it: the caller turns that into a conflict. Returns when the rows changed.
   */
  async write(batch: WriteBatch, manager?: EntityManager): Promise<Date> {
    const { events, cases, notifyChannel, now } = batch;
    if (events.length === 0 && cases.length === 0) return now;
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const at = param(now.toISOString());

    const eventColumns = `unnest(${param(events.map((e) => e.complaintId))}::uuid[],
        ${param(events.map((e) => e.version))}::int[],
        ${param(events.map((e) => e.event.type))}::text[],
        ${param(events.map((e) => JSON.stringify(e.event)))}::text[],
        ${param(events.map((e) => e.event.at))}::text[],
        ${param(events.map((e) => e.event.actor.kind))}::text[],
        ${param(events.map((e) => e.event.actor.id))}::text[],
        ${param(events.map((e) => e.event.actor.name ?? null))}::text[])
      AS e(complaint_id, version, type, payload, at, actor_kind, actor_id, actor_name)`;

    const rows = cases.map(({ state, deadlines }) =>
      readModelOf(state, deadlines, batch.holidays, now),
    );
    const columns = READ_MODEL_COLUMNS;
    const readModelArrays = columns
      .map((c) => `${param(rows.map((row) => row[c.name]))}::${c.type}[]`)
      .join(', ');

    const deadlineRows = cases.flatMap(({ state, deadlines }) =>
      deadlines.map((deadline) => deadlineRowOf(state, deadline, batch.holidays)),
    );
    const caseIds = param(cases.map(({ state }) => state.id));
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

    // The sub-statements of a WITH run on one snapshot and must not touch the same row twice:
    // the deadline DELETE takes the keys a case no longer has, the upsert the ones it has.
    // The NOTIFYs follow the events' order (volatile functions are evaluated after the sort).
    // The read model is upserted before the events are appended (`appended` waits for
    // `read_model`), so every writer of a case takes its row lock first, as a writer that read
    // it FOR UPDATE does: a writer that lost the race then waits on that lock and fails on the
    // events' key, where appending first could deadlock with it.
    const notify =
      notifyChannel === undefined
        ? ''
        : `,
      notified AS (
        SELECT pg_notify(${param(notifyChannel)}, json_build_object(
                 'complaintId', e.complaint_id, 'version', e.version, 'type', e.type,
                 'position', appended.position::text, 'at', e.at)::text)
          FROM appended JOIN input e USING (complaint_id, version)
         ORDER BY appended.position
      )`;
    const sql = `
      WITH input AS (SELECT * FROM ${eventColumns}),
      read_model AS (
        INSERT INTO complaint (${columns.map((c) => c.name).join(', ')}, created_at, updated_at)
        SELECT ${columns.map((c) => (c.name === 'state' ? 'r.state::jsonb' : `r.${c.name}`)).join(', ')},
               ${at}::timestamptz, ${at}::timestamptz
          FROM unnest(${readModelArrays}) AS r(${columns.map((c) => c.name).join(', ')})
        ON CONFLICT (id) DO UPDATE SET
          ${columns
            .filter((c) => c.name !== 'id' && c.name !== 'reference')
            .map((c) => `${c.name} = excluded.${c.name}`)
            .join(',\n          ')},
          updated_at = excluded.updated_at
        RETURNING id
      ),
      appended AS (
        INSERT INTO complaint_event
          (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id, actor_name)
        SELECT complaint_id, version, type, payload::jsonb, at::timestamptz,
               actor_kind, actor_id, actor_name
          FROM input
         WHERE (SELECT count(*) FROM read_model) >= 0
         ORDER BY complaint_id, version
        RETURNING complaint_id, version, position
      ),
      dropped_deadlines AS (
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
      )${notify}
      SELECT (SELECT count(*) FROM appended)::int AS appended${
        notifyChannel === undefined ? '' : ', (SELECT count(*) FROM notified)::int AS notified'
      }`;
    await runNamed(this.dataSource, sql, params, manager);
    return now;
  }

  /** Fails unless every policy version these cases run under is stored (imports bring their own). */
  async checkPoliciesStored(states: readonly ComplaintState[]): Promise<void> {
    const refs = states.flatMap((state) => [...policyRefsOf(toSnapshot(state))]);
    await this.policies.load(refs);
    for (const ref of refs) this.policies.require(ref.id, ref.version);
  }
}
