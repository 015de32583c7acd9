import type {
  Channel,
  CloseReason,
  ComplaintScope,
  ComplaintState,
  ComplaintStatus,
  LocalDate,
  StageNumber,
  Tenure,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import { countUpTo, sqlParams } from '../shared/keyset-page.js';
import { isUuid } from '../shared/uuid.js';
import type { PolicyRef, PolicyVersionCache } from '../policies/policy-version.repository.js';
import { fromSnapshot, policyRefsOf, type ComplaintSnapshot } from './complaint-snapshot.mapper.js';
import type {
  ComplaintFilter,
  ComplaintForWrite,
  ComplaintOrder,
  ComplaintRow,
  ComplaintSummary,
  PageRequest,
  PageRows,
} from './complaint-query.types.js';
import { scopeCondition, SORT_EXPRESSIONS, whereOf } from './complaint-where.js';
import {
  nextDeadlineColumns,
  nextDeadlinePolicyRef,
  toStoredNextDeadline,
  type NextDeadlineRow,
} from './deadline-read-model.js';
import { runNamed } from '../database/named-statement.js';

// The reads of the read model: a case by id or reference, a case for a write, pages and counts.
// The SQL is written out rather than built by TypeORM's query builder: row-value cursors and
// the sort expressions read more plainly as SQL, and each method is one statement.

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

export class ComplaintQueryRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyVersionCache,
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
    const rows = await runNamed<StateRow & { policy_id: string; current_version: number | null }>(
      this.dataSource,
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

  async countAll(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM complaint',
    );
    return rows[0]?.n ?? 0;
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
}
