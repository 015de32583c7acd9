import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { httpRefusal, operationRefusal, type OperationLimitOptions } from './operation-limits.js';

/**
 * The API's limits on HTTP, each refusal coded and answered with HTTP 400 before anything runs,
 * on every request once Apollo knows the operation (a hook can refuse with a status only from
 * there): the document's shape (depth, aliases, fields, writes), inputs that cannot be taken
 * with this request's variables, and the estimated cost.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  options: OperationLimitOptions,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const refusal = operationRefusal(schema, { document, ...request }, options);
          if (refusal) throw httpRefusal(refusal);
        },
      };
    },
  };
}
