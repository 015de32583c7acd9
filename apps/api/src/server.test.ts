// The HTTP surface of the server without a database: health, error masking over real HTTP, the
// actor header, the complexity limit and CORS. The services and the data source are small fakes:
// each test says which call fails and how.
import { createPubSub } from '@graphql-yoga/subscription';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import type { PgPubSub } from './database/pg-pubsub.js';
import { ANONYMOUS, systemPrincipal } from './auth/principal.js';
import { NotFoundError, UnauthenticatedError } from './errors/app-errors.js';
import { createServer, type RedressServer } from './server.js';
import type { Services } from './services.js';

interface FakeDatabase {
  isInitialized: boolean;
  pendingMigrations: boolean;
  answers: boolean;
}

function fakeDataSource(db: FakeDatabase): DataSource {
  const fake = {
    get isInitialized() {
      return db.isInitialized;
    },
    showMigrations: async () => db.pendingMigrations,
    query: async () => {
      if (!db.answers) throw new Error('connection terminated');
      return [{ '?column?': 1 }];
    },
  };
  // Only the three members the health check reads are faked.
  return fake as unknown as DataSource;
}

// Authentication is faked too: "Bearer good" is an admin, "Bearer bad" credentials that do not
// hold (expired, revoked), and no header nobody. The real one is tested with a database.
const fakeAuth = {
  authenticate: async (authorization: string | undefined) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    if (authorization === 'Bearer good') return systemPrincipal('test');
    throw new UnauthenticatedError('Your session has ended: sign in again.');
  },
};

function fakeServices(findById: (id: string) => Promise<never>): Services {
  return {
    complaints: { findById: (_by: unknown, id: string) => findById(id) },
    auth: fakeAuth,
  } as unknown as Services;
}

let server: RedressServer | undefined;

async function start(
  services: Services,
  db: FakeDatabase = { isInitialized: true, pendingMigrations: false, answers: true },
): Promise<string> {
  server = createServer({
    services,
    pubsub: createPubSub() as unknown as PgPubSub,
    clock: fixedClock('2026-11-23T09:00:00Z'),
    dataSource: fakeDataSource(db),
    logger: pino({ level: process.env.DEBUG_SERVER ? 'debug' : 'silent' }),
    maxComplexity: 500,
  });
  const url = await server.start(0, '127.0.0.1');
  return url.replace('localhost', '127.0.0.1');
}

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function post(
  url: string,
  query: string,
  headers: Record<string, string> = { authorization: 'Bearer good' },
  variables?: Record<string, unknown>,
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, body };
}

