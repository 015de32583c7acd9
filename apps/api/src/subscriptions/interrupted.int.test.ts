// A subscriber that cannot keep up is ended with SUBSCRIPTION_INTERRUPTED, with what it had
// waiting delivered first; the server, and every other subscriber, carry on. Here a subscriber
// may have two events waiting, and eight arrive at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectSubscriptions,
  gqlData,
  primeSubscription,
  type SubscriptionClient,
} from '../test/graphql-client.js';
import { ACKNOWLEDGE, ASSIGN, logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const EVENTS = /* GraphQL */ `
  subscription Events($complaintId: ID) {
    complaintEvents(complaintId: $complaintId) {
      complaintId
      version
    }
  }
`;

interface EventMessage {
  complaintEvents: { complaintId: string; version: number };
}

let api: TestServer;
let ws: SubscriptionClient;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z', maxSubscriberBacklog: 2 });
  ws = await connectSubscriptions(api.wsUrl, { actor: 'slow.reader' });
});

afterAll(async () => {
  await ws?.close();
  await api?.stop();
});

async function complaintWithEvents(): Promise<string> {
  const { logComplaint } = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
    { input: logInput('2026-11-06T10:00:00Z') },
  );
  await gqlData(api.url, ASSIGN, { id: logComplaint.id, handler: 'Sam Patel' });
  await gqlData(api.url, ACKNOWLEDGE, { id: logComplaint.id });
  return logComplaint.id;
}

/**
 * Announces the complaint's stored events again, twice each, in one statement: they arrive
 * together, faster than any reader can take them one by one.
 */
async function announceTogether(complaintId: string): Promise<void> {
  const channel = api.pubsub.channelOf('COMPLAINT_EVENT');
  await api.dataSource.query(
    `SELECT pg_notify($1, json_build_object('complaintId', complaint_id, 'version', version,
              'type', type, 'position', position::text, 'at', occurred_at)::text)
       FROM complaint_event, generate_series(1, 2)
      WHERE complaint_id = $2
      ORDER BY position`,
    [channel, complaintId],
  );
}

async function reassign(id: string, handler: string): Promise<void> {
  await gqlData(api.url, ASSIGN, { id, handler });
}

describe('a subscriber that falls behind', () => {
  it('is sent what it had waiting, then SUBSCRIPTION_INTERRUPTED, and may subscribe again', async () => {
    const id = await complaintWithEvents();
    const slow = ws.subscribe<EventMessage>(EVENTS, { complaintId: id });
    await primeSubscription(slow, () => reassign(id, 'Priya Shah'));
    slow.clear();

    await announceTogether(id);
    await slow.waitFor(() => slow.errors.length > 0, 10_000).catch(() => undefined);
    // graphql-ws sends an operation's errors as one list.
    expect(slow.errors.flat()).toEqual([
      expect.objectContaining({
        extensions: { code: 'SUBSCRIPTION_INTERRUPTED', reason: 'TOO_SLOW' },
        message: expect.stringMatching(/Subscribe again/),
      }),
    ]);
    // At most what it was allowed to have waiting reached it before the end, in order.
    const versions = slow.messages.map((m) => m.complaintEvents.version);
    expect(versions.length).toBeLessThanOrEqual(3);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);

    // The server carries on: a new subscription hears a new write.
    const again = ws.subscribe<EventMessage>(EVENTS, { complaintId: id });
    await primeSubscription(again, () => reassign(id, 'Alex Kim'));
    // Primed: it heard the write.
    expect(again.errors).toEqual([]);
  });
});
