// The one typed description of a read-model table: each column's name and SQL type. The rows a
// projection makes are typed from it, and the write sends them as one array parameter per
// column, cast to the column's type, so a column cannot be named in one place and missed in
// another.

/** The SQL types the read model uses, and what a value of each is in TypeScript. */
interface SqlValues {
  uuid: string;
  text: string;
  int: number;
  smallint: number;
  boolean: boolean;
  date: string;
  timestamptz: string;
}

export type SqlType = keyof SqlValues;

export interface ColumnSpec {
  readonly name: string;
  readonly type: SqlType;
}

/** A row of the columns given: every column present, each of its type or null. */
export type RowOf<Columns extends readonly ColumnSpec[]> = {
  [C in Columns[number] as C['name']]: SqlValues[C['type']] | null;
};

/**
 * `unnest($1::uuid[], $2::text[], …)`: the rows as one array parameter per column, in the
 * columns' order.
 */
export function unnestOf<Columns extends readonly ColumnSpec[]>(
  columns: Columns,
  rows: readonly RowOf<Columns>[],
  param: (value: unknown) => string,
): string {
  const arrays = columns.map((column) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[column.name] ?? null);
    return `${param(values)}::${column.type}[]`;
  });
  return `unnest(${arrays.join(', ')})`;
}

/** The columns' names, comma-separated, for a column list or an alias list. */
export function namesOf(columns: readonly ColumnSpec[], prefix = ''): string {
  return columns.map((column) => `${prefix}${column.name}`).join(', ');
}
