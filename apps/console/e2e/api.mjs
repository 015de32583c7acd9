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

const CASE = '{ id reference stage status version allowedSteps }';

/** A fresh case logged by a partner or a handler, with the outcome the resident seeks. */
export async function logCase(base, token, summary) {
  const { logComplaint } = await graphql(
    base,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) ${CASE} }`,
    {
      input: {
        receivedAt: new Date().toISOString(),
        channel: 'EMAIL',
        complainant: { name: 'Morgan Ellis', type: 'TENANT', preferredContact: 'EMAIL' },
        summary,
        desiredOutcome: 'The repair done properly and an apology.',
        category: 'repairs',
        tenure: 'LCRA',
      },
    },
    token,
  );
  return logComplaint;
}

export async function readCase(base, token, id) {
  const { complaint } = await graphql(
    base,
    `query ($id: ID!) { complaint(id: $id) ${CASE} }`,
    { id },
    token,
  );
  return complaint;
}

export async function acknowledge(base, token, id) {
  return (
    await graphql(
      base,
      `mutation ($id: ID!) { acknowledgeComplaint(id: $id) ${CASE} }`,
      { id },
      token,
    )
  ).acknowledgeComplaint;
}

export async function respond(base, token, id, remedies = []) {
  return (
    await graphql(
      base,
      `mutation ($id: ID!, $input: RespondInput!) { respondToComplaint(id: $id, input: $input) ${CASE} }`,
      {
        id,
        input: {
          outcome: 'UPHELD',
          findings: 'The repair was late and left unfinished; the resident was not kept informed.',
          remedies,
        },
      },
      token,
    )
  ).respondToComplaint;
}

export async function escalate(base, token, id) {
  return (
    await graphql(
      base,
      `mutation ($id: ID!) { requestEscalation(id: $id, reason: "The resident is unhappy with the response.") ${CASE} }`,
      { id },
      token,
    )
  ).requestEscalation;
}

export async function addPoint(base, token, id, point) {
  return (
    await graphql(
      base,
      `mutation ($id: ID!, $point: String!) { addComplaintPoint(id: $id, point: $point) ${CASE} }`,
      { id, point },
      token,
    )
  ).addComplaintPoint;
}
