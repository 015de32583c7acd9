import {
  autoCloseDueOn,
  calendarForPolicy,
  type Actor,
  type BankHolidaysData,
  type ComplaintEvent,
  type ComplaintEventType,
  type ComplaintState,
  type ComplaintStatus,
  type Deadline,
  type LocalDate,
  type Policy,
  type StageState,
  type Tenure,
  localDateOf,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';

// Only this file writes SQL about complaints. The SQL is written out rather than built by
// TypeORM's query builder: upserts, arrays, window functions and row-value cursors read more
// plainly as SQL, and each method is one statement.

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

export interface ComplaintRow {
  readonly state: ComplaintState;
  readonly updatedAt: Date;
}

export interface ComplaintFilter {
  readonly status?: readonly ComplaintStatus[];
  readonly stage?: 1 | 2;
  /** An unmet deadline due before today (London). */
  readonly overdue?: boolean;
  /** The next unmet deadline falls before this day. */
  readonly dueBefore?: LocalDate;
  readonly category?: string;
  readonly assignee?: string;
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

/** Where a page starts: after the row with this sort value and id. */
export interface PageCursor {
  readonly sortValue: string;
  readonly id: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
  readonly after?: PageCursor;
}

export interface PageRows {
  readonly rows: Array<ComplaintRow & { readonly cursor: PageCursor }>;
  readonly totalCount: number;
}

/** A complaint row locked for a write, with the current version of its policy. */
export interface LockedComplaint {
  readonly state: ComplaintState;
  readonly updatedAt: Date;
  readonly currentPolicy: Policy | null;
}

export interface NewEvent {
  readonly complaintId: string;
  readonly version: number;
  readonly event: ComplaintEvent;
}

export interface AppendedEvent {
  readonly complaintId: string;
  readonly version: number;
  readonly position: string;
}

/** The text searched by the `text` filter; the GIN index in the migration is on this expression. */
export const SEARCH_DOCUMENT =
  "to_tsvector('simple', reference || ' ' || complainant_name || ' ' || summary)";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

interface StateRow {
  state: ComplaintState;
  updated_at: Date;
}

export class ComplaintRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager?: EntityManager): Promise<ComplaintRow | null> {
    if (!isUuid(id)) return null;
    const rows: StateRow[] = await (manager ?? this.dataSource.manager).query(
      'SELECT state, updated_at FROM complaint WHERE id = $1',
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findByReference(reference: string): Promise<ComplaintRow | null> {
    const rows: StateRow[] = await this.dataSource.query(
      'SELECT state, updated_at FROM complaint WHERE reference = $1',
      [reference.trim().toUpperCase()],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /**
   * The case's row, locked until the transaction ends, and the current version of its policy:
   * two writers of one case queue here, so the second sees the first's version.
   */
  async lockForWrite(manager: EntityManager, id: string): Promise<LockedComplaint | null> {
    if (!isUuid(id)) return null;
    const rows: Array<StateRow & { policy: Policy | null }> = await manager.query(
      `SELECT c.state, c.updated_at, p.body AS policy
         FROM complaint c
         LEFT JOIN LATERAL (
           SELECT body FROM policy WHERE policy.id = c.policy_id ORDER BY version DESC LIMIT 1
         ) p ON true
        WHERE c.id = $1
        FOR UPDATE OF c`,
      [id],
    );
    const row = rows[0];
    return row ? { state: row.state, updatedAt: row.updated_at, currentPolicy: row.policy } : null;
  }

  async nextReferenceNumber(manager: EntityManager): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      "SELECT nextval('complaint_reference_seq')::int AS n",
    );
    const n = rows[0]?.n;
    if (n === undefined) throw new Error('The complaint reference sequence returned nothing.');
    return n;
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
   * Appends events in one statement. A second writer of the same version fails on the primary
   * key (complaint_id, version): the caller turns that into a conflict.
   */
  async appendEvents(
    manager: EntityManager,
    events: readonly NewEvent[],
  ): Promise<AppendedEvent[]> {
    if (events.length === 0) return [];
    const rows: Array<{ complaint_id: string; version: number; position: string }> =
      await manager.query(
        `INSERT INTO complaint_event
           (complaint_id, version, type, payload, occurred_at, actor_kind, actor_id, actor_name)
         SELECT e.complaint_id, e.version, e.type, e.payload::jsonb, e.occurred_at,
                e.actor_kind, e.actor_id, e.actor_name
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[],
                       $6::text[], $7::text[], $8::text[])
             AS e(complaint_id, version, type, payload, occurred_at, actor_kind, actor_id, actor_name)
         ORDER BY e.complaint_id, e.version
         RETURNING complaint_id, version, position`,
        [
          events.map((e) => e.complaintId),
          events.map((e) => e.version),
          events.map((e) => e.event.type),
          events.map((e) => JSON.stringify(e.event)),
          events.map((e) => e.event.at),
          events.map((e) => e.event.actor.kind),
          events.map((e) => e.event.actor.id),
          events.map((e) => e.event.actor.name ?? null),
        ],
      );
    return rows.map((row) => ({
      complaintId: row.complaint_id,
      version: row.version,
      position: String(row.position),
    }));
  }

  /**
   * Writes the read model and the deadline rows of each case: three statements whatever the
   * number of cases, so the demo data and a single write take the same path.
   */
  async saveReadModels(
    manager: EntityManager,
    cases: readonly { state: ComplaintState; deadlines: readonly Deadline[] }[],
    options: { readonly now: Date; readonly holidays?: BankHolidaysData },
  ): Promise<Date> {
    if (cases.length === 0) return options.now;
    const rows = cases.map(({ state, deadlines }) =>
      readModelOf(state, deadlines, options.holidays),
    );
    const now = options.now.toISOString();
    const columns = READ_MODEL_COLUMNS;
    const saved: Array<{ updated_at: Date }> = await manager.query(
      `INSERT INTO complaint (${columns.map((c) => c.name).join(', ')}, created_at, updated_at)
       SELECT ${columns.map((c) => (c.name === 'state' ? 'r.state::jsonb' : `r.${c.name}`)).join(', ')}, $${columns.length + 1}::timestamptz, $${columns.length + 1}::timestamptz
         FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
           AS r(${columns.map((c) => c.name).join(', ')})
       ON CONFLICT (id) DO UPDATE SET
         ${columns
           .filter((c) => c.name !== 'id' && c.name !== 'reference')
           .map((c) => `${c.name} = excluded.${c.name}`)
           .join(',\n         ')},
         updated_at = excluded.updated_at
       RETURNING updated_at`,
      [...columns.map((c) => rows.map((row) => row[c.name])), now],
    );

    const deadlineRows = cases.flatMap(({ state, deadlines }) =>
      deadlines.map((deadline) => deadlineRowOf(state, deadline, options.holidays)),
    );
    const ids = cases.map(({ state }) => state.id);
    // Deadlines a case no longer has (a withdrawn case's open ones) are removed; the others are
    // upserted, keeping the alert already raised unless the due date moved.
    await manager.query(
      `DELETE FROM complaint_deadline d
        WHERE d.complaint_id = ANY($1::uuid[])
          AND NOT EXISTS (
            SELECT 1 FROM unnest($2::uuid[], $3::smallint[], $4::text[]) AS k(complaint_id, stage, kind)
             WHERE k.complaint_id = d.complaint_id AND k.stage = d.stage AND k.kind = d.kind)`,
      [
        ids,
        deadlineRows.map((d) => d.complaintId),
        deadlineRows.map((d) => d.stage),
        deadlineRows.map((d) => d.kind),
      ],
    );
    if (deadlineRows.length > 0) {
      await manager.query(
        `INSERT INTO complaint_deadline
           (complaint_id, stage, kind, due_on, warn_on, met_at, provisional)
         SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::date[], $5::date[],
                              $6::timestamptz[], $7::boolean[])
         ON CONFLICT (complaint_id, stage, kind) DO UPDATE SET
           due_on = excluded.due_on,
           warn_on = excluded.warn_on,
           met_at = excluded.met_at,
           provisional = excluded.provisional,
           last_alert = CASE WHEN complaint_deadline.due_on = excluded.due_on
                             THEN complaint_deadline.last_alert END,
           last_alert_on = CASE WHEN complaint_deadline.due_on = excluded.due_on
                                THEN complaint_deadline.last_alert_on END`,
        [
          deadlineRows.map((d) => d.complaintId),
          deadlineRows.map((d) => d.stage),
          deadlineRows.map((d) => d.kind),
          deadlineRows.map((d) => d.dueOn),
          deadlineRows.map((d) => d.warnOn),
          deadlineRows.map((d) => d.metAt),
          deadlineRows.map((d) => d.provisional),
        ],
      );
    }
    return saved[0]?.updated_at ?? options.now;
  }

  /**
   * A page of cases and the number matching the filter, in one statement: the count is a window
   * over the filtered rows, taken before the cursor narrows them.
   */
  async findPage(
    filter: ComplaintFilter,
    order: ComplaintOrder,
    page: PageRequest,
    today: LocalDate,
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
    const cursorCondition = page.after
      ? `WHERE (w.sort_value, w.id) ${order.direction === 'asc' ? '>' : '<'} (${param(page.after.sortValue)}::${sort.type}, ${param(page.after.id)}::uuid)`
      : '';
    const sql = `
      SELECT c.state, c.updated_at, m.sort_value::text AS sort_text, m.id, m.total::int AS total
        FROM (
          SELECT w.id, w.sort_value, w.total
            FROM (
              SELECT id, ${expression} AS sort_value, count(*) OVER () AS total
                FROM complaint
               ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
            ) w
           ${cursorCondition}
           ORDER BY w.sort_value ${direction}, w.id ${direction}
           LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}
        ) m
        JOIN complaint c ON c.id = m.id
       ORDER BY m.sort_value ${direction}, m.id ${direction}`;
    const rows: Array<StateRow & { sort_text: string; id: string; total: number }> =
      await this.dataSource.query(sql, params);
    const first = rows[0];
    const totalCount = first ? first.total : await this.count(filter, today);
    return {
      rows: rows.map((row) => ({
        ...toRow(row),
        cursor: { sortValue: row.sort_text, id: row.id },
      })),
      totalCount,
    };
  }

  // Only for a page that came back empty (past the end), where no row carries the count.
  private async count(filter: ComplaintFilter, today: LocalDate): Promise<number> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = whereOf(filter, today, param);
    const rows: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM complaint ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return rows[0]?.total ?? 0;
  }

  /** Every event of these cases, in order, in one statement (for a DataLoader). */
  async findEventsByComplaintIds(ids: readonly string[]): Promise<StoredEvent[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    const rows: Array<{
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
    }> = await this.dataSource.query(
      `SELECT complaint_id, version, position, type, occurred_at, recorded_at,
              actor_kind, actor_id, actor_name, payload
         FROM complaint_event
        WHERE complaint_id = ANY($1::uuid[])
        ORDER BY complaint_id, version`,
      [valid],
    );
    return rows.map((row) => ({
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
    }));
  }

  async countAll(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM complaint',
    );
    return rows[0]?.n ?? 0;
  }
}

function toRow(row: StateRow): ComplaintRow {
  return { state: row.state, updatedAt: row.updated_at };
}

/** The WHERE conditions for the keys present in the filter (absent keys add nothing). */
function whereOf(
  filter: ComplaintFilter,
  today: LocalDate,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (filter.status !== undefined && filter.status.length > 0) {
    where.push(`status = ANY(${param([...filter.status])}::text[])`);
  }
  if (filter.stage !== undefined) where.push(`stage = ${param(filter.stage)}::smallint`);
  if (filter.overdue === true) where.push(`next_due_on < ${param(today)}::date`);
  if (filter.overdue === false) {
    where.push(`(next_due_on IS NULL OR next_due_on >= ${param(today)}::date)`);
  }
  if (filter.dueBefore !== undefined) where.push(`next_due_on < ${param(filter.dueBefore)}::date`);
  if (filter.category !== undefined) where.push(`category = ${param(filter.category)}`);
  if (filter.assignee !== undefined) where.push(`assignee = ${param(filter.assignee)}`);
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

// ---------------------------------------------------------------------------------------------
// The read model's columns, from a case's state.

const READ_MODEL_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'reference', type: 'text' },
  { name: 'version', type: 'int' },
  { name: 'status', type: 'text' },
  { name: 'stage', type: 'smallint' },
  { name: 'received_at', type: 'timestamptz' },
  { name: 'received_on', type: 'date' },
  { name: 'channel', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'tenure', type: 'text' },
  { name: 'assignee', type: 'text' },
  { name: 'complainant_name', type: 'text' },
  { name: 'vulnerable', type: 'boolean' },
  { name: 'summary', type: 'text' },
  { name: 'policy_id', type: 'text' },
  { name: 'policy_version', type: 'int' },
  { name: 'service_request_id', type: 'uuid' },
  { name: 'stage1_acknowledged_at', type: 'timestamptz' },
  { name: 'stage1_extended_days', type: 'int' },
  { name: 'stage1_responded_at', type: 'timestamptz' },
  { name: 'stage1_outcome', type: 'text' },
  { name: 'escalated_at', type: 'timestamptz' },
  { name: 'stage2_acknowledged_at', type: 'timestamptz' },
  { name: 'stage2_extended_days', type: 'int' },
  { name: 'stage2_responded_at', type: 'timestamptz' },
  { name: 'stage2_outcome', type: 'text' },
  { name: 'open_actions', type: 'int' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'close_reason', type: 'text' },
  { name: 'withdrawn_reason', type: 'text' },
  { name: 'refusal_reason', type: 'text' },
  { name: 'ombudsman_referred_at', type: 'timestamptz' },
  { name: 'next_due_on', type: 'date' },
  { name: 'next_due_kind', type: 'text' },
  { name: 'next_due_stage', type: 'smallint' },
  { name: 'auto_close_on', type: 'date' },
  // jsonb travels as text and is cast in SQL: both drivers pass a string through unchanged,
  // where a jsonb[] parameter would be encoded differently by each.
  { name: 'state', type: 'text' },
] as const;

