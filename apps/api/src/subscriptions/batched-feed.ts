import { FanOut, MAX_BEHIND } from './fan-out.js';

/** The most announcements read in one statement. */
const MAX_BATCH = 500;

/**
 * The most announcements queued while the reads fall behind. Past it, the queue is dropped and
 * the subscribers told to catch up, rather than the process's memory growing.
 */
export const MAX_QUEUED = 20_000;

export interface BatchedFeedOptions {
  /** How many values a subscriber may have waiting before it is ended (fan-out.ts). */
  readonly maxBehind?: number;
  readonly log?: (message: string, error?: unknown) => void;
  /** What is announced, in words, for the log ("complaint events"). */
  readonly what: string;
}

/** Where announcements come from: the pubsub's consumer callback and its gap callback. */
export interface Announcements<A> {
  onAnnounced(callback: (announced: A) => void): void;
  onGap(callback: () => void): void;
}

/**
 * Small announcements (a NOTIFY's key) turned into the values they announce, read once for
 * every subscriber of the process: the announcements are queued as they arrive, read in one
 * statement per batch, in order, and each value handed to every subscriber that wants it. With
 * nobody subscribed nothing is kept or read. A read that fails, a queue that overflows and a
 * LISTEN that was cut off all end every subscriber with SUBSCRIPTION_INTERRUPTED
 * ('events-missed'): values may have been lost, and the subscriber catches up with a query.
 */
export class BatchedFeed<A, V> {
  private readonly fanOut: FanOut<V>;
  private readonly log: (message: string, error?: unknown) => void;
  private queue: A[] = [];
  private draining = false;
  private started = false;

  /**
   * `read` answers the values of a batch in the order they are to be handed on, and leaves out
   * (and logs) any it cannot find.
   */
  constructor(
    private readonly announcements: Announcements<A>,
    private readonly read: (batch: readonly A[]) => Promise<readonly V[]>,
    private readonly options: BatchedFeedOptions,
  ) {
    this.fanOut = new FanOut(options.maxBehind ?? MAX_BEHIND);
    this.log = options.log ?? (() => undefined);
  }

  /** Every value announced from now on that `wants` admits. */
  subscribe(wants: (value: V) => boolean): AsyncIterableIterator<V> {
    this.start();
    return this.fanOut.subscribe(wants);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.announcements.onAnnounced((announced) => {
      // With nobody listening there is nothing to read: keep nothing.
      if (this.fanOut.size === 0) return;
      if (this.queue.length >= MAX_QUEUED) {
        this.log(
          `Over ${MAX_QUEUED} announced ${this.options.what} were waiting to be read; subscribers were told to catch up`,
        );
        this.queue = [];
        this.fanOut.interruptAll();
        return;
      }
      this.queue.push(announced);
      void this.drain();
    });
    // Values announced while LISTEN was down never arrive: the subscribers are told to catch up.
    this.announcements.onGap(() => this.fanOut.interruptAll());
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        // Nobody is listening: nothing to read.
        if (this.fanOut.size === 0) continue;
        let values: readonly V[];
        try {
          values = await this.read(batch);
        } catch (error) {
          this.log(
            `Reading announced ${this.options.what} failed; subscribers were told to catch up`,
            error,
          );
          this.fanOut.interruptAll();
          continue;
        }
        for (const value of values) this.fanOut.publish(value);
      }
    } finally {
      this.draining = false;
    }
  }
}
