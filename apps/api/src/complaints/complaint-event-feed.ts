import { Repeater } from '@repeaterjs/repeater';
import { scopeAdmits, type ComplaintScope } from '@redress/domain';
import type { ComplaintEventPayload, PgPubSub } from '../database/pg-pubsub.js';
import { BatchedFeed } from '../subscriptions/batched-feed.js';
import type { PlacedEvent } from './complaint.repository.js';

export { MAX_QUEUED } from '../subscriptions/batched-feed.js';

export interface ComplaintEventFeedOptions {
  /** How many events a subscriber may have waiting before it is ended (fan-out.ts). */
  readonly maxBehind?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * The committed complaint events of this process's subscribers, read once for all of them. A
 * NOTIFY carries the event's key only; the feed queues the keys as they arrive, reads the
 * queued events in one statement at a time, in commit order, with where each case sits
 * (assignee, team, the key that logged it), and hands each event to every subscriber whose
 * scope admits that placement. A subscriber used to read each event it was sent by itself, one
 * at a time: a round trip per event per subscriber, and a subscriber that fell behind until the
 * process failed.
 */
export class ComplaintEventFeed {
  private readonly feed: BatchedFeed<ComplaintEventPayload, PlacedEvent>;

  constructor(
    pubsub: PgPubSub,
    read: (keys: readonly ComplaintEventPayload[]) => Promise<PlacedEvent[]>,
    options: ComplaintEventFeedOptions = {},
  ) {
    const log = options.log ?? (() => undefined);
    this.feed = new BatchedFeed(
      {
        onAnnounced: (callback) => pubsub.onPayload('COMPLAINT_EVENT', callback),
        onGap: (callback) => pubsub.onGap(callback),
      },
      async (batch) => {
        const events = await read(batch);
        const byKey = new Map(events.map((event) => [keyOf(event), event]));
        const inOrder: PlacedEvent[] = [];
        for (const payload of batch) {
          const event = byKey.get(keyOf(payload));
          if (event) inOrder.push(event);
          else log(`Event ${keyOf(payload)} was notified but is not stored`);
        }
        return inOrder;
      },
      {
        what: 'complaint events',
        log,
        ...(options.maxBehind !== undefined ? { maxBehind: options.maxBehind } : {}),
      },
    );
  }

  /**
   * Every event committed from now on, of one complaint or of all, that the scope admits by the
   * case's placement when the event is read (see `ComplaintRepository.findEvents`).
   */
  subscribe(scope: ComplaintScope, complaintId?: string): AsyncIterableIterator<PlacedEvent> {
    if (scope.kind === 'none') return emptyIterator();
    return this.feed.subscribe((event) =>
      complaintId !== undefined && event.complaintId !== complaintId
        ? false
        : scopeAdmits(scope, event.placement),
    );
  }
}

function keyOf(event: { readonly complaintId: string; readonly version: number }): string {
  return `${event.complaintId}@${event.version}`;
}

/**
 * A scope that admits nothing hears nothing and holds no place in the feed; the subscription
 * stays open until its caller ends it, as any other quiet one does.
 */
function emptyIterator<T>(): AsyncIterableIterator<T> {
  return new Repeater<T>(async (_push, stop) => {
    await stop;
  });
}
