import {
  type Actor,
  type BankHolidaysData,
  type Channel,
  type CloseReason,
  type ComplaintEvent,
  type ComplaintEventType,
  type ComplaintPlacement,
  type ComplaintScope,
  type ComplaintState,
  type ComplaintStatus,
  type Deadline,
  type LocalDate,
  type Policy,
  type StageNumber,
  type Tenure,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import { countUpTo, idsCondition, sqlParams } from '../shared/keyset-page.js';
import { isUuid } from '../shared/uuid.js';
import {
  policyVersionCacheFor,
  type PolicyRef,
  type PolicyVersionCache,
} from '../policies/policy-version.repository.js';
import {
  deadlineRowOf,
  READ_MODEL_COLUMNS,
  readModelOf,
  summaryOf,
} from './complaint-read-model.js';
import {
  fromSnapshot,
  policyRefsOf,
  toSnapshot,
  type ComplaintSnapshot,
} from './complaint-snapshot.mapper.js';
import {
  nextDeadlineColumns,
  nextDeadlinePolicyRef,
  toStoredNextDeadline,
  type NextDeadlineRow,
  type StoredNextDeadline,
} from './deadline-read-model.js';

// Only this file writes SQL about complaints. The SQL is written out rather than built by
// TypeORM's query builder: upserts, arrays, window functions and row-value cursors read more
// plainly as SQL, and each method is one statement. Round trips are what a write costs most
// (each one a system call on either side and a wake-up of the server), so a write is two
// statements: read the case, then write everything in one.

/** A stored event, as the API serves it. */
export interface StoredEvent {
  readonly complaintId: string;
  readonly version: number;
  /** The global position, a bigint as text. */
  readonly position: string;
  readonly type: ComplaintEventType;
  /** When it happened (ISO 8601). */
  readonly at: string;
  /** When it was recorded (ISO 8601). */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly payload: ComplaintEvent;
}

/**
 * What the read model's columns say of a case: enough for a list screen, without the snapshot.
 * Written from the state by `summaryOf`, so a summary read back equals the state's own.
 */
export interface ComplaintSummary extends Pick<
  ComplaintState,
  | 'id'
  | 'reference'
  | 'version'
  | 'status'
  | 'stage'
  | 'receivedAt'
  | 'channel'
  | 'summary'
  | 'category'
  | 'tenure'
  | 'serviceRequestId'
  | 'closedAt'
  | 'closeReason'
  | 'withdrawnReason'
> {
  /** The day of receipt in Europe/London. */
  readonly receivedOn: LocalDate;
  /** The handler of the current stage. */
  readonly assignee: string | null;
  /** The handler of the current stage as a user. */
  readonly assigneeId: string | null;
  /** The team holding the current stage. */
  readonly teamId: string | null;
  /** The partner key that logged it. */
  readonly loggedByApiKeyId: string | null;
  readonly complainantName: string;
  readonly vulnerable: boolean;
  /** When the row last changed. */
  readonly updatedAt: Date;
}

/** A case as read: its summary from the columns and its state from the snapshot. */
export interface ComplaintRow {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState;
}

/** A case in a page: the snapshot is read only when the caller asks for it. */
export interface ComplaintPageRow {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState | null;
  readonly cursor: PageCursor;
  /** Its next deadline from the read model (null when nothing is due). */
  readonly nextDeadline: StoredNextDeadline | null;
}

export interface ComplaintFilter {
  /** Who is asking: only the cases they may see. Set by the service, never by a caller. */
  readonly scope?: ComplaintScope;
  /** Only these cases (react-admin's getMany). */
  readonly ids?: readonly string[];
  readonly status?: readonly ComplaintStatus[];
  readonly stage?: 1 | 2;
  /** An unmet deadline due before today (London). */
  readonly overdue?: boolean;
  /** The next unmet deadline falls before this day. */
  readonly dueBefore?: LocalDate;
  readonly category?: string;
  readonly assignee?: string;
  /** The handler as a user. */
  readonly assigneeId?: string;
  readonly tenure?: Tenure;
  /** Words to find in the reference, the complainant's name or the summary (prefixes match). */
  readonly text?: string;
  /** Received on or after this day. */
  readonly receivedFrom?: LocalDate;
  /** Received on or before this day. */
  readonly receivedTo?: LocalDate;
}

export type ComplaintOrderField = 'receivedAt' | 'nextDueOn' | 'reference' | 'updatedAt';

export interface ComplaintOrder {
  readonly field: ComplaintOrderField;
  readonly direction: 'asc' | 'desc';
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
  readonly after?: PageCursor;
  /** Read each case's snapshot too (a field the columns do not hold was asked for). */
  readonly withState: boolean;
}

export interface PageRows {
  readonly rows: ComplaintPageRow[];
}

/** A case read for a write, with the current version of its policy. */
export interface ComplaintForWrite extends ComplaintRow {
  readonly currentPolicy: Policy | null;
}

/** What a write stores, in one statement: events, read models and deadlines, and NOTIFYs. */
export interface WriteBatch {
  readonly events: readonly NewEvent[];
  readonly cases: readonly { state: ComplaintState; deadlines: readonly Deadline[] }[];
  /** The NOTIFY channel to announce each event on; none for imports, which are not news. */
  readonly notifyChannel?: string;
  readonly now: Date;
  readonly holidays?: BankHolidaysData;
}

export interface NewEvent {
  readonly complaintId: string;
  readonly version: number;
  readonly event: ComplaintEvent;
}

const EVENT_COLUMNS = `complaint_id, version, position, type, occurred_at, recorded_at,
  actor_kind, actor_id, actor_name, payload`;

interface EventRow {
  complaint_id: string;
  version: number;
  position: string;
  type: ComplaintEventType;
  occurred_at: Date;
  recorded_at: Date;
  actor_kind: Actor['kind'];
  actor_id: string;
  actor_name: string | null;
  payload: ComplaintEvent;
}

/** A stored event and where its case sits (see `findEvents`). */
export interface PlacedEvent extends StoredEvent {
  readonly placement: ComplaintPlacement;
}

interface PlacementRow {
  assignee_id: string | null;
  team_id: string | null;
  logged_by_api_key_id: string | null;
}

function toPlacement(row: PlacementRow): ComplaintPlacement {
  return {
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    loggedByApiKeyId: row.logged_by_api_key_id,
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    complaintId: row.complaint_id,
    version: row.version,
    position: String(row.position),
    type: row.type,
    at: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    actor: {
      kind: row.actor_kind,
      id: row.actor_id,
      ...(row.actor_name !== null ? { name: row.actor_name } : {}),
    },
    payload: row.payload,
  };
}

/** The text searched by the `text` filter: a stored column (SEARCH_EXPRESSION), GIN-indexed. */
export const SEARCH_DOCUMENT = 'search_document';

// For nextDueOn, cases with nothing due sort last in either direction.
const SORT_EXPRESSIONS: Record<ComplaintOrderField, { asc: string; desc: string; type: string }> = {
  receivedAt: { asc: 'received_at', desc: 'received_at', type: 'timestamptz' },
  updatedAt: { asc: 'updated_at', desc: 'updated_at', type: 'timestamptz' },
  reference: { asc: 'reference', desc: 'reference', type: 'text' },
  nextDueOn: {
    asc: "coalesce(next_due_on, 'infinity'::date)",
    desc: "coalesce(next_due_on, '-infinity'::date)",
    type: 'date',
  },
};

/** How a connection of either driver takes a named statement (pg's config form). */
interface NamedStatementConnection {
  query(config: {
    readonly name: string;
    readonly text: string;
    readonly values: unknown[];
  }): Promise<{ rows: unknown[] }>;
}

const STATEMENT_NAMES = new Map<string, string>();

/** One name per statement text: `pg` refuses a name reused for another text on a connection. */
function statementName(sql: string): string {
  let name = STATEMENT_NAMES.get(sql);
  if (name === undefined) {
    name = `redress_${STATEMENT_NAMES.size + 1}`;
    STATEMENT_NAMES.set(sql, name);
  }
  return name;
}

export { isUuid };

// The summary's columns, as SUMMARY_COLUMNS selects them.
interface SummaryRow {
  id: string;
  reference: string;
  version: number;
  status: ComplaintStatus;
  stage: StageNumber;
  received_at: Date;
  received_on: LocalDate;
  channel: Channel;
  category: string;
  tenure: Tenure;
  assignee: string | null;
  assignee_id: string | null;
  team_id: string | null;
  logged_by_api_key_id: string | null;
  complainant_name: string;
  vulnerable: boolean;
  summary: string;
  service_request_id: string | null;
  closed_at: Date | null;
  close_reason: CloseReason | null;
  withdrawn_reason: string | null;
  updated_at: Date;
}

interface StateRow extends SummaryRow {
  state: ComplaintSnapshot;
}

/** The columns of a ComplaintSummary, of the table or of the alias given. */
function summaryColumns(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}id, ${c}reference, ${c}version, ${c}status, ${c}stage, ${c}received_at,
    ${c}received_on::text AS received_on, ${c}channel, ${c}category, ${c}tenure, ${c}assignee,
    ${c}assignee_id, ${c}team_id, ${c}logged_by_api_key_id, ${c}complainant_name, ${c}vulnerable, ${c}summary, ${c}service_request_id, ${c}closed_at,
    ${c}close_reason, ${c}withdrawn_reason, ${c}updated_at`;
}

const SUMMARY_COLUMNS = summaryColumns();

function requireSnapshot(row: { readonly state?: ComplaintSnapshot }): ComplaintSnapshot {
  if (!row.state) throw new Error('A page row was read without its state.');
  return row.state;
}

function toSummary(row: SummaryRow): ComplaintSummary {
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status: row.status,
    stage: row.stage,
    receivedAt: row.received_at.toISOString(),
    receivedOn: row.received_on,
    channel: row.channel,
    category: row.category,
    tenure: row.tenure,
    assignee: row.assignee,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    loggedByApiKeyId: row.logged_by_api_key_id,
    complainantName: row.complainant_name,
    vulnerable: row.vulnerable,
    summary: row.summary,
    serviceRequestId: row.service_request_id,
    closedAt: row.closed_at === null ? null : row.closed_at.toISOString(),
    closeReason: row.close_reason,
    withdrawnReason: row.withdrawn_reason,
    updatedAt: row.updated_at,
  };
}

const ALL: ComplaintScope = { kind: 'all' };

export class ComplaintRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyVersionCache = policyVersionCacheFor(dataSource),
  ) {}

  /** The case, if it is within the scope given (default: any case). */
  async findById(
    id: string,
    manager?: EntityManager,
    scope: ComplaintScope = ALL,
  ): Promise<ComplaintRow | null> {
    if (!isUuid(id)) return null;
    const params: unknown[] = [id];
    const condition = scopeCondition(scope, (value) => `$${params.push(value)}`);
    const rows: StateRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${SUMMARY_COLUMNS}, state FROM complaint
        WHERE id = $1${condition === null ? '' : ` AND ${condition}`}`,
      params,
    );
    return (await this.toRows(rows, manager))[0] ?? null;
  }

  /**
   * The case a reference names, or, for a duplicate merged into another, the case that carries
   * on: one reference answers for both (within the scope given).
   */
  async findByReference(
    reference: string,
    scope: ComplaintScope = ALL,
  ): Promise<ComplaintRow | null> {
    const params: unknown[] = [reference.trim().toUpperCase()];
    const condition = scopeCondition(scope, (value) => `$${params.push(value)}`);
    const rows: StateRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, state FROM complaint
        WHERE id = (SELECT coalesce(merged_into_id, id) FROM complaint WHERE reference = $1)${
          condition === null ? '' : ` AND ${condition}`
        }`,
      params,
    );
    return (await this.toRows(rows))[0] ?? null;
  }

  /**
   * The case and the current version of its policy. Unlocked by default: the write that follows
   * carries the version it read, and the events' primary key (complaint, version) lets only one
   * writer of a version through. With `lock` (inside the caller's transaction), the case's row is
   * locked until that transaction ends, so writers of one case queue instead of racing.
   */
  async findForWrite(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<ComplaintForWrite | null> {
    if (!isUuid(id)) return null;
    const rows = await this.prepared<
      StateRow & { policy_id: string; current_version: number | null }
    >(
      `SELECT ${summaryColumns('c')}, c.state, c.policy_id,
              (SELECT max(p.version) FROM policy p WHERE p.id = c.policy_id) AS current_version
         FROM complaint c
        WHERE c.id = $1${lock ? '\n          FOR UPDATE OF c' : ''}`,
      [id],
      manager,
    );
    const row = rows[0];
    if (!row) return null;
    const current: PolicyRef | null =
      row.current_version === null ? null : { id: row.policy_id, version: row.current_version };
    const [complaint] = await this.toRows([row], manager, current ? [current] : []);
    if (!complaint) return null;
    return {
      ...complaint,
      currentPolicy: current ? this.policies.require(current.id, current.version) : null,
    };
  }

  /**
   * The current version of a policy and, when there is one, the next reference number, in one
   * round trip. No number is drawn for a policy that does not exist.
   */
  async startLog(
    policyId: string,
    manager?: EntityManager,
  ): Promise<{ policy: Policy; referenceNumber: number } | null> {
    const rows = await this.prepared<{ version: number | null; n: number | null }>(
      `SELECT v.version,
              CASE WHEN v.version IS NOT NULL
                   THEN nextval('complaint_reference_seq')::int END AS n
         FROM (SELECT max(version) AS version FROM policy WHERE id = $1) v`,
      [policyId],
      manager,
    );
    const row = rows[0];
    if (!row || row.version === null || row.n === null) return null;
    await this.policies.load([{ id: policyId, version: row.version }], manager);
    return { policy: this.policies.require(policyId, row.version), referenceNumber: row.n };
  }

  /** Reference numbers for a batch (demo data, imports), in order. */
  async reserveReferenceNumbers(count: number): Promise<number[]> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      "SELECT nextval('complaint_reference_seq')::int AS n FROM generate_series(1, $1::int)",
      [count],
    );
    return rows.map((row) => row.n).sort((a, b) => a - b);
  }

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
    await this.prepared(sql, params, manager);
    return now;
  }

  /**
   * A page of cases, in one statement. The number matching is not taken here: counting every
   * filtered row is what made a large list slow, so it is a statement of its own (`countUpTo`),
   * sent only when a query asks for it.
   */
  async findPage(
    filter: ComplaintFilter,
    order: ComplaintOrder,
    page: PageRequest,
    /** Today in London, asked only by the overdue filter. */
    today: () => LocalDate,
  ): Promise<PageRows> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = whereOf(filter, today, param);
    const sort = SORT_EXPRESSIONS[order.field];
    const expression = sort[order.direction];
    const direction = order.direction === 'asc' ? 'ASC' : 'DESC';
    const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // The snapshot is the larger part of a row, to read and to parse: left out when the caller
    // needs only the summary's columns.
    const state = page.withState ? ', c.state' : '';
    const sql = page.after
      ? // After a cursor, only the page's rows are joined back for their columns.
        `
      SELECT ${summaryColumns('c')}${state}, ${nextDeadlineColumns('c')},
             m.sort_value::text AS sort_text
        FROM (
          SELECT w.id, w.sort_value
            FROM (
              SELECT id, ${expression} AS sort_value
                FROM complaint
               ${filtered}
            ) w
           WHERE (w.sort_value, w.id) ${order.direction === 'asc' ? '>' : '<'} (${param(page.after.sortValue)}::${sort.type}, ${param(page.after.id)}::uuid)
           ORDER BY w.sort_value ${direction}, w.id ${direction}
           LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}
        ) m
        JOIN complaint c ON c.id = m.id
       ORDER BY m.sort_value ${direction}, m.id ${direction}`
      : // Without one, one level: the planner can walk an index in the page's order.
        `
      SELECT ${summaryColumns('c')}${state}, ${nextDeadlineColumns('c')},
             (${expression})::text AS sort_text
        FROM complaint c
       ${filtered}
       ORDER BY ${expression} ${direction}, c.id ${direction}
       LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}`;
    const rows: Array<
      SummaryRow & NextDeadlineRow & { state?: ComplaintSnapshot; sort_text: string }
    > = await this.dataSource.query(sql, params);
    const states = page.withState ? await this.statesOf(rows.map(requireSnapshot)) : undefined;
    // The policy versions the next deadlines count in: cached after the first page.
    await this.policies.load(rows.flatMap((row) => nextDeadlinePolicyRef(row) ?? []));
    const policyOf = (ref: PolicyRef) => this.policies.require(ref.id, ref.version);
    return {
      rows: rows.map((row, index) => ({
        summary: toSummary(row),
        state: states?.[index] ?? null,
        nextDeadline: toStoredNextDeadline(row, policyOf),
        cursor: { sortValue: row.sort_text, id: row.id },
      })),
    };
  }

  /**
   * How many cases match the filter, counting at most `bound`: the statement stops after
   * `bound + 1` rows, so a count over a large landlord's cases costs no more than that.
   */
  async countUpTo(
    filter: ComplaintFilter,
    today: () => LocalDate,
    bound: number,
  ): Promise<BoundedCount> {
    const { params, param } = sqlParams();
    return countUpTo(
      this.dataSource,
      { from: 'complaint', where: whereOf(filter, today, param), params },
      bound,
    );
  }

  /** Fails unless every policy version these cases run under is stored (imports bring their own). */
  async checkPoliciesStored(states: readonly ComplaintState[]): Promise<void> {
    const refs = states.flatMap((state) => [...policyRefsOf(toSnapshot(state))]);
    await this.policies.load(refs);
    for (const ref of refs) this.policies.require(ref.id, ref.version);
  }

  /** Every event of these cases, in order, in one statement (for a DataLoader). */
  async findEventsByComplaintIds(ids: readonly string[]): Promise<StoredEvent[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM complaint_event
        WHERE complaint_id = ANY($1::uuid[])
        ORDER BY complaint_id, version`,
      [valid],
    );
    return rows.map(toStoredEvent);
  }

  /** Events by their primary keys (complaint, version), in one statement; the missing left out. */
  /**
   * The events with the case's placement as it stands when they are read (after them, and
   * after any later write that committed first): what subscriptions are scoped by, read with
   * the events in the same statement.
   */
  async findEvents(
    keys: readonly { readonly complaintId: string; readonly version: number }[],
  ): Promise<PlacedEvent[]> {
    const valid = keys.filter((key) => isUuid(key.complaintId));
    if (valid.length === 0) return [];
    const rows: (EventRow & PlacementRow)[] = await this.dataSource.query(
      `SELECT e.*, c.assignee_id, c.team_id, c.logged_by_api_key_id
         FROM (SELECT ${EVENT_COLUMNS} FROM complaint_event
                 JOIN unnest($1::uuid[], $2::int[]) AS k(complaint_id, version)
                USING (complaint_id, version)) AS e
         JOIN complaint AS c ON c.id = e.complaint_id`,
      [valid.map((key) => key.complaintId), valid.map((key) => key.version)],
    );
    return rows.map((row) => ({ ...toStoredEvent(row), placement: toPlacement(row) }));
  }

  /** Where each case sits now, for scoping what is sent about it (deadline alerts). */
  async findPlacements(ids: readonly string[]): Promise<Map<string, ComplaintPlacement>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows: (PlacementRow & { id: string })[] = await this.dataSource.query(
      `SELECT id, assignee_id, team_id, logged_by_api_key_id FROM complaint
        WHERE id = ANY($1::uuid[])`,
      [valid],
    );
    return new Map(rows.map((row) => [row.id, toPlacement(row)]));
  }

  /**
   * One of the write path's statements, as a named prepared statement: PostgreSQL parses and
   * plans it once per connection instead of on every write. Planning the write's statement was
   * about 0.4 ms of the server's time in each write, as much as running it (EXPLAIN ANALYZE).
   * Only statements whose text is fixed come here (their values are parameters), so the names
   * stay few. TypeORM's `query` cannot name a statement; its query runner lends the connection.
   */
  private async prepared<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    const held = manager?.queryRunner;
    const runner = held ?? this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as NamedStatementConnection;
      const { rows } = await connection.query({
        name: statementName(sql),
        text: sql,
        values: params,
      });
      return rows as T[];
    } finally {
      if (!held) await runner.release();
    }
  }

  /** Rows with their stages' policies put back, loading the versions not yet cached at once. */
  private async toRows(
    rows: readonly StateRow[],
    manager?: EntityManager,
    alsoLoad: readonly PolicyRef[] = [],
  ): Promise<ComplaintRow[]> {
    const states = await this.statesOf(
      rows.map((row) => row.state),
      manager,
      alsoLoad,
    );
    return rows.map((row, index) => {
      const state = states[index];
      if (!state) throw new Error('A complaint row has no state.');
      return { summary: toSummary(row), state };
    });
  }

  private async statesOf(
    snapshots: readonly ComplaintSnapshot[],
    manager?: EntityManager,
    alsoLoad: readonly PolicyRef[] = [],
  ): Promise<ComplaintState[]> {
    const refs: PolicyRef[] = [...alsoLoad];
    for (const snapshot of snapshots) refs.push(...policyRefsOf(snapshot));
    await this.policies.load(refs, manager);
    return snapshots.map((snapshot) => fromSnapshot(snapshot, this.policies));
  }

  async countAll(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM complaint',
    );
    return rows[0]?.n ?? 0;
  }
}

