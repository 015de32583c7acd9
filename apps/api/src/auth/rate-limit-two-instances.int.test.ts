// Brute force spread over two API instances on one PostgreSQL database, as behind a load
// balancer: the failures add up to one limit, because the counters live in the database. Two
// servers in this process, each with its own data source (its own pool), as two instances are.
//
// Needs a PostgreSQL server: on PGlite the counters are one process's memory. Runs when
// DATABASE_URL is set.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createDataSource, type Database } from '../database/data-source.js';
import { createPgPubSub, type PgPubSub } from '../database/pg-pubsub.js';
import { codeOf, postFrom } from '../limits/rate-limit-client.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../limits/rate-limit-settings.js';
import { createServer, type RedressServer } from '../server.js';
import { createServices, type Services } from '../services.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { signInNewUser, TEST_PASSWORD } from '../test/test-principals.js';

const DATABASE_URL = process.env.DATABASE_URL;
const SKIP_REASON =
  'rate limits shared by two instances need a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run this test';
if (!DATABASE_URL) {
  console.info(`auth/rate-limit-two-instances.int.test.ts skipped: ${SKIP_REASON}`);
}

const LIMITS: RateLimitSettings = {
  ...DEFAULT_RATE_LIMITS,
  signInAttempts: 4,
  signInWindowSeconds: 30,
  writesPerMinute: 4,
};

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

interface Instance {
  readonly url: string;
  readonly services: Services;
  stop(): Promise<void>;
}

async function startInstance(database: Database): Promise<Instance> {
  const pubsub: PgPubSub = createPgPubSub(database.dataSource, database.listener);
  await pubsub.ready;
  const services = createServices(database.dataSource, {
    clock: systemClock,
    pubsub,
    rateLimits: LIMITS,
  });
  const server: RedressServer = createServer({
    services,
    pubsub,
    clock: systemClock,
    dataSource: database.dataSource,
    logger: pino({ level: 'silent' }),
  });
  const url = await server.start(0, '127.0.0.1');
  return {
    url: url.replace('localhost', '127.0.0.1'),
    services,
    async stop() {
      await server.stop();
      await pubsub.close();
    },
  };
}

describe.skipIf(!DATABASE_URL)('rate limits across two API instances on PostgreSQL', () => {
  let database: TestDatabase;
  let second: Database;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    second = await createDataSource({ databaseUrl: database.url ?? '', poolSize: 2 });
    a = await startInstance(database);
    b = await startInstance(second);
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await second?.close();
    await database?.close();
  });

  it('adds failed sign-ins on either instance up to one limit for the account', async () => {
    const { email } = await signInNewUser(a.services, 'HANDLER');
    const signIn = (on: Instance, password: string, from: string) =>
      postFrom(on.url, { query: SIGN_IN, variables: { email, password }, from });
    // Alternating instances and addresses: neither instance nor address sees more than half.
    for (let attempt = 0; attempt < LIMITS.signInAttempts; attempt += 1) {
      const on = attempt % 2 === 0 ? a : b;
      const wrong = await signIn(on, 'wrong', `127.0.0.${31 + attempt}`);
      expect(wrong.status).toBe(401);
    }
    for (const on of [a, b]) {
      const limited = await signIn(on, TEST_PASSWORD, '127.0.0.40');
      expect(limited.status, JSON.stringify(limited.body)).toBe(429);
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(Number(limited.retryAfter)).toBeGreaterThan(LIMITS.signInWindowSeconds - 5);
    }
  });

  it('adds one caller’s writes on either instance up to one limit', async () => {
    const { headers } = await signInNewUser(a.services, 'ADMIN');
    const write = (on: Instance, name: string) =>
      postFrom(on.url, {
        query: CREATE_TEAM,
        variables: { name },
        authorization: headers.authorization,
      });
    for (let n = 0; n < LIMITS.writesPerMinute; n += 1) {
      expect((await write(n % 2 === 0 ? a : b, `Shared ${n}`)).status).toBe(200);
    }
    expect(codeOf(await write(a, 'One too many on A'))).toBe('RATE_LIMITED');
    expect(codeOf(await write(b, 'One too many on B'))).toBe('RATE_LIMITED');
  });
});
