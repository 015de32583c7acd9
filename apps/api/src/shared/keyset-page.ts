import type { BoundedCount } from './connection.js';
import type { PageCursor } from './cursor.js';
import { isUuid } from './uuid.js';

/** What runs the SQL: a data source or an entity manager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Which rows of a list a page holds: after a position, or from an offset, at most `limit`. */
export interface PageWindow {
  readonly limit: number;
  readonly offset: number;
  readonly after?: PageCursor;
}

/** How a list is ordered: a sort expression, then the id, both the same way. */
export interface SortKey {
  readonly expression: string;
  /** The SQL type a cursor's sort value is cast back to. */
  readonly type: string;
  readonly id: string;
  readonly idType: string;
}

/**
 * A list's SQL: its rows, the conditions of its filter (placeholders `$1`… numbering `params`)
 * and its order. Paging and counting add their own parameters after these.
 */
export interface ListSql {
  /** A table, or a parenthesised subquery with an alias. */
  readonly from: string;
  readonly columns: string;
  readonly where: readonly string[];
  readonly params: readonly unknown[];
  readonly sort: SortKey;
  readonly direction: 'asc' | 'desc';
}

/** Collects a statement's parameters: `param(value)` answers its placeholder. */
export function sqlParams(): { params: unknown[]; param: (value: unknown) => string } {
  const params: unknown[] = [];
  return { params, param: (value) => `$${params.push(value)}` };
}

/**
 * One page, by keyset after a cursor (the index in the list's order is walked from the
 * position) or by offset. Each row comes back with its position, for its cursor.
 */
export async function readPage<Row>(
  db: Queryable,
  list: ListSql,
  window: PageWindow,
): Promise<Array<{ row: Row; cursor: PageCursor }>> {
  const params = [...list.params];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const { sort } = list;
  const where = [...list.where];
  if (window.after) {
    const beyond = list.direction === 'asc' ? '>' : '<';
    where.push(
      `(${sort.expression}, ${sort.id}) ${beyond} (${param(window.after.sortValue)}::${sort.type}, ${param(window.after.id)}::${sort.idType})`,
    );
  }
  const direction = list.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = (await db.query(
    `SELECT ${list.columns}, (${sort.expression})::text AS page_sort, (${sort.id})::text AS page_id
       FROM ${list.from}
       ${whereClause(where)}
      ORDER BY ${sort.expression} ${direction}, ${sort.id} ${direction}
      LIMIT ${param(window.limit)} OFFSET ${param(window.offset)}`,
    params,
  )) as Array<Row & { page_sort: string; page_id: string }>;
  return rows.map((row) => ({ row, cursor: { sortValue: row.page_sort, id: row.page_id } }));
}

/**
 * How many rows match, counting at most `bound`: the statement stops after `bound + 1`, so a
 * count over a large table costs no more than reading that many index entries.
 */
export async function countUpTo(
  db: Queryable,
  list: Pick<ListSql, 'from' | 'where' | 'params'>,
  bound: number,
): Promise<BoundedCount> {
  const params = [...list.params];
  const rows = (await db.query(
    `SELECT count(*)::int AS n
       FROM (SELECT 1 FROM ${list.from} ${whereClause(list.where)} LIMIT $${params.push(bound + 1)}) AS bounded`,
    params,
  )) as Array<{ n: number }>;
  const n = rows[0]?.n ?? 0;
  return n > bound ? { count: bound, exact: false } : { count: n, exact: true };
}

function whereClause(where: readonly string[]): string {
  return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * `column` among these ids. On a uuid column, an id that cannot be one matches nothing rather
 * than fail the statement.
 */
export function idsCondition(
  ids: readonly string[],
  param: (value: unknown) => string,
  column = 'id',
  type: 'uuid' | 'text' | 'bigint' = 'uuid',
): string {
  const unique = [...new Set(ids)];
  const valid =
    type === 'uuid'
      ? unique.filter(isUuid)
      : type === 'bigint'
        ? unique.filter((id) => /^\d{1,18}$/.test(id))
        : unique;
  return valid.length === 0 ? 'false' : `${column} = ANY(${param(valid)}::${type}[])`;
}

/** An ILIKE pattern for text anywhere, the pattern's own characters taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
