import { Repeater } from '@repeaterjs/repeater';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';

/**
 * How many values a subscriber may have waiting before it is cut off. Well under the 1,024
 * pending pushes at which a Repeater throws, which used to be thrown inside the NOTIFY listener
 * and took the whole process down with it.
 */
export const MAX_BEHIND = 1_000;

interface Subscriber<T> {
  readonly wants: (value: T) => boolean;
  readonly push: (value: T) => Promise<unknown>;
  readonly stop: (error?: unknown) => void;
  /** Values pushed and not yet taken. */
  behind: number;
}

/**
 * One source of values, any number of subscribers, each an async iterator of its own. A
 * subscriber that falls `maxBehind` values behind is given what it has waiting, then ends with
 * SubscriptionInterruptedError ('too-slow'): a slow reader costs bounded memory and never the
 * others or the process. `interruptAll` ends every subscriber the same way when values may have
 * been lost upstream.
 */
export class FanOut<T> {
  private readonly subscribers = new Set<Subscriber<T>>();

  constructor(private readonly maxBehind: number = MAX_BEHIND) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** `left` is called once the subscriber has gone, however it went. */
  subscribe(
    wants: (value: T) => boolean = () => true,
    left?: () => void,
  ): AsyncIterableIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      const subscriber: Subscriber<T> = { wants, push, stop, behind: 0 };
      this.subscribers.add(subscriber);
      await stop;
      this.subscribers.delete(subscriber);
      left?.();
    });
  }

  publish(value: T): void {
    for (const subscriber of this.subscribers) {
      if (!subscriber.wants(value)) continue;
      if (subscriber.behind >= this.maxBehind) {
        this.subscribers.delete(subscriber);
        subscriber.stop(new SubscriptionInterruptedError('too-slow', subscriber.behind));
        continue;
      }
      subscriber.behind += 1;
      subscriber.push(value).then(
        () => {
          subscriber.behind -= 1;
        },
        // A push into a stopped repeater rejects; the subscriber is gone by then.
        () => undefined,
      );
    }
  }

  /** Ends every subscriber quietly, as a server does when it stops. */
  close(): void {
    for (const subscriber of this.subscribers) subscriber.stop();
    this.subscribers.clear();
  }

  /** Ends every subscriber with the error the source ended with, once each has taken its values. */
  failAll(error: unknown): void {
    for (const subscriber of this.subscribers) subscriber.stop(error);
    this.subscribers.clear();
  }

  /** Ends every subscriber: values may have been lost before they reached this fan-out. */
  interruptAll(): void {
    for (const subscriber of this.subscribers) {
      subscriber.stop(new SubscriptionInterruptedError('events-missed', subscriber.behind));
    }
    this.subscribers.clear();
  }
}
