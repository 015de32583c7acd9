// Subscriptions over a real WebSocket with graphql-ws's client: a subscriber hears every
// committed event, in order, and nothing of a write that did not commit; deadline alerts arrive
// when the watcher runs, once each.
//
// "Nothing arrived" is never proven by waiting alone: after the write that must not be heard, a
// committed marker write follows, and once the marker's message is in, anything the earlier
// write had sent would be in too (notifications are delivered in commit order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSubscriptions,
  gql,
  gqlData,
  gqlError,
  primeSubscription,
  type Subscription,
  type SubscriptionClient,
} from '../test/graphql-client.js';
import { ACKNOWLEDGE, ASSIGN, logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';

const COMPLAINT_EVENTS = /* GraphQL */ `
  subscription Events($complaintId: ID) {
    complaintEvents(complaintId: $complaintId) {
      complaintId
      version
      type
      at
      actor {
        kind
        id
      }
    }
  }
`;

const DEADLINE_ALERTS = /* GraphQL */ `
  subscription Alerts {
    deadlineAlerts {
      complaintId
      reference
      stage
      kind
      alert
      dueOn
    }
  }
`;

interface EventMessage {
  complaintEvents: {
    complaintId: string;
    version: number;
    type: string;
    at: string;
    actor: { kind: string; id: string };
  };
}

interface AlertMessage {
  deadlineAlerts: {
    complaintId: string;
    reference: string;
    stage: number;
    kind: string;
    alert: string;
    dueOn: string;
  };
}

let api: TestServer;
let intake: SignedInUser;
let leader: SignedInUser;
let sam: SignedInUser;
let ws: SubscriptionClient;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
  intake = await signInNewUser(api.services, 'HANDLER', { name: 'Intake Team' });
  leader = await signInNewUser(api.services, 'MANAGER', { name: 'Team Leader' });
  sam = await signInNewUser(api.services, 'HANDLER', { name: 'Sam Patel' });
  ws = await connectSubscriptions(api.wsUrl);
});

afterAll(async () => {
  await ws?.close();
  await api?.stop();
});

