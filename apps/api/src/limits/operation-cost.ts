import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';

/** A page size for a list asked for without `first`. */
const DEFAULT_PAGE_SIZE = 25;

/**
 * A field that pages by `first` costs its page size times what is asked of each item, unless it
 * says its own cost: a list added later is priced by what it can answer, not as one field.
 */
const pagedByFirst: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(1, first) * childComplexity;
};

/**
 * The estimated cost of running an operation: one per field, introspection and every alias
 * included, lists that page costing once per item. Throws graphql's own error when the
 * variables do not fit their types or the operation is not in the document.
 */
export function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  operationName: string | undefined,
): number {
  // graphql-query-complexity reads the name of every operation when a name is asked for, and
  // fails on an unnamed one: a name no operation has is refused here, in graphql's words.
  if (
    operationName !== undefined &&
    !document.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === operationName,
    )
  ) {
    throw new GraphQLError(`Unknown operation named "${operationName}".`);
  }
  return getComplexity({
    schema,
    query: document,
    variables: { ...variables },
    operationName,
    estimators: [
      fieldExtensionsEstimator(),
      pagedByFirst,
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}
