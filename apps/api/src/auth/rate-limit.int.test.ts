// Rate limits through real requests: sign-in attempts per account and per address, requests and
// writes per caller. Windows of seconds stand for the deployment's minutes. Each test speaks from
// its own loopback address, so that one test's failures are not another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../limits/rate-limit-settings.js';
import { codeOf, postFrom, type RawAnswer } from '../limits/rate-limit-client.js';
import { connectSubscriptions } from '../test/graphql-client.js';
import { signInNewUser, TEST_PASSWORD } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const SIGN_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      accessToken
    }
  }
`;
const CREATE_TEAM = /* GraphQL */ `
  mutation ($name: String!) {
    createTeam(name: $name) {
      id
    }
  }
`;
const ME = /* GraphQL */ `
  {
    me {
      id
    }
  }
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits out a refusal: the seconds its Retry-After says, and a little over. */
async function waitOut(answer: RawAnswer): Promise<void> {
  await sleep(Number(answer.retryAfter) * 1000 + 150);
}

function expectRateLimited(answer: RawAnswer, retryAfter: string, words: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  expect(answer.retryAfter).toBe(retryAfter);
  expect(codeOf(answer)).toBe('RATE_LIMITED');
  expect(answer.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(Number(retryAfter));
  expect(answer.body.errors?.[0]?.message).toMatch(words);
  expect(answer.body.data ?? null).toBeNull();
}

describe('sign-in attempts', () => {
  const limits: RateLimitSettings = {
    ...DEFAULT_RATE_LIMITS,
    signInAttempts: 3,
    signInWindowSeconds: 1,
    signInAttemptsPerAddress: 8,
  };
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer({ rateLimits: limits });
  });

  afterAll(async () => {
    await api?.stop();
  });

  const signIn = (email: string, password: string, from: string) =>
    postFrom(api.url, { query: SIGN_IN, variables: { email, password }, from });

  it('refuses an account after repeated wrong passwords, the right one too, until the wait is over', async () => {
    const { email } = await signInNewUser(api.services, 'HANDLER');
    const from = '127.0.0.11';
    for (let attempt = 1; attempt <= limits.signInAttempts; attempt += 1) {
      const wrong = await signIn(email, `wrong ${attempt}`, from);
      expect(wrong.status).toBe(401);
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    }
    const limited = await signIn(email, 'wrong again', from);
    expectRateLimited(
      limited,
      '1',
      /^Too many failed sign-ins to this account: try again in 1 second\.$/,
    );
    // The right password is no way round the limit: it is not even checked.
    expectRateLimited(await signIn(email, TEST_PASSWORD, from), '1', /this account/);

    await waitOut(limited);
    const after = await signIn(email, TEST_PASSWORD, from);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.data?.signIn).toMatchObject({ accessToken: expect.any(String) });
  });

  it('blocks longer each time the limit is reached again', async () => {
    const { email } = await signInNewUser(api.services, 'HANDLER');
    const from = '127.0.0.12';
    for (let attempt = 0; attempt < limits.signInAttempts; attempt += 1) {
      expect((await signIn(email, 'wrong', from)).status).toBe(401);
    }
    const first = await signIn(email, 'wrong', from);
    expectRateLimited(first, '1', /this account/);
    await waitOut(first);
    for (let attempt = 0; attempt < limits.signInAttempts; attempt += 1) {
      expect((await signIn(email, 'wrong', from)).status).toBe(401);
    }
    expectRateLimited(await signIn(email, TEST_PASSWORD, from), '2', /in 2 seconds/);
  });

  it('starts the count again after a success', async () => {
    const { email } = await signInNewUser(api.services, 'HANDLER');
    const from = '127.0.0.13';
    const failures = limits.signInAttempts - 1;
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < failures; attempt += 1) {
        expect((await signIn(email, 'wrong', from)).status).toBe(401);
      }
      expect((await signIn(email, TEST_PASSWORD, from)).status).toBe(200);
    }
  });

  it('refuses an address after its failures across many accounts, and only that address', async () => {
    const from = '127.0.0.14';
    const elsewhere = '127.0.0.15';
    // One failure each to accounts that do not exist: no account reaches its own limit.
    for (let attempt = 0; attempt < limits.signInAttemptsPerAddress; attempt += 1) {
      const wrong = await signIn(`nobody.${attempt}@example.invalid`, 'guess', from);
      expect(wrong.status).toBe(401);
    }
    const { email } = await signInNewUser(api.services, 'HANDLER');
    const limited = await signIn(email, TEST_PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThan(limits.signInAddressWindowSeconds - 30);
    expect(limited.body.errors?.[0]?.message).toMatch(
      /^Too many failed sign-ins from this address: try again in 1 hour\.$/,
    );
    // The same account from another address signs in: the address was limited, not the account.
    expect((await signIn(email, TEST_PASSWORD, elsewhere)).status).toBe(200);
  });

  it('keeps its counters in PostgreSQL on a server, in memory on PGlite', async () => {
    const rows: Array<{ n: number }> = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM rate_limit WHERE key LIKE 'sign-in-%'",
    );
    if (process.env.DATABASE_URL) expect(rows[0]?.n).toBeGreaterThan(0);
    else expect(rows[0]?.n).toBe(0);
  });
});

