import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { OperationRefusedError, type AppError } from '../errors/app-errors.js';
import { toGraphQLError } from '../errors/graphql-errors.js';
import { inputProblem } from './input-check.js';
import { costOf } from './operation-cost.js';
import { shapeOf } from './operation-shape.js';

// The standard introspection query (graphql-js's, which react-admin, codegen tools and IDEs send
// at start-up) is 15 fields deep, with 230 fields and no alias; the deepest data the schema
// holds is 7 deep. Each limit leaves that well inside, and refuses what only a probe would send:
// the introspection type graph is cyclic (`ofType`, `fields { type { fields ...`), so depth and
// breadth are what bound it, and each alias is one more copy of the answer.

/** The deepest nesting of fields an operation may have. */
export const MAX_DEPTH = 20;
/** The most aliased fields in one document. */
export const MAX_ALIASES = 50;
/** The most fields in one document, counted as they run (fragments where spread). */
export const MAX_FIELDS = 1_000;
/** The most mutation fields (writes) in one operation. */
export const MAX_MUTATION_FIELDS = 10;
/** The largest answer sent over HTTP; larger is refused (see graphql-http.ts). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface OperationLimitOptions {
  /** The largest estimated cost (server.ts DEFAULT_MAX_COMPLEXITY, REDRESS_MAX_COMPLEXITY). */
  readonly maxComplexity: number;
}

interface Request {
  readonly document: DocumentNode;
  readonly variables?: Readonly<Record<string, unknown>> | null;
  readonly operationName?: string | null;
}

/**
 * The first limit a document breaks by its shape alone: depth, aliases, fields, writes. Linear
 * in the document, so it runs before graphql's validation, whose cost grows with the fields.
 */
export function shapeRefusal(document: DocumentNode): OperationRefusedError | undefined {
  const shape = shapeOf(document);
  if (shape.depth > MAX_DEPTH) {
    return new OperationRefusedError(
      'QUERY_TOO_DEEP',
      `This operation nests fields ${shape.depth} deep, over the limit of ${MAX_DEPTH}: ask for less nested data.`,
      { depth: shape.depth, maximumDepth: MAX_DEPTH },
    );
  }
  if (shape.aliases > MAX_ALIASES) {
    return new OperationRefusedError(
      'TOO_MANY_ALIASES',
      `This document has ${shape.aliases} aliased fields, over the limit of ${MAX_ALIASES}: send several requests, or use lists and filters.`,
      { aliases: shape.aliases, maximumAliases: MAX_ALIASES },
    );
  }
  if (shape.fields > MAX_FIELDS) {
    return new OperationRefusedError(
      'TOO_MANY_FIELDS',
      `This document asks for ${shape.fields} fields, over the limit of ${MAX_FIELDS}: ask for fewer fields.`,
      { fields: shape.fields, maximumFields: MAX_FIELDS },
    );
  }
  if (shape.mutationFields > MAX_MUTATION_FIELDS) {
    return new OperationRefusedError(
      'TOO_MANY_MUTATIONS',
      `This mutation makes ${shape.mutationFields} writes, over the limit of ${MAX_MUTATION_FIELDS} a request: nothing was written. Send them in several requests.`,
      { mutations: shape.mutationFields, maximumMutations: MAX_MUTATION_FIELDS },
    );
  }
  return undefined;
}

/** The operation's estimated cost over the maximum, or undefined. */
export function costRefusal(
  schema: GraphQLSchema,
  request: Request,
  maximum: number,
): OperationRefusedError | undefined {
  let complexity: number;
  try {
    complexity = costOf(
      schema,
      request.document,
      request.variables ?? undefined,
      request.operationName ?? undefined,
    );
  } catch (error) {
    // Variables that do not fit their types, or no such operation: graphql-js refuses them
    // next, in its own words, as the caller's mistake.
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
  if (complexity <= maximum) return undefined;
  return new OperationRefusedError(
    'QUERY_TOO_COMPLEX',
    `This operation would cost ${complexity}, over the limit of ${maximum}: ask for fewer items per page or fewer fields.`,
    { complexity, maximumComplexity: maximum },
  );
}

/**
 * Every limit, in the order they are cheapest to find: what the WebSocket asks before a
 * subscription starts, and HTTP in two steps (apollo-limits.plugin.ts).
 */
export function operationRefusal(
  schema: GraphQLSchema,
  request: Request,
  options: OperationLimitOptions,
): AppError | undefined {
  return (
    shapeRefusal(request.document) ??
    inputProblem(schema, request.document, request.variables) ??
    costRefusal(schema, request, options.maxComplexity)
  );
}

/**
 * For graphql-ws's `onSubscribe`: the errors refusing a subscription over a limit, or undefined
 * to let graphql-ws parse, validate and run it as usual. A document over the token limit, or one
 * that does not parse, is refused here, so that graphql-ws never parses it without the limit.
 *
 *     onSubscribe: (_ctx, _id, payload) => refuseOverLimits(schema, payload, maxComplexity),
 */
export function refuseOverLimits(
  schema: GraphQLSchema,
  payload: {
    readonly query: string;
    readonly variables?: Readonly<Record<string, unknown>> | null;
    readonly operationName?: string | null;
  },
  maxComplexity: number,
): readonly GraphQLError[] | undefined {
  let document: DocumentNode;
  try {
    // The same token limit as over HTTP: past it, nothing walks the document.
    document = parse(payload.query, { maxTokens: MAX_DOCUMENT_TOKENS });
  } catch (error) {
    if (error instanceof GraphQLError) {
      return [new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    throw error;
  }
  const refusal = operationRefusal(
    schema,
    { document, variables: payload.variables, operationName: payload.operationName },
    { maxComplexity },
  );
  return refusal ? [toGraphQLError(refusal)] : undefined;
}

/**
 * Far above any operation a console or partner sends, far below what strains the parser: a
 * document of more tokens is refused at parse, before graphql-js's validation walks it (a chain
 * of thousands of fragments would overflow its stack). The standard introspection query is about
 * 1,500 tokens.
 */
export const MAX_DOCUMENT_TOKENS = 15_000;

/** A refusal as Apollo answers it over HTTP: the mapped error, with status 400. */
export function httpRefusal(refusal: AppError): GraphQLError {
  const mapped = toGraphQLError(refusal);
  return new GraphQLError(mapped.message, {
    extensions: { ...mapped.extensions, http: { status: 400 } },
  });
}
