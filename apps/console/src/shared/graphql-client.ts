import { HttpError } from 'react-admin';
import { getAccessToken, renewAccessToken } from './access-token';
import { toHttpError, type GraphQLErrorEntry } from './errors';

/** Where the API answers: the same origin (Vite proxies /graphql in development). */
export const GRAPHQL_URL: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

export interface GraphQLRequestOptions {
  signal?: AbortSignal;
  /**
   * Keep the data of an answer that also carries errors (a field refused within it, say personal
   * data to an analyst) instead of failing the whole request.
   */
  partial?: boolean;
  /** Send no token and never renew one (signIn, refreshSession). */
  anonymous?: boolean;
}

interface Answer<T> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

async function send<T>(
  query: string,
  variables: Record<string, unknown> | undefined,
  options: GraphQLRequestOptions,
): Promise<{ status: number; answer: Answer<T> }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = options.anonymous ? undefined : getAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError('The console cannot reach the Redress API. Check your connection.', 0, {
      code: 'NETWORK_ERROR',
      graphQLErrors: [],
    });
  }
  let answer: Answer<T>;
  try {
    answer = (await response.json()) as Answer<T>;
  } catch {
    throw new HttpError(
      `The API answered ${response.status} with no GraphQL answer.`,
      response.status || 500,
      {
        code: 'BAD_RESPONSE',
        graphQLErrors: [],
      },
    );
  }
  return { status: response.status, answer };
}

const isUnauthenticated = (errors: readonly GraphQLErrorEntry[] | undefined) =>
  errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;

/**
 * Sends one GraphQL operation and answers its data, or throws a react-admin HttpError whose
 * status comes from the API's error code. An expired access token is renewed once and the
 * request sent again.
 */
export async function graphqlRequest<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options: GraphQLRequestOptions = {},
): Promise<T> {
  let { status, answer } = await send<T>(query, variables, options);
  if (!options.anonymous && isUnauthenticated(answer.errors) && getAccessToken() !== undefined) {
    const renewed = await renewAccessToken();
    if (renewed) ({ status, answer } = await send<T>(query, variables, options));
  }
  const errors = answer.errors ?? [];
  if (errors.length > 0 && !(options.partial && answer.data)) throw toHttpError(errors, status);
  if (answer.data === null || answer.data === undefined) {
    throw new HttpError('The API answered without data.', status >= 400 ? status : 500, {
      code: 'BAD_RESPONSE',
      graphQLErrors: [],
    });
  }
  return answer.data;
}