/**
 * The SQL form of the domain's `scopeAdmits` (a test holds the two equal): which cases a
 * principal may see at all.
 */
export function scopeCondition(
  scope: ComplaintScope,
  param: (value: unknown) => string,
  alias = '',
): string | null {
  const c = alias ? `${alias}.` : '';
  switch (scope.kind) {
    case 'all':
      return null;
    case 'none':
      return 'false';
    case 'logged-by':
      return `${c}logged_by_api_key_id = ${param(scope.apiKeyId)}::uuid`;
    case 'queue':
      return `(${c}assignee_id = ${param(scope.userId)}::uuid
               OR ${c}team_id = ANY(${param([...scope.teamIds])}::uuid[])
               OR (${c}assignee_id IS NULL AND ${c}team_id IS NULL))`;
  }
}

/** The WHERE conditions for the keys present in the filter (absent keys add nothing). */
function whereOf(
  filter: ComplaintFilter,
  today: () => LocalDate,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (filter.scope !== undefined) {
    const condition = scopeCondition(filter.scope, param);
    if (condition !== null) where.push(condition);
  }
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.status !== undefined && filter.status.length > 0) {
    where.push(`status = ANY(${param([...filter.status])}::text[])`);
  }
  if (filter.stage !== undefined) where.push(`stage = ${param(filter.stage)}::smallint`);
  if (filter.overdue === true) where.push(`next_due_on < ${param(today())}::date`);
  if (filter.overdue === false) {
    where.push(`(next_due_on IS NULL OR next_due_on >= ${param(today())}::date)`);
  }
  if (filter.dueBefore !== undefined) where.push(`next_due_on < ${param(filter.dueBefore)}::date`);
  if (filter.category !== undefined) where.push(`category = ${param(filter.category)}`);
  if (filter.assignee !== undefined) where.push(`assignee = ${param(filter.assignee)}`);
  if (filter.assigneeId !== undefined) {
    where.push(
      isUuid(filter.assigneeId) ? `assignee_id = ${param(filter.assigneeId)}::uuid` : 'false',
    );
  }
  if (filter.tenure !== undefined) where.push(`tenure = ${param(filter.tenure)}`);
  if (filter.receivedFrom !== undefined) {
    where.push(`received_on >= ${param(filter.receivedFrom)}::date`);
  }
  if (filter.receivedTo !== undefined)
    where.push(`received_on <= ${param(filter.receivedTo)}::date`);
  if (filter.text !== undefined) {
    const query = prefixQuery(filter.text);
    const exact = param(filter.text.trim().toUpperCase());
    where.push(
      query === null
        ? `reference = ${exact}`
        : `(${SEARCH_DOCUMENT} @@ to_tsquery('simple', ${param(query)}) OR reference = ${exact})`,
    );
  }
  return where;
}

/**
 * A tsquery in which every word of the text must appear as a word or the start of one. Only
 * letters and digits pass, so nothing typed can break the query syntax.
 */
export function prefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(' & ');
}

export { summaryOf };
