import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { OperationRefusedError } from './errors/app-errors.js';
import { httpRefusal } from './limits/operation-limits.js';

const SUBSCRIPTION_OVER_HTTP = httpRefusal(
  new OperationRefusedError(
    'SUBSCRIPTION_OVER_HTTP',
    'Subscriptions are served over WebSocket (graphql-ws) at the same /graphql path, not over HTTP. Connect with a graphql-ws client and subscribe there.',
  ),
);

/** How often an operation runs interpreted before it is compiled. */
export const COMPILE_AFTER_RUNS = 2;

// Operations that come again (a partner's list query, the console's screens) are compiled by
// graphql-jit into plain functions, once per document, and run as such. graphql-js interprets
// the document field by field on every request, building each field's arguments and resolve
// info as it goes: on a page of 50 complaints that was about a fifth of the Node thread's time,
// and compiled it is a few per cent (docs/benchmarks.md). An operation seen for the first time
// runs through graphql-js, since compiling costs more than one run saves; subscriptions always
// do (graphql-ws serves them, not this).
//
// Apollo Server 4 and 5 take another executor only through their gateway interface, which is
// what this is: the schema is ours and fixed, the executor is the only part used.

/** What is kept per document: runs so far, then the compiled operation per operation name. */
type Seen = { runs: number } | { compiled: Map<string, CompiledQuery | GatewayExecutionResult> };

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  // Apollo keeps each parsed document in its own cache and hands the same object back for the
  // same text, so a weak map holds the compiled form exactly as long as Apollo holds the document.
  const seen = new WeakMap<DocumentNode, Seen>();

  const executor: GatewayExecutor = async (request) => {
    const { document, context } = request;
    // Typed as always there, it is absent when the document does not name the operation to run.
    const operation: OperationDefinitionNode | undefined = request.operation;
    // The name the caller sent: Apollo's own `operationName` is the one it resolved, null when
    // none matched, and graphql-js would then run the document's only operation.
    const operationName = request.request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    const interpreted = () =>
      execute({
        schema,
        document,
        contextValue: context,
        variableValues: variables,
        operationName,
      });

    // No operation by that name, or several and no name: graphql-js says which, and Apollo
    // answers it as the caller's mistake (OPERATION_RESOLUTION_FAILURE, HTTP 400).
    if (!operation) return interpreted();
    // graphql-js would hand back a stream, which an HTTP answer cannot be.
    if (operation.operation === 'subscription') return { errors: [SUBSCRIPTION_OVER_HTTP] };
    let entry = seen.get(document);
    if (!entry || 'runs' in entry) {
      const runs = (entry && 'runs' in entry ? entry.runs : 0) + 1;
      if (runs < COMPILE_AFTER_RUNS) {
        seen.set(document, { runs });
        return interpreted();
      }
      entry = { compiled: new Map() };
      seen.set(document, entry);
    }
    const key = operationName ?? '';
    let compiled = entry.compiled.get(key);
    if (!compiled) {
      compiled = compileQuery(schema, document, operationName);
      entry.compiled.set(key, compiled);
    }
    // Refusals before anything runs (a document the compiler cannot take, variables that do not
    // fit their types) are answered by graphql-js, in the words and form (BAD_USER_INPUT, HTTP
    // 400) Apollo gives them: nothing has run, so running it there is running it once.
    if (!isCompiledQuery(compiled)) return interpreted();
    const result = await compiled.query(undefined, context, variables);
    if (result.data === undefined) return interpreted();
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are GraphQLErrors without the `extensions` object graphql-js always
 * gives them, which Apollo's error formatting reads: the same error, as graphql-js makes it.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions ?? {},
  });
  // Nodes are not kept by the compiled code, only where they were.
  return error.locations ? Object.assign(copy, { locations: error.locations }) : copy;
}
