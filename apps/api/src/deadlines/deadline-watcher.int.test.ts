import type { Actor } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createDataSource, type Database } from '../database/data-source.js';
import { createPgPubSub, type DeadlineAlertPayload, type PgPubSub } from '../database/pg-pubsub.js';
import { createServices, type Services } from '../services.js';
import { collect, settle } from '../test/async-collect.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { DeadlineWatcher } from './deadline-watcher.js';
import { principalFor, READER } from '../test/test-principals.js';

const actor: Actor = { kind: 'user', id: 'tester' };

function complaintReceived(receivedAt: string, name = 'Sam Okafor') {
  return {
    receivedAt,
    channel: 'email' as const,
    complainant: { name, type: 'tenant' as const },
    representative: null,
    summary: 'Repair to the front door lock not done',
    desiredOutcome: 'A front door that locks',
    category: 'repairs',
    tenure: 'lcra' as const,
    serviceRequestId: null,
  };
}

describe('DeadlineWatcher', () => {
  // Monday 2 March 2026: received then, the Code's acknowledgement is due Monday 9 March and
  // due soon (2 working days' warning) from Thursday 5 March.
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let db: TestDatabase;
  let pubsub: PgPubSub;
  let services: Services;

  beforeAll(async () => {
    db = await createTestDatabase();
    pubsub = createPgPubSub(db.dataSource, db.listener);
    await pubsub.ready;
    services = createServices(db.dataSource, { clock, pubsub });
  });

  afterAll(async () => {
    await pubsub?.close();
    await db?.close();
  });

  it('raises due soon, due today and overdue once each, and publishes them', async () => {
    const { state } = await services.complaints.log(complaintReceived('2026-03-02T08:30:00Z'), {
      by: principalFor(actor),
    });
    const watcher = new DeadlineWatcher(services, { clock, pubsub });
    const heard = collect(pubsub.subscribe('DEADLINE_ALERT'));
    const mine = (alerts: readonly DeadlineAlertPayload[]) =>
      alerts
        .filter((a) => a.complaintId === state.id)
        .map((a) => `${a.kind}:${a.alert}:${a.dueOn}`);
    try {
      clock.set('2026-03-04T09:00:00Z');
      expect(mine((await watcher.runOnce()).alerts)).toEqual([]);

      clock.set('2026-03-05T09:00:00Z');
      expect(mine((await watcher.runOnce()).alerts)).toEqual(['acknowledge:due-soon:2026-03-09']);
      expect(mine((await watcher.runOnce()).alerts)).toEqual([]);

      clock.set('2026-03-09T09:00:00Z');
      expect(mine((await watcher.runOnce()).alerts)).toEqual(['acknowledge:due-today:2026-03-09']);

      clock.set('2026-03-10T09:00:00Z');
      expect(mine((await watcher.runOnce()).alerts)).toEqual(['acknowledge:overdue:2026-03-09']);
      expect(mine((await watcher.runOnce()).alerts)).toEqual([]);

      await heard.until((items) => mine(items).length === 3);
      expect(mine(heard.items)).toEqual([
        'acknowledge:due-soon:2026-03-09',
        'acknowledge:due-today:2026-03-09',
        'acknowledge:overdue:2026-03-09',
      ]);
      expect(heard.items[0]?.reference).toBe(state.reference);
    } finally {
      await heard.stop();
    }
  });

  it('raises nothing for what was done in time, nor for an ended case', async () => {
    clock.set('2026-03-02T09:00:00Z');
    const done = await services.complaints.log(complaintReceived('2026-03-02T08:00:00Z'), {
      by: principalFor(actor),
    });
    await services.complaints.execute(
      done.state.id,
      { type: 'acknowledge' },
      { by: principalFor(actor) },
    );
    const ended = await services.complaints.log(complaintReceived('2026-03-02T08:00:00Z'), {
      by: principalFor(actor),
    });
    await services.complaints.execute(
      ended.state.id,
      { type: 'withdraw', reason: 'Sorted' },
      { by: principalFor(actor) },
    );
    // Withdrawn once its acknowledgement (due Mon 9 March) was late: the deadline stays, missed
    // and stopped, and nothing more is due of it.
    const late = await services.complaints.log(complaintReceived('2026-03-02T08:00:00Z'), {
      by: principalFor(actor),
    });
    clock.set('2026-03-10T09:00:00Z');
    await services.complaints.execute(
      late.state.id,
      { type: 'withdraw', reason: 'The resident moved away' },
      { by: principalFor(actor) },
    );
    const stopped: Array<{ kind: string; stopped: boolean }> = await db.dataSource.query(
      `SELECT kind, stopped_at IS NOT NULL AS stopped FROM complaint_deadline
        WHERE complaint_id = $1 ORDER BY kind`,
      [late.state.id],
    );
    expect(stopped).toEqual([{ kind: 'acknowledge', stopped: true }]);
    const { alerts } = await new DeadlineWatcher(services, { clock, pubsub }).runOnce();
    expect(
      alerts.filter((a) => a.complaintId === done.state.id && a.kind === 'acknowledge'),
    ).toEqual([]);
    expect(alerts.filter((a) => a.complaintId === ended.state.id)).toEqual([]);
    expect(alerts.filter((a) => a.complaintId === late.state.id)).toEqual([]);
  });

  it('with two watchers running at once, raises each alert exactly once', async () => {
    clock.set('2026-03-02T09:00:00Z');
    const ids = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const { state } = await services.complaints.log(
        complaintReceived('2026-03-02T08:00:00Z', `Resident ${i}`),
        { by: principalFor(actor) },
      );
      ids.add(state.id);
    }
    // Far enough on for the acknowledgement (overdue) and the provisional response (due soon
    // or later) of every one of them.
    clock.set('2026-03-12T09:00:00Z');

    // A second connection to the same database, as a second API instance would have; PGlite is
    // one session, so there the second watcher shares it.
    const second: Database | null = db.url ? await createDataSource({ databaseUrl: db.url }) : null;
    try {
      const options = { clock, pubsub, batchSize: 7 };
      const a = new DeadlineWatcher(services, { ...options, instanceId: 'a' });
      const b = new DeadlineWatcher(
        second ? createServices(second.dataSource, { clock, pubsub }) : services,
        { ...options, instanceId: 'b' },
      );
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      const raised = [...ra.alerts, ...rb.alerts].filter((alert) => ids.has(alert.complaintId));
      const keys = raised.map((x) => `${x.complaintId}/${x.stage}/${x.kind}/${x.alert}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(raised.filter((x) => x.kind === 'acknowledge' && x.alert === 'overdue')).toHaveLength(
        40,
      );

      const rows: Array<{ n: number }> = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM deadline_alert WHERE complaint_id = ANY($1::uuid[])',
        [[...ids]],
      );
      expect(rows[0]?.n).toBe(keys.length);
      expect([...(await a.runOnce()).alerts, ...(await b.runOnce()).alerts]).toEqual([]);
    } finally {
      await second?.close();
    }
  });

  it('closes a case automatically once its policy’s window has lapsed (seed 000)', async () => {
    clock.set('2026-03-02T09:00:00Z');
    const { state } = await services.complaints.log(complaintReceived('2026-03-02T08:00:00Z'), {
      by: principalFor(actor),
      policyId: 'seed-000',
    });
    await services.complaints.execute(
      state.id,
      { type: 'acknowledge' },
      { by: principalFor(actor) },
    );
    await services.complaints.execute(
      state.id,
      { type: 'respond', outcome: 'not-upheld', findings: 'The lock was replaced on time.' },
      { by: principalFor(actor) },
    );
    const watcher = new DeadlineWatcher(services, { clock, pubsub });
    expect((await watcher.runOnce()).autoClosed).not.toContain(state.id);
    // 20 working days after 2 March is 30 March; closing may start on the 31st.
    clock.set('2026-03-31T09:00:00Z');
    expect((await watcher.runOnce()).autoClosed).toContain(state.id);
    const closed = await services.complaints.findById(READER, state.id);
    expect(closed?.state).toMatchObject({
      status: 'closed',
      closeReason: 'escalation-window-lapsed',
    });
    const events = (await services.complaints.eventsFor([state.id])).get(state.id) ?? [];
    expect(events.at(-1)?.actor).toMatchObject({ kind: 'system', id: 'deadline-watcher' });
    expect((await watcher.runOnce()).autoClosed).not.toContain(state.id);
  });

  it('publishes nothing of a run whose transaction fails at commit, and raises it again next run', async () => {
    clock.set('2026-04-06T09:00:00Z');
    const { state } = await services.complaints.log(complaintReceived('2026-04-06T08:00:00Z'), {
      by: principalFor(actor),
    });
    // Acknowledgement due Monday 13 April: overdue on the 14th.
    clock.set('2026-04-14T09:00:00Z');
    const mine = (alerts: readonly DeadlineAlertPayload[]) =>
      alerts
        .filter((a) => a.complaintId === state.id)
        .map((a) => `${a.kind}:${a.alert}:${a.dueOn}`);
    const heard = collect(pubsub.subscribe('DEADLINE_ALERT'));
    const watcher = new DeadlineWatcher(services, { clock, pubsub });
    // A deferred constraint trigger, in this test's own database, makes COMMIT fail once the
    // run's transaction has claimed, recorded and notified this case's alert: the database
    // rolls it all back, the NOTIFY with it.
    await db.dataSource.query(`
      CREATE FUNCTION test_refuse_alert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'alert refused by the watcher test';
      END
      $$`);
    await db.dataSource.query(`
      CREATE CONSTRAINT TRIGGER test_refuse_alert
        AFTER INSERT ON deadline_alert
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW
        WHEN (NEW.complaint_id = '${state.id}')
        EXECUTE FUNCTION test_refuse_alert()`);
    try {
      try {
        await expect(watcher.runOnce()).rejects.toThrow('alert refused by the watcher test');
      } finally {
        await db.dataSource.query('DROP TRIGGER test_refuse_alert ON deadline_alert');
        await db.dataSource.query('DROP FUNCTION test_refuse_alert()');
      }
      // The next run raises the alert, once, and publishes it: after that publication, any
      // from the failed run (sent outside its transaction) would have arrived too.
      const raised = mine((await watcher.runOnce()).alerts);
      expect(raised).toEqual(['acknowledge:overdue:2026-04-13']);
      await heard.until((items) => mine(items).length >= raised.length);
      await settle(100);
      expect(mine(heard.items)).toEqual(raised);
    } finally {
      await heard.stop();
    }
  });
});