async function logComplaint(
  receivedAt = '2026-11-06T10:00:00Z',
  overrides: Record<string, unknown> = {},
) {
  const data = await gqlData<{ logComplaint: { id: string; reference: string; version: number } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id reference version } }`,
    { input: logInput(receivedAt, overrides) },
    intake.headers,
  );
  return data.logComplaint;
}

const probeWithNewComplaint = async (): Promise<void> => {
  await logComplaint();
};

const eventsOf = (sub: Subscription<EventMessage>, complaintId: string) =>
  sub.messages.map((m) => m.complaintEvents).filter((e) => e.complaintId === complaintId);

describe('complaintEvents', () => {
  it('delivers the events of committed writes, in order, with who did them', async () => {
    api.clock.set('2026-11-09T09:00:00Z');
    const all = ws.subscribe<EventMessage>(COMPLAINT_EVENTS);
    await primeSubscription(all, probeWithNewComplaint);

    const complaint = await logComplaint();
    await gqlData(
      api.url,
      ASSIGN,
      { id: complaint.id, handler: 'Sam Patel', expectedVersion: 1 },
      leader.headers,
    );
    await gqlData(api.url, ACKNOWLEDGE, { id: complaint.id, expectedVersion: 2 }, sam.headers);

    await all.waitFor(() => eventsOf(all, complaint.id).length >= 3);
    expect(eventsOf(all, complaint.id)).toEqual([
      {
        complaintId: complaint.id,
        version: 1,
        type: 'complaint-logged',
        at: '2026-11-09T09:00:00.000Z',
        actor: { kind: 'USER', id: intake.id },
      },
      {
        complaintId: complaint.id,
        version: 2,
        type: 'complaint-assigned',
        at: '2026-11-09T09:00:00.000Z',
        actor: { kind: 'USER', id: leader.id },
      },
      {
        complaintId: complaint.id,
        version: 3,
        type: 'complaint-acknowledged',
        at: '2026-11-09T09:00:00.000Z',
        actor: { kind: 'USER', id: sam.id },
      },
    ]);
    all.unsubscribe();
  });

  it('with a complaintId, delivers that complaint only', async () => {
    const watched = await logComplaint();
    const other = await logComplaint();
    const filtered = ws.subscribe<EventMessage>(COMPLAINT_EVENTS, { complaintId: watched.id });
    let handlerTurn = 0;
    await primeSubscription(filtered, async () => {
      handlerTurn += 1;
      await gqlData(api.url, ASSIGN, { id: watched.id, handler: `Probe ${handlerTurn}` });
    });

    // The other complaint's write commits first; the watched one's after it.
    await gqlData(api.url, ASSIGN, { id: other.id, handler: 'Kim Lee' });
    await gqlData(api.url, ACKNOWLEDGE, { id: watched.id });

    const received = await filtered.waitFor((messages) =>
      messages.some((m) => m.complaintEvents.type === 'complaint-acknowledged'),
    );
    expect(received.map((m) => m.complaintEvents.complaintId)).toEqual([watched.id]);
    expect(received.map((m) => m.complaintEvents.type)).toEqual(['complaint-acknowledged']);
    filtered.unsubscribe();
  });

  it('delivers nothing of writes that were refused, stale, or lost a race', async () => {
    const all = ws.subscribe<EventMessage>(COMPLAINT_EVENTS);
    await primeSubscription(all, probeWithNewComplaint);

    const target = await logComplaint();
    await gqlData(api.url, ACKNOWLEDGE, { id: target.id });
    const raced = await logComplaint();
    // Forget the set-up writes once the last of them has been heard.
    await all.waitFor((messages) =>
      messages.some((m) => m.complaintEvents.complaintId === raced.id),
    );
    all.clear();

    // Refused by the domain: acknowledged already.
    const refused = await gqlError(api.url, ACKNOWLEDGE, { id: target.id });
    expect(refused.extensions?.code).toBe('POLICY_REFUSED');
    // Stale: the caller thinks it is still at version 1.
    const stale = await gqlError(api.url, ASSIGN, {
      id: target.id,
      handler: 'Ann Old',
      expectedVersion: 1,
    });
    expect(stale.extensions?.code).toBe('CONFLICT');
    // Five writes race on the same version: one commits, the others roll back.
    const race = await Promise.all(
      ['Ava', 'Ben', 'Cara', 'Dev', 'Eli'].map((handler) =>
        gql<{ assignComplaint: { assignee: string } }>(api.url, ASSIGN, {
          id: raced.id,
          handler,
          expectedVersion: 1,
        }),
      ),
    );
    const winners = race.filter((r) => r.data?.assignComplaint);
    expect(winners).toHaveLength(1);

    const marker = await logComplaint();
    await all.waitFor((messages) =>
      messages.some((m) => m.complaintEvents.complaintId === marker.id),
    );

    expect(
      all.messages.map(({ complaintEvents: e }) => [e.complaintId, e.version, e.type]),
    ).toEqual([
      [raced.id, 2, 'complaint-assigned'],
      [marker.id, 1, 'complaint-logged'],
    ]);
    all.unsubscribe();
  });

  it('delivers nothing of a write whose transaction fails at commit, after its NOTIFY', async () => {
    // A deferred constraint trigger, added to this test's own database, makes COMMIT fail for
    // one marked complaint: the write runs to the end (event, read model, NOTIFY) and is then
    // rolled back by the database. PostgreSQL discards the NOTIFY of a rolled-back transaction;
    // the test shows the API publishes nothing by any other path.
    await api.dataSource.query(`
      CREATE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'commit refused by the subscription test';
      END
      $$`);
    // On the event's personal part, where the summary is kept (complaint_event_personal), written
    // in the same statement as the event.
    await api.dataSource.query(`
      CREATE CONSTRAINT TRIGGER test_refuse_commit
        AFTER INSERT ON complaint_event_personal
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW
        WHEN (NEW.personal->>'summary' = 'ROLL THIS BACK AT COMMIT')
        EXECUTE FUNCTION test_refuse_commit()`);
    try {
      const all = ws.subscribe<EventMessage>(COMPLAINT_EVENTS);
      await primeSubscription(all, probeWithNewComplaint);
      const countBefore = await complaintCount();

      const failed = await gql(
        api.url,
        `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
        { input: logInput('2026-11-06T10:00:00Z', { summary: 'ROLL THIS BACK AT COMMIT' }) },
      );
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(failed.errors?.[0]?.message).not.toMatch(/subscription test|trigger/);
      expect(await complaintCount()).toBe(countBefore);

      const marker = await logComplaint();
      await all.waitFor((messages) =>
        messages.some((m) => m.complaintEvents.complaintId === marker.id),
      );
      expect(all.messages.map((m) => m.complaintEvents.complaintId)).toEqual([marker.id]);
      all.unsubscribe();
    } finally {
      await api.dataSource.query(`DROP TRIGGER test_refuse_commit ON complaint_event_personal`);
      await api.dataSource.query(`DROP FUNCTION test_refuse_commit()`);
    }
  });
});

