/**
 * The explorer signs in with the console's session: the refresh cookie (HttpOnly, scoped to
 * /graphql) is sent with refreshSession, which answers an access token for the explorer's own
 * requests. The token is rotated, as for the console; it stays in this page's memory only.
 */
export interface ExplorerSession {
  readonly accessToken: string;
  readonly email: string;
  readonly role: string;
}

export type GraphQLAnswer = {
  data?: unknown;
  errors?: readonly { message: string; extensions?: { code?: string } }[];
};

const REFRESH = `mutation ExplorerSession { refreshSession { accessToken user { email role } } }`;

/** The session from the refresh cookie, or undefined when the browser is not signed in. */
export async function openSession(url: string): Promise<ExplorerSession | undefined> {
  const answer = await post(url, { query: REFRESH }, undefined);
  const payload = (
    answer.data as
      | { refreshSession?: { accessToken: string; user: { email: string; role: string } } }
      | null
      | undefined
  )?.refreshSession;
  if (!payload) return undefined;
  return { accessToken: payload.accessToken, email: payload.user.email, role: payload.user.role };
}

export async function runOperation(
  url: string,
  query: string,
  variablesText: string,
  session: ExplorerSession | undefined,
): Promise<GraphQLAnswer> {
  let variables: unknown = undefined;
  if (variablesText.trim() !== '') {
    try {
      variables = JSON.parse(variablesText);
    } catch {
      return { errors: [{ message: 'The variables are not valid JSON.' }] };
    }
  }
  return post(url, { query, variables }, session?.accessToken);
}

async function post(
  url: string,
  body: { query: string; variables?: unknown },
  token: string | undefined,
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  try {
    return (await response.json()) as GraphQLAnswer;
  } catch {
    return { errors: [{ message: `The API answered ${response.status} with no GraphQL body.` }] };
  }
}
