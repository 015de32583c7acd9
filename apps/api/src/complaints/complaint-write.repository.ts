import {
  splitPersonal,
  type BankHolidaysData,
  type ComplaintState,
  type Deadline,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { runNamed } from '../database/named-statement.js';
import type { PolicyVersionCache } from '../policies/policy-version.repository.js';
import type { NewEvent } from './complaint-event.repository.js';
import { projectCase, type CaseProjection } from './complaint-projection.js';
import { policyRefsOf, toSnapshot } from './complaint-snapshot.mapper.js';
import { derivedRowsStatements, upsertReadModel } from './read-model-statements.js';

// The write path: the events, each case's read model, its deadline and action-measure rows,
// and the NOTIFYs. Round trips are what a write costs most (each one a system call on either
// side and a wake-up of the server), so a write is two statements: read the case (the query
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

/** A case's projection made again from its events, and when they were recorded. */
export interface RebuiltCase {
  readonly projection: CaseProjection;
  readonly firstRecordedAt: Date;
  readonly lastRecordedAt: Date;
}

export class ComplaintWriteRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyVersionCache,
  ) {}

  /**
   * Stores a write in one statement, hence one transaction of its own unless the caller holds
   * one: the events, each case's read model, its deadline and action-measure rows, and a NOTIFY
   * per event when a channel is given (sent at commit, so subscribers hear only what
   * committed). A second writer of a version fails on the events' primary key (complaint_id,
   * version) and the whole statement with it: the caller turns that into a conflict. Returns
   * when the rows changed.
   */
  async write(batch: WriteBatch, manager?: EntityManager): Promise<Date> {
    const { events, cases, notifyChannel, now } = batch;
    if (events.length === 0 && cases.length === 0) return now;
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const at = param(now.toISOString());

    // Each event's personal fields are kept apart, where erasure can reach them (the domain's
    // PERSONAL_FIELDS); the event itself is appended without them and never changes.
    const split = events.map((e) => splitPersonal(e.event));
    const eventColumns = `unnest(${param(events.map((e) => e.complaintId))}::uuid[],
        ${param(events.map((e) => e.version))}::int[],
        ${param(events.map((e) => e.event.type))}::text[],
        ${param(split.map((s) => JSON.stringify(s.body)))}::text[],
        ${param(split.map((s) => (s.personal === null ? null : JSON.stringify(s.personal))))}::text[],
        ${param(events.map((e) => e.event.at))}::text[],
        ${param(events.map((e) => e.event.actor.kind))}::text[],
        ${param(events.map((e) => e.event.actor.id))}::text[],
        ${param(events.map((e) => e.event.actor.name ?? null))}::text[])
      AS e(complaint_id, version, type, payload, personal, at, actor_kind, actor_id, actor_name)`;
    const projections = cases.map(({ state, deadlines }) =>
      projectCase(state, deadlines, batch.holidays, now),
    );
    const readModel = upsertReadModel(projections, param, { at });
    const caseIds = param(cases.map(({ state }) => state.id));

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
        ${readModel}
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
      personal_kept AS (
        INSERT INTO complaint_event_personal (complaint_id, version, personal)
        SELECT complaint_id, version, personal::jsonb
          FROM input
         WHERE personal IS NOT NULL AND (SELECT count(*) FROM appended) >= 0
        RETURNING 1
      ),
      ${derivedRowsStatements(projections, param, caseIds)}${notify}
      SELECT (SELECT count(*) FROM appended)::int AS appended,
             (SELECT count(*) FROM personal_kept)::int AS personal${
               notifyChannel === undefined
                 ? ''
                 : ', (SELECT count(*) FROM notified)::int AS notified'
             }`;
    await runNamed(this.dataSource, sql, params, manager);
    return now;
  }

  /**
   * Locks the rows of these cases that exist, in id order, until the caller's transaction
   * ends: a writer of one of them then waits, so a rebuild reads every event committed before
   * it and none is committed between its read and its write.
   */
  async lockCases(ids: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      'SELECT id FROM complaint WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
  }

  /**
   * Stores cases' projections made again from their events, without appending any event: the
   * rows, deadline rows and action-measure rows become what the projection says, the same
   * statements as a write's. A missing row is inserted with its events' times; an existing
   * row keeps its own (the case did not change), and a deadline's raised alert stays unless
   * its due date moved. Returns how many case rows were written.
   */
  async rewrite(cases: readonly RebuiltCase[], manager?: EntityManager): Promise<number> {
    if (cases.length === 0) return 0;
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const projections = cases.map((c) => c.projection);
    const readModel = upsertReadModel(projections, param, {
      createdAt: cases.map((c) => c.firstRecordedAt),
      updatedAt: cases.map((c) => c.lastRecordedAt),
    });
    const caseIds = param(projections.map((p) => p.row.id));
    const rows = await runNamed<{ written: number }>(
      this.dataSource,
      `
      WITH read_model AS (
        ${readModel}
      ),
      ${derivedRowsStatements(projections, param, caseIds)}
      SELECT (SELECT count(*) FROM read_model)::int AS written`,
      params,
      manager,
    );
    return rows[0]?.written ?? 0;
  }

  /** Fails unless every policy version these cases run under is stored (imports bring their own). */
  async checkPoliciesStored(states: readonly ComplaintState[]): Promise<void> {
    const refs = states.flatMap((state) => [...policyRefsOf(toSnapshot(state))]);
    await this.policies.load(refs);
    for (const ref of refs) this.policies.require(ref.id, ref.version);
  }
}
