// The GraphQL API as a partner or another handler uses it, behind the page's back: to find
// cases, to change one while the page has it open, and to check what the page did.
export async function graphql(base, query, variables = {}, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    const error = new Error(`${query.trim().split('\n')[0]}: ${JSON.stringify(body.errors)}`);
    error.errors = body.errors;
    throw error;
  }
  return body.data;
}

export async function apiSignIn(base, email, password) {
  const { signIn } = await graphql(
    base,
    'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }',
    { email, password },
  );
  return signIn.accessToken;
}
