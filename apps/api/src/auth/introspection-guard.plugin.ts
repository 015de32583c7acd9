import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { AppContext } from '../app-context.js';

/**
 * In production, the schema is read only by signed-in callers (the console after sign-in,
 * partners with a key): an anonymous `__schema` or `__type` is refused with UNAUTHENTICATED.
 * The committed schema.graphql is there for anyone building against the API.
 */
export function introspectionGuard(production: boolean): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!production || contextValue.principal.kind !== 'anonymous') return;
          if (!introspects(document)) return;
          throw new GraphQLError(
            'Sign in to read the schema: send Authorization: Bearer <access token or API key>, or read schema.graphql in the repository.',
            { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
          );
        },
      };
    },
  };
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