type ReadModelRow = Record<(typeof READ_MODEL_COLUMNS)[number]['name'], unknown>;

const ENDED: ReadonlySet<ComplaintStatus> = new Set(['closed', 'withdrawn', 'refused']);

function readModelOf(
  state: ComplaintState,
  deadlines: readonly Deadline[],
  holidays: BankHolidaysData | undefined,
): ReadModelRow {
  const stage1: StageState | undefined = state.stages[0];
  const stage2: StageState | undefined = state.stages[1];
  const current = state.stages[state.stage - 1] ?? stage1;
  if (!current) throw new Error(`Complaint ${state.id} has no stage.`);
  const next = ENDED.has(state.status)
    ? undefined
    : deadlines
        .filter((d) => d.metAt === null)
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.stage - b.stage))[0];
  const extended = (stage: StageState | undefined) =>
    stage?.extensions.reduce((days, e) => days + e.workingDays, 0) ?? 0;
  const lastReferral = state.ombudsman[state.ombudsman.length - 1];
  return {
    id: state.id,
    reference: state.reference,
    version: state.version,
    status: state.status,
    stage: state.stage,
    received_at: state.receivedAt,
    received_on: localDateOf(state.receivedAt),
    channel: state.channel,
    category: state.category,
    tenure: state.tenure,
    assignee: current.handler,
    complainant_name: state.complainant.name,
    vulnerable: state.complainant.vulnerable === true,
    summary: state.summary,
    policy_id: current.policy.id,
    policy_version: current.policy.version,
    service_request_id: state.serviceRequestId,
    stage1_acknowledged_at: stage1?.acknowledgedAt ?? null,
    stage1_extended_days: extended(stage1),
    stage1_responded_at: stage1?.respondedAt ?? null,
    stage1_outcome: stage1?.outcome ?? null,
    escalated_at: stage2?.startedAt ?? null,
    stage2_acknowledged_at: stage2?.acknowledgedAt ?? null,
    stage2_extended_days: extended(stage2),
    stage2_responded_at: stage2?.respondedAt ?? null,
    stage2_outcome: stage2?.outcome ?? null,
    open_actions: state.actions.filter((a) => a.completedAt === null).length,
    closed_at: state.closedAt,
    close_reason: state.closeReason,
    withdrawn_reason: state.withdrawnReason,
    refusal_reason: state.refusal?.reason ?? null,
    ombudsman_referred_at: lastReferral?.referredAt ?? null,
    next_due_on: next?.dueOn ?? null,
    next_due_kind: next?.kind ?? null,
    next_due_stage: next?.stage ?? null,
    auto_close_on: autoCloseDueOn(state, holidays ? { holidays } : {}),
    state: JSON.stringify(state),
  };
}

interface DeadlineRow {
  complaintId: string;
  stage: number;
  kind: string;
  dueOn: LocalDate;
  warnOn: LocalDate;
  metAt: string | null;
  provisional: boolean;
}

function deadlineRowOf(
  state: ComplaintState,
  deadline: Deadline,
  holidays: BankHolidaysData | undefined,
): DeadlineRow {
  const policy = state.stages[deadline.stage - 1]?.policy;
  if (!policy)
    throw new Error(`Complaint ${state.id} has a deadline for a stage it has not reached.`);
  const calendar = calendarForPolicy(policy, holidays);
  return {
    complaintId: state.id,
    stage: deadline.stage,
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    // The day the deadline turns due soon: deadlineStatus counts working days after today up to
    // the due date, so it is the warning window's number of working days before the due date.
    warnOn: calendar.addWorkingDays(deadline.dueOn, -policy.warningDays),
    metAt: deadline.metAt,
    provisional: deadline.provisional,
  };
}
