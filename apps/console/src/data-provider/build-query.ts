import type { ResourceDescription, Variables } from './resource';

/** The most records one page may hold, and one `ids` filter name (the API's list shape). */
export const MAX_PAGE_SIZE = 200;
/** The furthest `offset` the API accepts. */
export const MAX_OFFSET = 10_000;

export interface BuiltQuery {
  query: string;
  variables: Variables;
}

export interface ListParams {
  page: number;
  perPage: number;
  sortField?: string;
  sortOrder?: 'ASC' | 'DESC' | string;
  filter?: Variables;
  /** Ask for totalCount (and whether it is exact). */
  withTotal?: boolean;
}

/** One line of GraphQL from a field list written over several lines. */
const squash = (fields: string) => fields.replace(/\s+/g, ' ').trim();

// The API's OrderDirection enum is named ASC and DESC: a variable must carry the enum's name.
function order(description: ResourceDescription, field?: string, sortOrder?: string) {
  const mapped = field ? description.list.sortFields[field] : undefined;
  if (!mapped) {
    const { defaultSort } = description.list;
    return { field: defaultSort.field, direction: defaultSort.direction.toUpperCase() };
  }
  return { field: mapped, direction: sortOrder === 'DESC' ? 'DESC' : 'ASC' };
}

/** A page of a list: react-admin's page/perPage as first/offset, its sort as orderBy. */
export function buildList(description: ResourceDescription, params: ListParams): BuiltQuery {
  const { list } = description;
  const first = Math.min(Math.max(1, Math.trunc(params.perPage)), MAX_PAGE_SIZE);
  const offset = Math.max(0, (Math.trunc(params.page) - 1) * first);
  const total = params.withTotal === false ? '' : ' totalCount totalCountIsExact';
  const query =
    `query ${list.query}($filter: ${list.filterType}, $orderBy: ${list.orderType}, ` +
    `$first: Int, $offset: Int) { ${list.query}(filter: $filter, orderBy: $orderBy, ` +
    `first: $first, offset: $offset) { nodes { ${squash(description.listFields)} } ` +
    `pageInfo { hasNextPage hasPreviousPage }${total} } }`;
  return {
    query,
    variables: {
      filter: description.filter(params.filter ?? {}),
      orderBy: order(description, params.sortField, params.sortOrder),
      first,
      offset,
    },
  };
}

/** Records by id: the list with `filter: { ids }` (or the single query when asked for one). */
export function buildMany(description: ResourceDescription, ids: readonly string[]): BuiltQuery {
  const { list } = description;
  const query =
    `query ${list.query}ByIds($filter: ${list.filterType}, $first: Int) { ` +
    `${list.query}(filter: $filter, first: $first) { nodes { ${squash(description.listFields)} } } }`;
  return { query, variables: { filter: { ids: [...ids] }, first: ids.length } };
}

/** One record for its page: the single query, or the list by that one id where there is none. */
export function buildOne(description: ResourceDescription, id: string): BuiltQuery {
  if (!description.one) {
    const { list } = description;
    return {
      query:
        `query ${list.query}One($filter: ${list.filterType}) { ` +
        `${list.query}(filter: $filter, first: 1) { nodes { ${squash(description.showFields)} } } }`,
      variables: { filter: { ids: [id] } },
    };
  }
  return {
    query: `query ${description.one}($id: ID!) { ${description.one}(id: $id) { ${squash(description.showFields)} } }`,
    variables: { id },
  };
}

/** A create or update, selecting what a record's page shows so the cache holds all of it. */
export function buildMutation(
  description: ResourceDescription,
  kind: 'create' | 'update',
  data: Variables,
  id?: string,
): BuiltQuery | undefined {
  const mutation = description[kind];
  if (!mutation) return undefined;
  return {
    query:
      `mutation ${mutation.field}(${mutation.variables}) { ` +
      `${mutation.field}(${mutation.args}) { ${squash(description.showFields)} } }`,
    variables: mutation.toVariables(data, id),
  };
}
