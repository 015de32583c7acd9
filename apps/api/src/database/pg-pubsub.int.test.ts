import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, settle } from '../test/async-collect.js';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { createPgPubSub, type DeadlineAlertPayload, type PgPubSub } from './pg-pubsub.js';

const alert = (reference: string): DeadlineAlertPayload => ({
  complaintId: '00000000-0000-4000-8000-000000000001',
  reference,
  stage: 1,
  kind: 'acknowledge',
  alert: 'due-today',
  dueOn: '2026-03-09',
});

describe('the pubsub over LISTEN/NOTIFY', () => {
  let db: TestDatabase;
  let pubsub: PgPubSub;

  beforeAll(async () => {
    db = await createTestDatabase();
    pubsub = createPgPubSub(db.dataSource, db.listener);
    await pubsub.ready;
  });

  afterAll(async () => {
    await pubsub?.close();
    await db?.close();
  });

  it('delivers publish() outside a transaction through the database, to each subscriber', async () => {
    const first = collect(pubsub.subscribe('DEADLINE_ALERT'));
    const second = collect(pubsub.subscribe('DEADLINE_ALERT'));
    try {
      pubsub.publish('DEADLINE_ALERT', alert('CMP-2026-000001'));
      await first.until((items) => items.length === 1);
      await second.until((items) => items.length === 1);
      expect(first.items).toEqual([alert('CMP-2026-000001')]);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('delivers what a transaction notified only once it commits', async () => {
    const heard = collect(pubsub.subscribe('DEADLINE_ALERT'));
    try {
      await db.dataSource.transaction(async (manager) => {
        await pubsub.notify(manager, 'DEADLINE_ALERT', [
          alert('CMP-2026-000002'),
          alert('CMP-2026-000003'),
        ]);
        await settle(100);
        // Still inside the transaction: nothing is out yet.
        expect(heard.items).toEqual([]);
      });
      await heard.until((items) => items.length === 2);
      expect(heard.items.map((a) => a.reference)).toEqual(['CMP-2026-000002', 'CMP-2026-000003']);
    } finally {
      await heard.stop();
    }
  });

  it('delivers nothing of a transaction that rolled back', async () => {
    const heard = collect(pubsub.subscribe('DEADLINE_ALERT'));
    try {
      await expect(
        db.dataSource.transaction(async (manager) => {
          await pubsub.notify(manager, 'DEADLINE_ALERT', [alert('CMP-2026-000005')]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // A marker sent after the rollback, on a connection of its own. A NOTIFY sent outside the
      // transaction went out before it: on PostgreSQL at once, on PGlite as soon as the rollback
      // freed the one session (callers take it in turn). Once the marker is in, it would be too.
      pubsub.publish('DEADLINE_ALERT', alert('CMP-2026-000006'));
      await heard.until((items) => items.some((a) => a.reference === 'CMP-2026-000006'));
      await settle(100);
      expect(heard.items.map((a) => a.reference)).toEqual(['CMP-2026-000006']);
    } finally {
      await heard.stop();
    }
  });

  it('refuses a payload over the NOTIFY limit rather than lose it', async () => {
    await expect(
      db.dataSource.transaction((manager) =>
        pubsub.notify(manager, 'DEADLINE_ALERT', [alert('x'.repeat(9_000))]),
      ),
    ).rejects.toThrow(/over NOTIFY's limit/);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'listens again after its connection is cut, and tells its subscribers they may have missed some, on PostgreSQL',
    async () => {
      const before = collect(pubsub.subscribe('DEADLINE_ALERT'));
      const reconnected = new Promise<void>((resolve) => db.listener.onReconnect(resolve));
      let after: ReturnType<typeof collect<DeadlineAlertPayload>> | undefined;
      try {
        await db.dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'redress-test-listen'`,
        );
        await reconnected;
        // Whatever was notified while it was cut off is gone: the subscriber is ended, told why.
        await before.until(() => before.error !== undefined);
        expect(before.error).toBeInstanceOf(SubscriptionInterruptedError);
        expect((before.error as SubscriptionInterruptedError).reason).toBe('events-missed');
        // A subscriber from now on hears what is published from now on.
        after = collect(pubsub.subscribe('DEADLINE_ALERT'));
        await settle(50);
        pubsub.publish('DEADLINE_ALERT', alert('CMP-2026-000004'));
        await after.until((items) => items.some((a) => a.reference === 'CMP-2026-000004'));
      } finally {
        await before.stop();
        await after?.stop();
      }
    },
  );
});