describe('errors over HTTP', () => {
  it('never sends a stack trace, even with NODE_ENV unset', async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      const url = await start(
        fakeServices(async () => {
          throw new Error('relation "complaint" does not exist');
        }),
      );
      // Interpreted the first time, compiled after (graphql-execution.ts): masked every time.
      for (let run = 0; run < 3; run += 1) {
        const { body } = await post(url, '{ complaint(id: "x") { id } }');
        expect(body.errors).toHaveLength(1);
        const [error] = body.errors ?? [];
        expect(error?.message).toBe('Something went wrong on our side; it has been logged.');
        expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(JSON.stringify(body)).not.toMatch(/relation|stacktrace|\.ts:\d+/);
      }
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
    }
  });

  it('sends an AppError with its code and no stack', async () => {
    const url = await start(
      fakeServices(async (id) => {
        throw new NotFoundError('complaint', id);
      }),
    );
    const { body } = await post(url, '{ complaint(id: "CMP-1") { id } }');
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'NOT_FOUND',
      entity: 'complaint',
      key: 'CMP-1',
    });
  });

  it('answers 400 to an operation over the complexity limit, but not to introspection', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const big = await post(url, '{ complaints(first: 200) { nodes { id reference summary } } }');
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      maximumComplexity: 500,
    });
    const introspection = await post(
      url,
      '{ __schema { types { name fields { name args { name } type { name } } } } }',
    );
    expect(introspection.status).toBe(200);
    expect(introspection.body.errors).toBeUndefined();
  });

  it('estimates the same document again for each value of a variable it depends on', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const refused = (answer: Awaited<ReturnType<typeof post>>) =>
      answer.body.errors?.some((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX') ?? false;
    const page =
      'query ($first: Int) { complaints(first: $first) { nodes { id reference summary } } }';
    expect(refused(await post(url, page, {}, { first: 2 }))).toBe(false);
    expect(refused(await post(url, page, {}, { first: 200 }))).toBe(true);
    expect(refused(await post(url, page, {}, { first: 2 }))).toBe(false);
    // Absent, the default applies; given as null, the page's default size does.
    const withDefault =
      'query ($first: Int = 200) { complaints(first: $first) { nodes { id reference summary } } }';
    expect(refused(await post(url, withDefault, {}, {}))).toBe(true);
    expect(refused(await post(url, withDefault, {}, { first: null }))).toBe(false);
    // Directives' variables count too: skipped, the big page costs nothing.
    const skippable =
      'query ($big: Boolean!) { complaints(first: 200) @include(if: $big) { nodes { id reference summary } } }';
    expect(refused(await post(url, skippable, {}, { big: false }))).toBe(false);
    expect(refused(await post(url, skippable, {}, { big: true }))).toBe(true);
    expect(refused(await post(url, skippable, {}, { big: false }))).toBe(false);
  });

  it('answers 401 UNAUTHENTICATED to a guarded operation without credentials that hold', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const query = '{ complaint(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer bad' },
      { authorization: 'Basic x' },
    ];
    for (const headers of attempts) {
      const { status, body } = await post(url, query, headers);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(body.data).toEqual({ complaint: null });
    }
    // A public operation still answers to a caller whose credentials have lapsed.
    const open = await post(url, '{ isWorkingDay(date: "2026-12-25") }', {
      authorization: 'Bearer bad',
    });
    expect(open.status).toBe(200);
    expect(open.body.data).toEqual({ isWorkingDay: false });
  });
});

describe('HTTP that is not a GraphQL operation', () => {
  it('answers a body that is not JSON, or too large, with a GraphQL error and its status', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ isWorkingDay(date: ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errors: [
        { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    const huge = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(huge.status).toBe(413);
    const hugeBody = (await huge.json()) as { errors: { message: string }[] };
    expect(hugeBody.errors[0]?.message).toMatch(/over 1 MiB/);
  });

  it('answers a path it does not serve with 404 and where to go instead', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const response = await fetch(url.replace('/graphql', '/graphiql'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      status: 'not found',
      reason: 'Nothing is served at GET /graphiql: GraphQL is at /graphql, health at GET /health.',
    });
    const post = await fetch(url.replace('/graphql', '/health'), { method: 'POST' });
    expect(post.status).toBe(404);
  });
});

describe('GET /health', () => {
  it.each([
    [{ isInitialized: true, pendingMigrations: false, answers: true }, 200, 'ok'],
    [{ isInitialized: false, pendingMigrations: false, answers: true }, 503, 'unavailable'],
    [{ isInitialized: true, pendingMigrations: true, answers: true }, 503, 'unavailable'],
    [{ isInitialized: true, pendingMigrations: false, answers: false }, 503, 'unavailable'],
  ])('%o → %i', async (db, status, word) => {
    const url = await start(
      fakeServices(async () => Promise.reject(new Error('unused'))),
      db,
    );
    const response = await fetch(url.replace('/graphql', '/health'));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status: word });
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured origin, and only from one', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const allowed = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('variables that do not fit their types', () => {
  it('are BAD_USER_INPUT with HTTP 400, not a fault of ours', async () => {
    const url = await start(fakeServices(async () => Promise.reject(new Error('unused'))));
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($d: Division) { isWorkingDay(date: "2026-12-28", division: $d) }',
        variables: { d: 'MARS' },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