describe('requests and writes per caller', () => {
  const limits: RateLimitSettings = {
    ...DEFAULT_RATE_LIMITS,
    requestsPerMinute: 8,
    writesPerMinute: 3,
    requestWindowSeconds: 3,
  };
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer({ rateLimits: limits });
  });

  afterAll(async () => {
    await api?.stop();
  });

  let teams = 0;
  const write = (authorization: string | undefined) =>
    postFrom(api.url, {
      query: CREATE_TEAM,
      variables: { name: `Team ${++teams}` },
      authorization,
    });
  const read = (authorization: string | undefined) =>
    postFrom(api.url, { query: ME, authorization });

  it('refuses a caller one write over its limit, still answers its reads and other callers', async () => {
    const { headers } = await signInNewUser(api.services, 'ADMIN');
    const other = await signInNewUser(api.services, 'ADMIN');
    for (let n = 0; n < limits.writesPerMinute; n += 1) {
      const written = await write(headers.authorization);
      expect(written.status, JSON.stringify(written.body)).toBe(200);
    }
    const limited = await write(headers.authorization);
    expectRateLimited(
      limited,
      String(limits.requestWindowSeconds),
      /^Too many writes: at most 3 every 3 seconds for one caller\. Try again in \d seconds?\.$/,
    );
    // Nothing was written by the refused request.
    const names: Array<{ n: number }> = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM team WHERE name = $1',
      [`Team ${teams}`],
    );
    expect(names[0]?.n).toBe(0);

    const reading = await read(headers.authorization);
    expect(reading.status).toBe(200);
    expect(reading.body.data?.me).toMatchObject({ id: expect.any(String) });
    expect((await write(other.headers.authorization)).status).toBe(200);

    await waitOut(limited);
    expect((await write(headers.authorization)).status).toBe(200);
  });

  it('refuses a caller one request over its limit, then answers again after the wait', async () => {
    const { headers } = await signInNewUser(api.services, 'HANDLER');
    for (let n = 0; n < limits.requestsPerMinute; n += 1) {
      expect((await read(headers.authorization)).status).toBe(200);
    }
    const limited = await read(headers.authorization);
    expectRateLimited(
      limited,
      String(limits.requestWindowSeconds),
      /^Too many requests: at most 8/,
    );
    await waitOut(limited);
    const after = await read(headers.authorization);
    expect(after.status).toBe(200);
    expect(after.body.data?.me).toMatchObject({ id: expect.any(String) });
  });

  it('counts callers without credentials by their address', async () => {
    const anonymous = (from: string) => postFrom(api.url, { query: ME, from });
    for (let n = 0; n < limits.requestsPerMinute; n += 1) {
      // Refused for want of credentials, and counted all the same.
      expect((await anonymous('127.0.0.21')).status).toBe(401);
    }
    expect((await anonymous('127.0.0.21')).status).toBe(429);
    expect((await anonymous('127.0.0.22')).status).toBe(401);
  });

  it('counts subscriptions against the same limit, refusing one over it with RATE_LIMITED', async () => {
    const { headers, connectionParams } = await signInNewUser(api.services, 'HANDLER');
    for (let n = 0; n < limits.requestsPerMinute; n += 1) {
      expect((await read(headers.authorization)).status).toBe(200);
    }
    const ws = await connectSubscriptions(api.wsUrl, connectionParams);
    try {
      const refused = ws.subscribe<unknown>('subscription { complaintEvents { complaintId } }');
      // The operation ends with the refusal, which waitFor reports.
      await expect(refused.waitFor(() => false, 5_000)).rejects.toThrow(/"code":"RATE_LIMITED"/);
    } finally {
      await ws.close();
    }
  });
});
