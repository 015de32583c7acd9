// Sign-in as a person and a partner's program meet it: through the API, on the real server and
// database. Who may call which operation is the access matrix's (access-matrix.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstStart, FirstStartError } from './first-start.js';
import { ANONYMOUS_HEADERS, gql, gqlData, type GraphQLResponse } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { logInput } from '../test/complaint-operations.js';
import { newPartnerKey, signInNewUser, TEST_PASSWORD } from '../test/test-principals.js';
import { REFRESH_COOKIE } from './refresh-cookie.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken expiresAt sessionExpiresAt user { id role } }
}`;
const REFRESH = 'mutation { refreshSession { accessToken expiresAt } }';
const ME = '{ me { id name email role active } }';
const LOG = `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id reference } }`;

interface Exchange<T> extends GraphQLResponse<T> {
  /** The refresh cookie the answer set, if it set one. */
  readonly cookie: string | undefined;
  readonly setCookie: string[];
}

/** A POST that sends and reads cookies, as a browser would. */
async function post<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Exchange<T>> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.getSetCookie();
  const refresh = setCookie.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  const value = refresh?.split(';')[0]?.slice(REFRESH_COOKIE.length + 1);
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status, cookie: value || undefined, setCookie };
}

const codeOf = (answer: GraphQLResponse<unknown>) => answer.errors?.[0]?.extensions?.code;

describe('signing in with a password', () => {
  it('answers an access token and sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    const answer = await post<{ signIn: { accessToken: string; expiresAt: string } }>(SIGN_IN, {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(answer.status).toBe(200);
    expect(answer.data?.signIn.accessToken).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    const expires = Date.parse(answer.data?.signIn.expiresAt ?? '') - Date.now();
    expect(expires).toBeGreaterThan(14 * 60_000);
    expect(expires).toBeLessThanOrEqual(15 * 60_000);
    const cookie = answer.setCookie.find((c) => c.startsWith(REFRESH_COOKIE));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/graphql/);
    // The token is the caller from then on.
    const me = await gqlData<{ me: { id: string; role: string } }>(
      api.url,
      ME,
      {},
      {
        authorization: `Bearer ${answer.data?.signIn.accessToken}`,
      },
    );
    expect(me.me).toMatchObject({ id: user.id, role: 'HANDLER' });
  });

  it('refuses a wrong password and an unknown address in the same words, and logs both', async () => {
    const user = await signInNewUser(api.services, 'MANAGER');
    const wrong = await post(SIGN_IN, { email: user.email, password: 'not the password at all' });
    const unknown = await post(SIGN_IN, {
      email: 'nobody@test.redress.invalid',
      password: TEST_PASSWORD,
    });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      expect(answer.cookie).toBeUndefined();
    }
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const log = await gqlData<{ auditLog: { kind: string; subjectId: string | null }[] }>(
      api.url,
      '{ auditLog(filter: { kinds: [SIGN_IN_FAILED], first: 10 }) { kind subjectId detail } }',
    );
    expect(log.auditLog.some((e) => e.subjectId === user.id)).toBe(true);
  });

  it('refuses a deactivated user, and ends their sessions at once', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    expect((await gql(api.url, ME, {}, user.headers)).status).toBe(200);
    await gqlData(api.url, 'mutation ($id: ID!) { deactivateUser(id: $id) { active } }', {
      id: user.id,
    });
    const after = await gql(api.url, ME, {}, user.headers);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    const again = await post(SIGN_IN, { email: user.email, password: TEST_PASSWORD });
    expect(codeOf(again)).toBe('UNAUTHENTICATED');
    await gqlData(api.url, 'mutation ($id: ID!) { reactivateUser(id: $id) { active } }', {
      id: user.id,
    });
    expect((await post(SIGN_IN, { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('rotates the refresh token on use; a rotated token used again ends the whole session', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    const first = await post(SIGN_IN, { email: user.email, password: TEST_PASSWORD });
    const cookie1 = first.cookie;
    expect(cookie1).toBeDefined();

    const refreshed = await post<{ refreshSession: { accessToken: string } }>(
      REFRESH,
      {},
      {
        cookie: `${REFRESH_COOKIE}=${cookie1}`,
      },
    );
    expect(refreshed.status).toBe(200);
    const cookie2 = refreshed.cookie;
    expect(cookie2).toBeDefined();
    expect(cookie2).not.toBe(cookie1);
    const token2 = refreshed.data?.refreshSession.accessToken ?? '';
    expect((await gql(api.url, ME, {}, { authorization: `Bearer ${token2}` })).status).toBe(200);

    // Someone replays the first token: the session ends, for them and for the rightful holder.
    const replay = await post(REFRESH, {}, { cookie: `${REFRESH_COOKIE}=${cookie1}` });
    expect(replay.status).toBe(401);
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    const holder = await post(REFRESH, {}, { cookie: `${REFRESH_COOKIE}=${cookie2}` });
    expect(codeOf(holder)).toBe('UNAUTHENTICATED');
    expect((await gql(api.url, ME, {}, { authorization: `Bearer ${token2}` })).status).toBe(401);
    const reuse = await gqlData<{ auditLog: { kind: string }[] }>(
      api.url,
      '{ auditLog(filter: { kinds: [REFRESH_TOKEN_REUSED], first: 5 }) { kind } }',
    );
    expect(reuse.auditLog.length).toBeGreaterThan(0);
  });

  it('signs out one session, or every session of the user', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    const other = await post<{ signIn: { accessToken: string } }>(SIGN_IN, {
      email: user.email,
      password: TEST_PASSWORD,
    });
    const otherHeaders = { authorization: `Bearer ${other.data?.signIn.accessToken}` };
    const out = await post<{ signOut: boolean }>('mutation { signOut }', {}, user.headers);
    expect(out.data?.signOut).toBe(true);
    expect(out.setCookie.some((c) => c.startsWith(`${REFRESH_COOKIE}=;`))).toBe(true);
    expect((await gql(api.url, ME, {}, user.headers)).status).toBe(401);
    expect((await gql(api.url, ME, {}, otherHeaders)).status).toBe(200);

    const third = await post<{ signIn: { accessToken: string } }>(SIGN_IN, {
      email: user.email,
      password: TEST_PASSWORD,
    });
    const everywhere = await gqlData<{ signOutEverywhere: number }>(
      api.url,
      'mutation { signOutEverywhere }',
      {},
      otherHeaders,
    );
    expect(everywhere.signOutEverywhere).toBe(2);
    expect((await gql(api.url, ME, {}, otherHeaders)).status).toBe(401);
    expect(
      (await gql(api.url, ME, {}, { authorization: `Bearer ${third.data?.signIn.accessToken}` }))
        .status,
    ).toBe(401);
  });

  it('keeps sessions across a restart: the signing key is stored, not made anew', async () => {
    const user = await signInNewUser(api.services, 'ANALYST');
    // A second server over the same database, as after a restart or on another instance.
    const verifiedElsewhere = await api.services.auth.authenticate(`Bearer ${user.accessToken}`);
    expect(verifiedElsewhere).toMatchObject({ kind: 'user', id: user.id });
    const { createServices } = await import('../services.js');
    const again = createServices(api.dataSource, { clock: api.clock, pubsub: api.pubsub });
    expect(await again.auth.authenticate(`Bearer ${user.accessToken}`)).toMatchObject({
      kind: 'user',
      id: user.id,
      role: 'ANALYST',
    });
  });
});

describe('passwords', () => {
  it('are at least 12 characters and not a common one', async () => {
    for (const password of ['short', 'password1234', 'aaaaaaaaaaaaaaa']) {
      const answer = await gql(
        api.url,
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            email: `p${password.length}@test.redress.invalid`,
            name: 'P',
            role: 'HANDLER',
            password,
          },
        },
      );
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.field).toBe('password');
    }
  });

  it('are stored as argon2id, never as given', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    const rows: Array<{ password_hash: string }> = await api.dataSource.query(
      'SELECT password_hash FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]?.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('are changed by their user, ending their other sessions; and reset by an admin', async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    const next = 'another long password for the test';
    const wrong = await gql(
      api.url,
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: 'not my password at all', n: next },
      user.headers,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    await gqlData(
      api.url,
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: TEST_PASSWORD, n: next },
      user.headers,
    );
    expect(codeOf(await post(SIGN_IN, { email: user.email, password: TEST_PASSWORD }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await post(SIGN_IN, { email: user.email, password: next })).status).toBe(200);
    await gqlData(
      api.url,
      'mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }',
      {
        id: user.id,
        p: TEST_PASSWORD,
      },
    );
    expect((await post(SIGN_IN, { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('partner API keys', () => {
  it('are shown once, recognisable, stored hashed, and see only the complaints they logged', async () => {
    const created = await gqlData<{
      createApiKey: {
        apiKey: { id: string; prefix: string; lastUsedAt: string | null };
        secret: string;
      };
    }>(
      api.url,
      'mutation { createApiKey(name: "Repairs system", scopes: [COMPLAINTS_READ, COMPLAINTS_WRITE]) { apiKey { id prefix lastUsedAt } secret } }',
    );
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^rk_[0-9a-f]{12}_[\w-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.lastUsedAt).toBeNull();
    const stored: unknown[] = await api.dataSource.query(
      'SELECT 1 FROM api_key WHERE secret_hash = $1 OR prefix = $1',
      [secret],
    );
    expect(stored).toEqual([]);

    const asKey = { authorization: `Bearer ${secret}` };
    await gqlData(api.url, LOG, { input: logInput('2026-11-06T10:00:00Z') }); // the admin's
    const mine = await gqlData<{ logComplaint: { id: string } }>(
      api.url,
      LOG,
      { input: logInput('2026-11-06T11:00:00Z') },
      asKey,
    );
    const seen = await gqlData<{ complaints: { totalCount: number; nodes: { id: string }[] } }>(
      api.url,
      '{ complaints(first: 50) { totalCount nodes { id } } }',
      {},
      asKey,
    );
    expect(seen.complaints.nodes.map((n) => n.id)).toEqual([mine.logComplaint.id]);
    const listed = await gqlData<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
      api.url,
      '{ apiKeys { id lastUsedAt } }',
    );
    expect(listed.apiKeys.find((k) => k.id === apiKey.id)?.lastUsedAt).not.toBeNull();
    // The events name the key.
    const events = await gqlData<{
      complaint: { events: { actor: { kind: string; id: string } }[] };
    }>(api.url, 'query ($id: ID!) { complaint(id: $id) { events { actor { kind id } } } }', {
      id: mine.logComplaint.id,
    });
    expect(events.complaint.events[0]?.actor).toEqual({ kind: 'API_KEY', id: apiKey.id });
  });

  it("with complaints:read:all, see every complaint; once revoked or another key's secret, nothing", async () => {
    const all = await newPartnerKey(api.services, ['complaints:read:all']);
    const total = await gqlData<{ complaints: { totalCount: number } }>(
      api.url,
      '{ complaints(first: 1) { totalCount } }',
    );
    const seen = await gqlData<{ complaints: { totalCount: number } }>(
      api.url,
      '{ complaints(first: 1) { totalCount } }',
      {},
      all.headers,
    );
    expect(seen.complaints.totalCount).toBe(total.complaints.totalCount);

    const forged = `${all.secret.slice(0, 16)}${'A'.repeat(43)}`;
    const refused = await gql(
      api.url,
      '{ complaints(first: 1) { totalCount } }',
      {},
      {
        authorization: `Bearer ${forged}`,
      },
    );
    expect(refused.status).toBe(401);

    await gqlData(api.url, 'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', {
      id: all.id,
    });
    const revoked = await gql(api.url, '{ complaints(first: 1) { totalCount } }', {}, all.headers);
    expect(revoked.status).toBe(401);
    expect(codeOf(revoked)).toBe('UNAUTHENTICATED');
  });

  it('cannot manage users, keys or policies, whatever their scopes', async () => {
    const key = await newPartnerKey(api.services, [
      'complaints:read',
      'complaints:write',
      'complaints:read:all',
      'events:subscribe',
      'measures:read',
    ]);
    for (const operation of [
      'mutation { createApiKey(name: "mine", scopes: [COMPLAINTS_READ]) { secret } }',
      '{ users { id } }',
      '{ auditLog { id } }',
    ]) {
      const answer = await gql(api.url, operation, {}, key.headers);
      expect(answer.status).toBe(403);
      expect(codeOf(answer)).toBe('FORBIDDEN');
    }
  });
});

describe("a handler's queue", () => {
  it("holds their cases, their teams' and the unassigned; any other case does not exist for them", async () => {
    const team = await gqlData<{ createTeam: { id: string } }>(
      api.url,
      'mutation { createTeam(name: "Queue test team") { id } }',
    );
    const handler = await signInNewUser(api.services, 'HANDLER', {
      teamIds: [team.createTeam.id],
    });
    const colleague = await signInNewUser(api.services, 'HANDLER');
    const log = async () =>
      (
        await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, {
          input: logInput('2026-11-06T10:00:00Z'),
        })
      ).logComplaint.id;
    const assign = (id: string, vars: Record<string, string>) =>
      gqlData(
        api.url,
        'mutation ($id: ID!, $assigneeId: ID, $teamId: ID) { assignComplaint(id: $id, assigneeId: $assigneeId, teamId: $teamId) { id } }',
        { id, ...vars },
      );
    const theirs = await log();
    await assign(theirs, { assigneeId: handler.id });
    const teams = await log();
    await assign(teams, { teamId: team.createTeam.id });
    const unassigned = await log();
    const someoneElses = await log();
    await assign(someoneElses, { assigneeId: colleague.id });

    const read = (id: string) =>
      gql<{ complaint: { id: string } | null }>(
        api.url,
        'query ($id: ID!) { complaint(id: $id) { id } }',
        { id },
        handler.headers,
      );
    for (const id of [theirs, teams, unassigned]) {
      expect((await read(id)).data?.complaint?.id).toBe(id);
    }
    expect((await read(someoneElses)).data?.complaint).toBeNull();
    const step = await gql(
      api.url,
      'mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }',
      { id: someoneElses },
      handler.headers,
    );
    expect(codeOf(step)).toBe('NOT_FOUND');
    const page = await gqlData<{ complaints: { nodes: { id: string }[] } }>(
      api.url,
      '{ complaints(first: 200) { nodes { id } } }',
      {},
      handler.headers,
    );
    const ids = page.complaints.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([theirs, teams, unassigned]));
    expect(ids).not.toContain(someoneElses);

    // They may take a case for themselves, not hand it to someone else.
    const take = await gql(
      api.url,
      'mutation ($id: ID!, $me: ID!) { assignComplaint(id: $id, assigneeId: $me) { assignedTo { id } } }',
      { id: unassigned, me: handler.id },
      handler.headers,
    );
    expect(take.data).toEqual({ assignComplaint: { assignedTo: { id: handler.id } } });
    const handOver = await gql(
      api.url,
      'mutation ($id: ID!, $to: ID!) { assignComplaint(id: $id, assigneeId: $to) { id } }',
      { id: theirs, to: colleague.id },
      handler.headers,
    );
    expect(handOver.status).toBe(403);
    expect(codeOf(handOver)).toBe('FORBIDDEN');
  });
});

describe('the security log', () => {
  it('is append-only in the database itself', async () => {
    for (const statement of ['UPDATE security_log SET kind = kind', 'DELETE FROM security_log']) {
      await expect(api.dataSource.query(statement)).rejects.toThrow(/append-only/);
    }
  });

  it("answers a user's activity in one query", async () => {
    const user = await signInNewUser(api.services, 'HANDLER');
    await gqlData(
      api.url,
      'mutation ($id: ID!) { updateUser(id: $id, input: { role: MANAGER }) { role } }',
      {
        id: user.id,
      },
    );
    const activity = await gqlData<{ auditLog: { kind: string }[] }>(
      api.url,
      'query ($id: ID!) { auditLog(filter: { involving: $id }) { kind } }',
      { id: user.id },
    );
    expect(activity.auditLog.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['USER_CREATED', 'SIGN_IN', 'ROLE_CHANGED']),
    );
  });
});

describe('the first start', () => {
  it('makes the first admin once, refuses a weak REDRESS_ADMIN_PASSWORD, and nothing when users exist', async () => {
    // The test server already has users: nothing is made or told.
    expect(
      await prepareFirstStart(api.services, {
        adminEmail: undefined,
        adminPassword: undefined,
        demo: true,
      }),
    ).toEqual({ lines: [], demoPassword: undefined });
    const { createTestDatabase } = await import('../test/test-database.js');
    const { createServices } = await import('../services.js');
    const { createPgPubSub } = await import('../database/pg-pubsub.js');
    const db = await createTestDatabase();
    const pubsub = createPgPubSub(db.dataSource, db.listener);
    try {
      const services = createServices(db.dataSource, { clock: api.clock, pubsub });
      await expect(
        prepareFirstStart(services, {
          adminEmail: 'a@b.example',
          adminPassword: 'short',
          demo: false,
        }),
      ).rejects.toBeInstanceOf(FirstStartError);
      const made = await prepareFirstStart(services, {
        adminEmail: undefined,
        adminPassword: undefined,
        demo: true,
      });
      const password = /with the password (\S+) \(shown once/.exec(made.lines[0] ?? '')?.[1];
      expect(password).toBeDefined();
      expect(made.lines.join('\n')).toMatch(/Demo partner key .*: rk_/);
      const signedIn = await services.auth.signIn('admin@redress.localhost', password ?? '', {
        address: null,
        userAgent: null,
      });
      expect(signedIn.user.role).toBe('ADMIN');
      expect(
        (
          await prepareFirstStart(services, {
            adminEmail: undefined,
            adminPassword: undefined,
            demo: true,
          })
        ).lines,
      ).toEqual([]);
    } finally {
      await pubsub.close();
      await db.close();
    }
  });
});

it('answers a caller with no credentials UNAUTHENTICATED, and still serves the public operations', async () => {
  const guarded = await gql(api.url, ME, {}, ANONYMOUS_HEADERS);
  expect(guarded.status).toBe(401);
  const open = await gql<{ isWorkingDay: boolean }>(
    api.url,
    '{ isWorkingDay(date: "2026-12-28") }',
    {},
    ANONYMOUS_HEADERS,
  );
  expect(open.data).toEqual({ isWorkingDay: false });
});

it("lets an analyst look a case up by reference, never search the residents' names or words", async () => {
  const analyst = await signInNewUser(api.services, 'ANALYST');
  const logged = await gqlData<{ logComplaint: { reference: string } }>(api.url, LOG, {
    input: logInput('2026-11-06T10:00:00Z'),
  });
  const search = (text: string) =>
    gql<{ complaints: { totalCount: number } }>(
      api.url,
      'query ($text: String!) { complaints(filter: { text: $text }) { totalCount } }',
      { text },
      analyst.headers,
    );
  const byName = await search('Jordan Ellis');
  expect(byName.status).toBe(403);
  expect(codeOf(byName)).toBe('FORBIDDEN');
  const byReference = await search(logged.logComplaint.reference);
  expect(byReference.data?.complaints.totalCount).toBe(1);
});

it('names each stage’s handler and responder as users', async () => {
  const handler = await signInNewUser(api.services, 'HANDLER', { name: 'Stage Handler' });
  const { logComplaint } = await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, {
    input: logInput('2026-11-06T10:00:00Z'),
  });
  await gqlData(
    api.url,
    'mutation ($id: ID!, $me: ID!) { assignComplaint(id: $id, assigneeId: $me) { id } }',
    { id: logComplaint.id, me: handler.id },
    handler.headers,
  );
  await gqlData(
    api.url,
    'mutation ($id: ID!) { acknowledgeComplaint(id: $id) { id } }',
    { id: logComplaint.id },
    handler.headers,
  );
  await gqlData(
    api.url,
    `mutation ($id: ID!) {
      respondToComplaint(id: $id, input: { outcome: NOT_UPHELD, findings: "Done in time." }) { id }
    }`,
    { id: logComplaint.id },
    handler.headers,
  );
  const read = await gqlData<{
    complaint: {
      assignedTo: { id: string; name: string };
      stages: {
        handler: string;
        handledBy: { id: string };
        respondedBy: { kind: string; id: string };
      }[];
    };
  }>(
    api.url,
    'query ($id: ID!) { complaint(id: $id) { assignedTo { id name } stages { handler handledBy { id } respondedBy { kind id } } } }',
    { id: logComplaint.id },
  );
  expect(read.complaint.assignedTo).toEqual({ id: handler.id, name: 'Stage Handler' });
  expect(read.complaint.stages[0]).toEqual({
    handler: 'Stage Handler',
    handledBy: { id: handler.id },
    respondedBy: { kind: 'USER', id: handler.id },
  });
});

it("reads a page's assignees and teams in one statement each, however long the page", async () => {
  const { statementsDuring } = await import('../test/statements-during.js');
  const team = await gqlData<{ createTeam: { id: string } }>(
    api.url,
    'mutation { createTeam(name: "Page test team") { id } }',
  );
  const handler = await signInNewUser(api.services, 'HANDLER', {
    teamIds: [team.createTeam.id],
  });
  for (let n = 0; n < 6; n += 1) {
    const { logComplaint } = await gqlData<{ logComplaint: { id: string } }>(api.url, LOG, {
      input: logInput('2026-11-06T10:00:00Z'),
    });
    await gqlData(
      api.url,
      'mutation ($id: ID!, $to: ID!, $team: ID!) { assignComplaint(id: $id, assigneeId: $to, teamId: $team) { id } }',
      { id: logComplaint.id, to: handler.id, team: team.createTeam.id },
    );
  }
  const page = (first: number) =>
    statementsDuring(api.dataSource, async () => {
      const data = await gqlData<{
        complaints: { nodes: { team: { id: string }; assignedTo: { id: string } }[] };
      }>(
        api.url,
        'query ($first: Int!, $to: String!) { complaints(first: $first, filter: { assignee: $to }) { nodes { team { id } assignedTo { id } } } }',
        { first, to: handler.name },
      );
      expect(data.complaints.nodes).toHaveLength(first);
      expect(data.complaints.nodes.every((n) => n.team.id === team.createTeam.id)).toBe(true);
    });
  await page(1);
  expect((await page(6)).length).toBe((await page(2)).length);
});
