/**
 * What the data provider knows of one resource: the API's list query and its argument types,
 * the fields a list and a page select, how react-admin's filter and sort keys map onto the
 * API's, and the mutations the API has for it. The query builder (build-query.ts) turns these
 * into GraphQL text; nothing else in the console writes list or record queries by hand.
 */

export type Variables = Record<string, unknown>;

export interface MutationDescription {
  /** The mutation's field, e.g. "createUser". */
  field: string;
  /** The variables it declares, e.g. "$input: CreateUserInput!". */
  variables: string;
  /** Its arguments, e.g. "input: $input". */
  args: string;
  /** react-admin's record data (and, for update, the record's id) as the mutation's variables. */
  toVariables(data: Variables, id?: string): Variables;
}

export interface ResourceDescription {
  /** react-admin's resource name, the one App.tsx registers. */
  resource: string;
  /** The list query answering the list shape (filter, orderBy, first, after, offset). */
  list: {
    query: string;
    filterType: string;
    orderType: string;
    /** react-admin's sort field → the API's order field enum value. */
    sortFields: Readonly<Record<string, string>>;
    /** The order when react-admin asks for a sort field the API cannot order by. */
    defaultSort: { field: string; direction: 'ASC' | 'DESC' };
    /**
     * false: list pages ask for no totalCount and page on by hasNextPage (react-admin's partial
     * pagination). For a list that grows with the landlord, where even a bounded count walks up
     * to 10,001 matching rows on every page (docs/benchmarks.md).
     */
    counted?: boolean;
  };
  /** The single-record query, `<query>(id: ID!)`; absent when the API has none (read by ids). */
  one?: string;
  /** Fields selected for a list row. */
  listFields: string;
  /** Fields selected for a record's page (getOne). */
  showFields: string;
  /** react-admin's filter values → the API's filter input. Unknown keys are dropped. */
  filter(values: Variables): Variables;
  create?: MutationDescription;
  update?: MutationDescription;
}

/** Keys whose value is neither undefined, null nor an empty string or list. */
export function given(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Copies the given values of `keys` from react-admin's filter, renamed by `rename`. */
export function pick(
  values: Variables,
  keys: readonly string[],
  rename: Readonly<Record<string, string>> = {},
): Variables {
  const out: Variables = {};
  for (const key of keys) {
    if (given(values[key])) out[rename[key] ?? key] = values[key];
  }
  return out;
}

/** react-admin's `q` (its search box) is the API's `text`; `ids` is every list's. */
export function commonFilter(values: Variables): Variables {
  const out: Variables = {};
  if (given(values.q)) out.text = String(values.q).trim();
  if (given(values.ids)) out.ids = (values.ids as unknown[]).map(String);
  return out;
}
