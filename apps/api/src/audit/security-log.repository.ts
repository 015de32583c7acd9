import type { DataSource } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import {
  countUpTo,
  idsCondition,
  readPage,
  sqlParams,
  type ListSql,
  type PageWindow,
} from '../shared/keyset-page.js';
import type { OrderDirection } from '../shared/order-direction.js';

export const SECURITY_EVENT_KINDS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'sign-out-everywhere',
  'session-refreshed',
  'refresh-token-reused',
  'user-created',
  'user-changed',
  'role-changed',
  'teams-changed',
  'user-deactivated',
  'user-reactivated',
  'password-changed',
  'password-reset',
  'team-created',
  'api-key-created',
  'api-key-first-used',
  'api-key-revoked',
  'export',
  'homes-changed',
  'attachment-downloaded',
  'resident-anonymised',
  'case-file-exported',
  'subject-access-exported',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEvent {
  readonly kind: SecurityEventKind;
  readonly actorKind: string | null;
  readonly actorId: string | null;
  readonly subjectKind: string | null;
  readonly subjectId: string | null;
  readonly address: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface StoredSecurityEvent extends SecurityEvent {
  readonly id: string;
  readonly at: Date;
}

export interface SecurityLogFilter {
  readonly kinds?: readonly SecurityEventKind[];
  /** Events caused by this user or key, or done to them. */
  readonly involving?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Older than this id (for the next page). */
  readonly before?: string;
  readonly limit: number;
}

/** What a page of the log may be narrowed to (the log's own filter, without its paging). */
export interface SecurityLogPageFilter {
  readonly ids?: readonly string[];
  readonly kinds?: readonly SecurityEventKind[];
  readonly involving?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** An entry's id, as a cursor of the log carries it. */
export const SECURITY_LOG_ID = /^\d{1,18}$/;

const COLUMNS =
  'id::text AS id, at, kind, actor_kind, actor_id, subject_kind, subject_id, address, detail';

function listSqlOf(filter: SecurityLogPageFilter, direction: OrderDirection): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param, 'id', 'bigint'));
  if (filter.kinds && filter.kinds.length > 0) {
    where.push(`kind = ANY(${param([...filter.kinds])}::text[])`);
  }
  if (filter.involving !== undefined) {
    const who = param(filter.involving);
    where.push(`(actor_id = ${who} OR subject_id = ${who})`);
  }
  if (filter.from) where.push(`at >= ${param(filter.from.toISOString())}::timestamptz`);
  if (filter.to) where.push(`at < ${param(filter.to.toISOString())}::timestamptz`);
  return {
    from: 'security_log',
    columns: COLUMNS,
    where,
    params,
    // Indexed in this order (ix_security_log_at, migration 1764633600000-list-orderings).
    sort: { expression: 'at', type: 'timestamptz', id: 'security_log.id', idType: 'bigint' },
    direction,
  };
}

/** The append-only security log: written beside what it records, read by admins. */
export class SecurityLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(event: SecurityEvent, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO security_log
         (at, kind, actor_kind, actor_id, subject_kind, subject_id, address, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        at.toISOString(),
        event.kind,
        event.actorKind,
        event.actorId,
        event.subjectKind,
        event.subjectId,
        event.address,
        JSON.stringify(event.detail),
      ],
    );
  }

  /** A page of the log in order of `at`, each entry with its position. */
  async findPage(
    filter: SecurityLogPageFilter,
    direction: OrderDirection,
    window: PageWindow,
  ): Promise<Array<{ row: StoredSecurityEvent; cursor: PageCursor }>> {
    const read = await readPage<SecurityLogRow>(
      this.dataSource,
      listSqlOf(filter, direction),
      window,
    );
    return read.map(({ row, cursor }) => ({ row: toStored(row), cursor }));
  }

  async countUpTo(filter: SecurityLogPageFilter, bound: number): Promise<BoundedCount> {
    return countUpTo(this.dataSource, listSqlOf(filter, 'desc'), bound);
  }

  /** Newest first. */
  async find(filter: SecurityLogFilter): Promise<StoredSecurityEvent[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.kinds && filter.kinds.length > 0) {
      where.push(`kind = ANY(${param([...filter.kinds])}::text[])`);
    }
    if (filter.involving !== undefined) {
      const who = param(filter.involving);
      where.push(`(actor_id = ${who} OR subject_id = ${who})`);
    }
    if (filter.from) where.push(`at >= ${param(filter.from.toISOString())}::timestamptz`);
    if (filter.to) where.push(`at < ${param(filter.to.toISOString())}::timestamptz`);
    if (filter.before !== undefined) where.push(`id < ${param(filter.before)}::bigint`);
    const rows: SecurityLogRow[] = await this.dataSource.query(
      `SELECT id::text AS id, at, kind, actor_kind, actor_id, subject_kind, subject_id, address,
              detail
         FROM security_log
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY security_log.id DESC
        LIMIT ${param(filter.limit)}`,
      params,
    );
    return rows.map(toStored);
  }
}

interface SecurityLogRow {
  id: string;
  at: Date;
  kind: SecurityEventKind;
  actor_kind: string | null;
  actor_id: string | null;
  subject_kind: string | null;
  subject_id: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

function toStored(row: SecurityLogRow): StoredSecurityEvent {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    address: row.address,
    detail: row.detail,
  };
}
