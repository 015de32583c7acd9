import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfoType } from './page-info.type.js';
import type { Page } from './page.js';

/** The most matches a `totalCount` counts; past it the count says so (`totalCountIsExact`). */
export const COUNT_BOUND = 10_000;

/** A count that stops at a bound: `exact` false means "at least `count`". */
export interface BoundedCount {
  readonly count: number;
  readonly exact: boolean;
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

/**
 * A page as every list answers it. The two counts may be promises: a list computes its count
 * only when a query selects one of them (graphql resolves a field's promise, and reads no field
 * that was not asked for).
 */
export interface Connection<N> {
  nodes: N[];
  edges: Edge<N>[];
  pageInfo: PageInfoType;
  totalCount: number | Promise<number>;
  totalCountIsExact: boolean | Promise<boolean>;
}

const TOTAL_COUNT = `How many match the filter, on every page, counting at most ${COUNT_BOUND.toLocaleString('en-GB')}: computed only when selected.`;
const TOTAL_COUNT_IS_EXACT = `false when more than ${COUNT_BOUND.toLocaleString('en-GB')} match and totalCount stopped there.`;

/**
 * `<Thing>Edge` and `<Thing>Connection` for a node type. Plain data (`simpleResolvers`): a test
 * holds that no field of these has a role or middleware.
 */
export function connectionTypes<N extends object>(
  name: string,
  node: ClassType<N>,
  description: string,
): { Edge: ClassType<Edge<N>>; Connection: ClassType<Connection<N>> } {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType implements Edge<N> {
    @Field()
    cursor: string;

    @Field(() => node)
    node: N;
  }

  @ObjectType(`${name}Connection`, { description, simpleResolvers: true })
  class ConnectionType implements Connection<N> {
    @Field(() => [node])
    nodes: N[];

    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfoType)
    pageInfo: PageInfoType;

    // Not simple: graphql-jit reads a field without a resolver as a plain value, and these
    // answer promises.
    @Field(() => Int, { description: TOTAL_COUNT, simple: false })
    totalCount: number | Promise<number>;

    @Field(() => Boolean, { description: TOTAL_COUNT_IS_EXACT, simple: false })
    totalCountIsExact: boolean | Promise<boolean>;
  }
  return { Edge: EdgeType, Connection: ConnectionType };
}

/**
 * The answer to a list query: edges built only when asked for, the count run only when a count
 * is selected, and once for both fields.
 */
export function toConnection<T, N>(page: Page<T>, map: (item: T) => N): Connection<N> {
  const nodes = page.nodes.map((item) => map(item));
  let counted: Promise<BoundedCount> | undefined;
  const count = (): Promise<BoundedCount> => (counted ??= page.count());
  return {
    nodes,
    get edges() {
      return nodes.map((node, index) => ({ cursor: page.cursors[index] ?? '', node }));
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    get totalCount() {
      return count().then((c) => c.count);
    },
    get totalCountIsExact() {
      return count().then((c) => c.exact);
    },
  };
}
