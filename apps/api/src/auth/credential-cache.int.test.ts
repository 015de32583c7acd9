// Credentials verified once are kept for a while (session-cache.ts), and still: a deactivated
// user's sessions, a signed-out session and a revoked key stop working at once, and a role
// change shows at once, on the instance that made the change and on another instance of the same
// PostgreSQL database. The cache's TTL is set to a minute here, so that only the invalidation
// can explain a refusal within the test's few hundred milliseconds.
//
// The first part runs on either database; the second needs a PostgreSQL server (two data
// sources, two LISTEN connections) and runs when DATABASE_URL is set.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createDataSource, type Database } from '../database/data-source.js';
import { createPgPubSub, type PgPubSub } from '../database/pg-pubsub.js';
import { createServices, type Services } from '../services.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { newPartnerKey, signInNewUser, TEST_PASSWORD } from '../test/test-principals.js';
import { systemPrincipal, type Principal } from './principal.js';

const DATABASE_URL = process.env.DATABASE_URL;
const ADMIN = systemPrincipal('credential-cache-test');
const META = { address: '127.0.0.1', userAgent: 'test' };
const TTL_MS = 60_000;
/** Time for a NOTIFY to reach the other instance's LISTEN; far under the TTL. */
const DELIVERY_DEADLINE_MS = 3_000;

interface Instance {
  readonly services: Services;
  readonly pubsub: PgPubSub;
}

async function instanceOn(database: Database): Promise<Instance> {
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  await pubsub.ready;
  const services = createServices(database.dataSource, {
    clock: systemClock,
    pubsub,
    credentialTtlMs: TTL_MS,
  });
  return { services, pubsub };
}

function bearer(holder: { readonly headers: Readonly<Record<string, string>> }): string {
  return holder.headers.authorization ?? '';
}

async function refused(services: Services, authorization: string): Promise<boolean> {
  try {
    await services.auth.authenticate(authorization);
    return false;
  } catch {
    return true;
  }
}

/** How long until `services` refuses the credentials (throws past the deadline). */
async function refusedWithin(services: Services, authorization: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await refused(services, authorization)) return performance.now() - started;
    if (performance.now() - started > DELIVERY_DEADLINE_MS) {
      throw new Error(`Still accepted ${DELIVERY_DEADLINE_MS} ms after the change`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function roleWithin(services: Services, authorization: string, role: string) {
  const started = performance.now();
  for (;;) {
    const principal: Principal = await services.auth.authenticate(authorization);
    if (principal.kind === 'user' && principal.role === role) return performance.now() - started;
    if (performance.now() - started > DELIVERY_DEADLINE_MS) {
      throw new Error(`Still the old role ${DELIVERY_DEADLINE_MS} ms after the change`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('kept credentials on one instance', () => {
  let database: TestDatabase;
  let a: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await instanceOn(database);
  }, 60_000);

  afterAll(async () => {
    await a?.pubsub.close();
    await database?.close();
  });

  it('answers a credential verified before from what it kept', async () => {
    const user = await signInNewUser(a.services, 'HANDLER');
    const first = await a.services.auth.authenticate(bearer(user));
    expect(await a.services.auth.authenticate(bearer(user))).toBe(first);
    const key = await newPartnerKey(a.services, ['complaints:read']);
    const keyFirst = await a.services.auth.authenticate(bearer(key));
    expect(await a.services.auth.authenticate(bearer(key))).toBe(keyFirst);
  });

  it('refuses a deactivated user’s sessions at the next request', async () => {
    const user = await signInNewUser(a.services, 'HANDLER');
    await a.services.auth.authenticate(bearer(user));
    await a.services.users.setActive(ADMIN, user.id, false);
    expect(await refused(a.services, bearer(user))).toBe(true);
  });

  it('refuses a signed-out session, and every session signed out everywhere', async () => {
    const user = await signInNewUser(a.services, 'MANAGER');
    const principal = await a.services.auth.authenticate(bearer(user));
    await a.services.auth.signOut(principal, undefined, META);
    expect(await refused(a.services, bearer(user))).toBe(true);

    const other = await signInNewUser(a.services, 'MANAGER');
    const again = await a.services.auth.signIn(other.email, TEST_PASSWORD, META);
    const secondDevice = `Bearer ${again.accessToken}`;
    const otherPrincipal = await a.services.auth.authenticate(bearer(other));
    await a.services.auth.authenticate(secondDevice);
    await a.services.auth.signOutEverywhere(otherPrincipal, META);
    expect(await refused(a.services, bearer(other))).toBe(true);
    expect(await refused(a.services, secondDevice)).toBe(true);
  });

  it('answers a changed role, and refuses after a password reset and a revoked key', async () => {
    const user = await signInNewUser(a.services, 'HANDLER');
    await a.services.auth.authenticate(bearer(user));
    await a.services.users.update(ADMIN, user.id, { role: 'ANALYST' });
    const changed = await a.services.auth.authenticate(bearer(user));
    expect(changed.kind === 'user' && changed.role).toBe('ANALYST');
    await a.services.users.resetPassword(ADMIN, user.id, 'another long password nobody guesses');
    expect(await refused(a.services, bearer(user))).toBe(true);

    const key = await newPartnerKey(a.services, ['complaints:read']);
    await a.services.auth.authenticate(bearer(key));
    await a.services.apiKeys.revoke(ADMIN, key.id);
    expect(await refused(a.services, bearer(key))).toBe(true);
  });
});

describe.skipIf(!DATABASE_URL)('kept credentials on two instances of one PostgreSQL', () => {
  let database: TestDatabase;
  let second: Database;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    second = await createDataSource({ databaseUrl: database.url ?? '', poolSize: 2 });
    a = await instanceOn(database);
    b = await instanceOn(second);
  }, 60_000);

  afterAll(async () => {
    await a?.pubsub.close();
    await b?.pubsub.close();
    await second?.close();
    await database?.close();
  });

  it('refuses on B a user deactivated on A, within a NOTIFY’s delivery', async () => {
    const user = await signInNewUser(a.services, 'HANDLER');
    const kept = await b.services.auth.authenticate(bearer(user));
    expect(await b.services.auth.authenticate(bearer(user))).toBe(kept);
    await a.services.users.setActive(ADMIN, user.id, false);
    expect(await refused(a.services, bearer(user))).toBe(true);
    expect(await refusedWithin(b.services, bearer(user))).toBeLessThan(DELIVERY_DEADLINE_MS);
  });

  it('refuses on B a session signed out on A, and a key revoked on A', async () => {
    const user = await signInNewUser(a.services, 'MANAGER');
    await b.services.auth.authenticate(bearer(user));
    const principal = await a.services.auth.authenticate(bearer(user));
    await a.services.auth.signOut(principal, undefined, META);
    await refusedWithin(b.services, bearer(user));

    const key = await newPartnerKey(a.services, ['complaints:read']);
    await b.services.auth.authenticate(bearer(key));
    await a.services.apiKeys.revoke(ADMIN, key.id);
    await refusedWithin(b.services, bearer(key));
  });

  it('answers on B a role changed on A', async () => {
    const user = await signInNewUser(a.services, 'HANDLER');
    await b.services.auth.authenticate(bearer(user));
    await a.services.users.update(ADMIN, user.id, { role: 'MANAGER' });
    await roleWithin(b.services, bearer(user), 'MANAGER');
  });
});
