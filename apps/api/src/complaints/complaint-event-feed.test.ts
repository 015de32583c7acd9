// The feed with a hand-made pubsub (only what the feed uses) and a hand-made read: what the
// subscribers get, in what order, from how many reads; and what happens when reading lags.
import { describe, expect, it } from 'vitest';
import type { ComplaintEventPayload, PgPubSub } from '../database/pg-pubsub.js';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';
import { ComplaintEventFeed, MAX_QUEUED } from './complaint-event-feed.js';
import type { PlacedEvent } from './complaint.repository.js';

function fakePubSub() {
  let deliver: ((payload: ComplaintEventPayload) => void) | undefined;
  let gap: (() => void) | undefined;
  const pubsub = {
    onPayload: (_topic: string, callback: (payload: ComplaintEventPayload) => void) => {
      deliver = callback;
      return () => undefined;
    },
    onGap: (callback: () => void) => {
      gap = callback;
      return () => undefined;
    },
  };
  return {
    pubsub: pubsub as unknown as PgPubSub,
    announce: (payload: ComplaintEventPayload) => deliver?.(payload),
    cutOff: () => gap?.(),
  };
}

const COMPLAINT = '00000000-0000-4000-8000-000000000001';

function payload(version: number): ComplaintEventPayload {
  return {
    complaintId: COMPLAINT,
    version,
    type: 'complaint-assigned',
    position: String(version),
    at: '2026-11-09T09:00:00.000Z',
  };
}

const HANDLER = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000a2';

/** Odd versions leave the case with HANDLER, even ones with OTHER. */
function stored(key: ComplaintEventPayload): PlacedEvent {
  return {
    ...key,
    recordedAt: key.at,
    actor: { kind: 'system', id: 'test' },
    payload: {} as PlacedEvent['payload'],
    placement: {
      assigneeId: key.version % 2 === 1 ? HANDLER : OTHER,
      teamId: null,
      loggedByApiKeyId: null,
    },
  };
}

const ALL = { kind: 'all' } as const;

async function take<T>(iterator: AsyncIterableIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  while (values.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    values.push(next.value);
  }
  return values;
}

describe('ComplaintEventFeed', () => {
  it('reads what was announced together in one read, and hands it on in order', async () => {
    const { pubsub, announce } = fakePubSub();
    const reads: number[] = [];
    const feed = new ComplaintEventFeed(pubsub, async (keys) => {
      reads.push(keys.length);
      return [...keys].reverse().map(stored); // the database's order is not the feed's
    });
    const events = feed.subscribe(ALL, COMPLAINT);
    const first = events.next();
    for (let version = 1; version <= 5; version += 1) announce(payload(version));
    expect((await first).value?.version).toBe(1);
    expect((await take(events, 4)).map((e) => e.version)).toEqual([2, 3, 4, 5]);
    // The first key is read at once; the four that came while it was read, together.
    expect(reads).toEqual([1, 4]);
    await events.return?.(undefined);
  });

  it("hands each event only to the subscribers whose scope admits the case's placement", async () => {
    const { pubsub, announce } = fakePubSub();
    let reads = 0;
    const feed = new ComplaintEventFeed(pubsub, async (keys) => {
      reads += 1;
      return keys.map(stored);
    });
    const handler = feed.subscribe({ kind: 'queue', userId: HANDLER, teamIds: [] });
    const everyone = feed.subscribe(ALL);
    const nobody = feed.subscribe({ kind: 'none' });
    const heardByNobody = nobody.next();
    const firstOfHandler = handler.next();
    const firstOfEveryone = everyone.next();
    for (let version = 1; version <= 4; version += 1) announce(payload(version));
    expect((await firstOfHandler).value?.version).toBe(1);
    expect((await take(handler, 1)).map((e) => e.version)).toEqual([3]);
    expect((await firstOfEveryone).value?.version).toBe(1);
    expect((await take(everyone, 3)).map((e) => e.version)).toEqual([2, 3, 4]);
    // Read once for all of them, however many listen.
    expect(reads).toBe(2);
    await nobody.return?.(undefined);
    expect((await heardByNobody).done).toBe(true);
    await handler.return?.(undefined);
    await everyone.return?.(undefined);
  });

  it('keeps nothing while nobody listens', async () => {
    const { pubsub, announce } = fakePubSub();
    let reads = 0;
    const feed = new ComplaintEventFeed(pubsub, async (keys) => {
      reads += 1;
      return keys.map(stored);
    });
    const events = feed.subscribe(ALL);
    await events.return?.(undefined);
    for (let version = 1; version <= 3; version += 1) announce(payload(version));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(0);
  });

  it('tells its subscribers to catch up when reads fall too far behind, or LISTEN was cut', async () => {
    const { pubsub, announce, cutOff } = fakePubSub();
    // A read that never answers: the keys pile up behind it.
    const feed = new ComplaintEventFeed(pubsub, () => new Promise<PlacedEvent[]>(() => undefined));
    const lagging = feed.subscribe(ALL);
    const ended = lagging.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    for (let version = 1; version <= MAX_QUEUED + 2; version += 1) announce(payload(version));
    const error = await ended;
    expect(error).toBeInstanceOf(SubscriptionInterruptedError);
    expect((error as SubscriptionInterruptedError).reason).toBe('events-missed');

    const next = feed.subscribe(ALL);
    const cut = next.next().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    cutOff();
    expect(((await cut) as SubscriptionInterruptedError).reason).toBe('events-missed');
  });
});
