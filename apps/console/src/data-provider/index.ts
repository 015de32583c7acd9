/**
 * The console's data provider: react-admin's verbs as GraphQL over fetch, built by hand from one
 * description per resource (resources.ts) rather than with ra-data-graphql. Why: that library
 * introspects the schema before the first screen (a round trip, and the API refuses
 * introspection to anyone not signed in), pulls in Apollo Client (a large share of the bundle)
 * and guesses operations from naming conventions this schema does not follow (lists are
 * connections with one shared argument shape, records have their own mutations, not
 * create/update/delete per type). A few lines per resource say exactly what is sent.
 */
import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { graphqlRequest } from '../shared/graphql-client';
import {
  buildList,
  buildMany,
  buildMutation,
  buildOne,
  MAX_PAGE_SIZE,
  type BuiltQuery,
} from './build-query';
import type { ResourceDescription, Variables } from './resource';
import { RESOURCES } from './resources';

export type Request = <T>(
  query: string,
  variables: Variables,
  options?: { signal?: AbortSignal; partial?: boolean },
) => Promise<T>;

interface Connection {
  nodes: RaRecord[];
  pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount?: number;
  totalCountIsExact?: boolean;
}

function describe(resource: string): ResourceDescription {
  const description = RESOURCES[resource];
  if (!description) {
    throw new HttpError(`The console knows no resource called "${resource}".`, 404, {
      code: 'UNKNOWN_RESOURCE',
      graphQLErrors: [],
    });
  }
  return description;
}

function cannot(resource: string, verb: string): never {
  throw new HttpError(`The API has no way to ${verb} ${resource}.`, 405, {
    code: 'NOT_SUPPORTED',
    graphQLErrors: [],
  });
}

/** The first (only) field of an answer: `{ complaints: {...} }` → the connection. */
function answerOf<T>(data: Record<string, T>, built: BuiltQuery): T {
  const field = /\{\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(built.query)?.[1];
  const value = field ? data[field] : undefined;
  if (value === undefined) throw new HttpError('The API answered without the data asked for.', 500);
  return value;
}

/** Reads tolerate a field refused within the answer (personal data to an analyst). */
const READ = { partial: true };

export function createDataProvider(request: Request = graphqlRequest): DataProvider {
  const list = async (
    description: ResourceDescription,
    params: GetListParams,
  ): Promise<GetListResult> => {
    const built = buildList(description, {
      page: params.pagination?.page ?? 1,
      perPage: params.pagination?.perPage ?? 25,
      sortField: params.sort?.field,
      sortOrder: params.sort?.order,
      filter: params.filter,
      withTotal: description.list.counted !== false,
    });
    const data = await request<Record<string, Connection>>(built.query, built.variables, {
      ...READ,
      signal: params.signal,
    });
    const connection = answerOf(data, built);
    if (
      description.list.counted === false ||
      connection.totalCountIsExact === false ||
      connection.totalCount === undefined
    ) {
      // Past the count's bound react-admin pages on without a total (partial pagination).
      return {
        data: connection.nodes,
        pageInfo: {
          hasNextPage: connection.pageInfo?.hasNextPage ?? false,
          hasPreviousPage: connection.pageInfo?.hasPreviousPage ?? false,
        },
      };
    }
    return { data: connection.nodes, total: connection.totalCount };
  };

  const many = async (
    description: ResourceDescription,
    ids: readonly string[],
    signal?: AbortSignal,
  ) => {
    const unique = [...new Set(ids.map(String))];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE)
      chunks.push(unique.slice(i, i + MAX_PAGE_SIZE));
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const built = buildMany(description, chunk);
        const data = await request<Record<string, Connection>>(built.query, built.variables, {
          ...READ,
          signal,
        });
        return answerOf(data, built).nodes;
      }),
    );
    return pages.flat();
  };

  const mutate = async (
    description: ResourceDescription,
    kind: 'create' | 'update',
    data: Variables,
    id?: string,
  ) => {
    const built = buildMutation(description, kind, data, id);
    if (!built) cannot(description.resource, kind === 'create' ? 'create' : 'change');
    const answer = await request<Record<string, RaRecord>>(built.query, built.variables);
    return answerOf(answer, built);
  };

  return {
    getList: async <R extends RaRecord>(resource: string, params: GetListParams) =>
      (await list(describe(resource), params)) as GetListResult<R>,

    getOne: async <R extends RaRecord>(resource: string, params: GetOneParams<R>) => {
      const description = describe(resource);
      const built = buildOne(description, String(params.id));
      const data = await request<Record<string, RaRecord | Connection | null>>(
        built.query,
        built.variables,
        { ...READ, signal: params.signal },
      );
      const answer = answerOf(data, built);
      const record = answer && 'nodes' in answer ? answer.nodes[0] : answer;
      if (!record) {
        throw new HttpError(`No ${resource} record has the id "${params.id}".`, 404, {
          code: 'NOT_FOUND',
          graphQLErrors: [],
        });
      }
      return { data: record as R };
    },

    getMany: async <R extends RaRecord>(resource: string, params: GetManyParams<R>) => ({
      data: (await many(describe(resource), params.ids.map(String), params.signal)) as R[],
    }),

    getManyReference: async <R extends RaRecord>(
      resource: string,
      params: GetManyReferenceParams,
    ) =>
      (await list(describe(resource), {
        ...params,
        filter: { ...params.filter, [params.target]: params.id },
      })) as GetListResult<R>,

    create: async <R extends RaRecord>(resource: string, params: CreateParams) => ({
      data: (await mutate(describe(resource), 'create', params.data as Variables)) as R,
    }),

    update: async <R extends RaRecord>(resource: string, params: UpdateParams) => ({
      data: (await mutate(
        describe(resource),
        'update',
        params.data as Variables,
        String(params.id),
      )) as R,
    }),

    updateMany: async (resource, params) => {
      const description = describe(resource);
      if (!description.update) cannot(resource, 'change');
      const done = await Promise.all(
        params.ids.map((id) => mutate(description, 'update', params.data as Variables, String(id))),
      );
      return { data: done.map((record) => record.id) };
    },

    delete: async (resource) => cannot(resource, 'delete'),
    deleteMany: async (resource) => cannot(resource, 'delete'),
  };
}

export const dataProvider = createDataProvider();
