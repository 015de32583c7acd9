import type { ComplaintEventPayload, PgPubSub } from '../database/pg-pubsub.js';
import { FanOut, MAX_BEHIND } from '../subscriptions/fan-out.js';
import type { StoredEvent } from './complaint.repository.js';

/** The most events read in one statement. */
const MAX_BATCH = 500;

/**
 * The most keys queued while the reads fall behind the notifications. Past it, the queue is
 * dropped and the subscribers told to catch up, rather than the process's memory growing.
 */
export const MAX_QUEUED = 20_000;

export interface ComplaintEventFeedOptions {
  /** How many events a subscriber may have waiting before it is ended (fan-out.ts). */
  readonly maxBehind?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * The committed complaint events of this process's subscribers, read once for all of them. A
 * NOTIFY carries the event's key only; the feed queues the keys as they arrive, reads the
 * queued events in one statement at a time, in commit order, and hands each to every
 * subscriber that wants it. A subscriber used to read each event it was sent by itself, one at
 * a time: a round trip per event per subscriber, and a subscriber that fell behind until the
 * process failed.
 */
export class ComplaintEventFeed {
  private readonly fanOut: FanOut<StoredEvent>;
  private readonly log: (message: string, error?: unknown) => void;
  private queue: ComplaintEventPayload[] = [];
  private draining = false;
  private started = false;

  constructor(
    private readonly pubsub: PgPubSub,
    private readonly read: (keys: readonly ComplaintEventPayload[]) => Promise<StoredEvent[]>,
    options: ComplaintEventFeedOptions = {},
  ) {
    this.fanOut = new FanOut(options.maxBehind ?? MAX_BEHIND);
    this.log = options.log ?? (() => undefined);
  }

  /** Every event committed from now on, of one complaint or of all. */
  subscribe(complaintId?: string): AsyncIterableIterator<StoredEvent> {
    this.start();
    return this.fanOut.subscribe(
      complaintId === undefined ? undefined : (event) => event.complaintId === complaintId,
    );
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.pubsub.onPayload('COMPLAINT_EVENT', (payload) => {
      // With nobody listening there is nothing to read: keep nothing.
      if (this.fanOut.size === 0) return;
      if (this.queue.length >= MAX_QUEUED) {
        this.log(
          `Over ${MAX_QUEUED} announced events were waiting to be read; subscribers were told to catch up`,
        );
        this.queue = [];
        this.fanOut.interruptAll();
        return;
      }
      this.queue.push(payload);
      void this.drain();
    });
    // Events notified while LISTEN was down never arrive: the subscribers are told to catch up.
    this.pubsub.onGap(() => this.fanOut.interruptAll());
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        // Nobody is listening: nothing to read.
        if (this.fanOut.size === 0) continue;
        let events: StoredEvent[];
        try {
          events = await this.read(batch);
        } catch (error) {
          this.log(
            'Reading announced complaint events failed; subscribers were told to catch up',
            error,
          );
          this.fanOut.interruptAll();
          continue;
        }
        const byKey = new Map(events.map((event) => [keyOf(event), event]));
        for (const payload of batch) {
          const event = byKey.get(keyOf(payload));
          if (event) this.fanOut.publish(event);
          else this.log(`Event ${keyOf(payload)} was notified but is not stored`);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

function keyOf(event: { readonly complaintId: string; readonly version: number }): string {
  return `${event.complaintId}@${event.version}`;
}
