// The GraphQL request the complaint's page, its step forms and the create form send: the
// console's one client (its token, its renewal, its errors as react-admin HttpErrors).
import { graphqlRequest } from '../../shared/graphql-client';
import type { GraphQLRequest } from '../steps/StepDialog';

export const request: GraphQLRequest = (query, variables) => graphqlRequest(query, variables);

export function useGraphQLRequest(): GraphQLRequest {
  return request;
}