async function complaintCount(): Promise<number> {
  const data = await gqlData<{ complaints: { totalCount: number } }>(
    api.url,
    `{ complaints { totalCount } }`,
  );
  return data.complaints.totalCount;
}

describe('deadlineAlerts', () => {
  it('raises due soon, due today and overdue as the days pass, each once', async () => {
    const alerts = ws.subscribe<AlertMessage>(DEADLINE_ALERTS);
    // A probe that always raises something new: a complaint already weeks overdue.
    await primeSubscription(alerts, async () => {
      api.clock.set('2026-11-09T09:00:00Z');
      await logComplaint('2026-10-01T09:00:00Z');
      await api.watcher.runOnce();
    });

    api.clock.set('2026-11-09T09:00:00Z'); // Monday
    const complaint = await logComplaint('2026-11-06T10:00:00Z'); // acknowledgement due Fri 13 Nov
    const alertsFor = () =>
      alerts.messages.map((m) => m.deadlineAlerts).filter((a) => a.complaintId === complaint.id);

    // Each day: run the watcher twice, then raise a marker alert; once the marker is in, any
    // alert of the complaint from either run would be in too.
    const day = async (instant: string): Promise<void> => {
      api.clock.set(instant);
      await api.watcher.runOnce();
      await api.watcher.runOnce();
      const marker = await logComplaint('2026-09-01T09:00:00Z');
      await api.watcher.runOnce();
      await alerts.waitFor((messages) =>
        messages.some((m) => m.deadlineAlerts.complaintId === marker.id),
      );
    };

    await day('2026-11-09T09:05:00Z'); // 4 working days left: nothing yet
    expect(alertsFor()).toEqual([]);

    await day('2026-11-12T09:00:00Z'); // Thursday: 1 working day left
    await day('2026-11-13T09:00:00Z'); // Friday: due today
    await day('2026-11-16T09:00:00Z'); // Monday: overdue
    await day('2026-11-17T09:00:00Z'); // still overdue: no second alert

    const expected = (alert: string) => ({
      complaintId: complaint.id,
      reference: complaint.reference,
      stage: 1,
      kind: 'ACKNOWLEDGE',
      alert,
      dueOn: '2026-11-13',
    });
    expect(alertsFor()).toEqual([expected('DUE_SOON'), expected('DUE_TODAY'), expected('OVERDUE')]);
    alerts.unsubscribe();
  });

  it('stops alerting once the step is done', async () => {
    const alerts = ws.subscribe<AlertMessage>(DEADLINE_ALERTS);
    await primeSubscription(alerts, async () => {
      await logComplaint('2026-09-01T09:00:00Z');
      await api.watcher.runOnce();
    });
    api.clock.set('2026-11-09T09:00:00Z');
    const complaint = await logComplaint('2026-11-06T10:00:00Z');
    await gqlData(api.url, ACKNOWLEDGE, { id: complaint.id, at: '2026-11-09T09:00:00Z' });

    // Acknowledged on time; the response (due Mon 23 Nov) is far off on the 16th.
    api.clock.set('2026-11-16T09:00:00Z');
    await api.watcher.runOnce();
    const marker = await logComplaint('2026-09-01T09:00:00Z');
    await api.watcher.runOnce();
    await alerts.waitFor((messages) =>
      messages.some((m) => m.deadlineAlerts.complaintId === marker.id),
    );
    expect(alerts.messages.filter((m) => m.deadlineAlerts.complaintId === complaint.id)).toEqual(
      [],
    );
    alerts.unsubscribe();
  });
});
