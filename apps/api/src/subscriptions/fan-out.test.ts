import { describe, expect, it } from 'vitest';
import { SubscriptionInterruptedError } from '../errors/app-errors.js';
import { FanOut } from './fan-out.js';

/** Reads an iterator to its end; the values it gave, and the error it ended with. */
async function drain<T>(iterator: AsyncIterableIterator<T>) {
  const values: T[] = [];
  try {
    for await (const value of iterator) values.push(value);
    return { values, error: undefined };
  } catch (error) {
    return { values, error };
  }
}

describe('FanOut', () => {
  it('gives every subscriber every value it wants, in order', async () => {
    const fanOut = new FanOut<number>();
    const all = fanOut.subscribe();
    const even = fanOut.subscribe((n) => n % 2 === 0);
    // A repeater starts listening when first read.
    const firstAll = all.next();
    const firstEven = even.next();
    for (const n of [1, 2, 3, 4]) fanOut.publish(n);
    expect((await firstAll).value).toBe(1);
    expect((await firstEven).value).toBe(2);
    expect((await all.next()).value).toBe(2);
    expect((await all.next()).value).toBe(3);
    expect((await even.next()).value).toBe(4);
    await all.return?.(undefined);
    await even.return?.(undefined);
    expect(fanOut.size).toBe(0);
  });

  it('ends a subscriber that falls behind, after what it had waiting, and no other', async () => {
    const fanOut = new FanOut<number>(3);
    const slow = fanOut.subscribe();
    const fast = fanOut.subscribe();
    const slowFirst = slow.next();
    const heard: number[] = [];
    const fastReader = (async () => {
      for await (const n of fast) {
        heard.push(n);
        if (n === 10) return;
      }
    })();
    await new Promise((resolve) => setImmediate(resolve));
    for (let n = 1; n <= 10; n += 1) {
      fanOut.publish(n);
      // The fast reader keeps up; the slow one reads nothing more.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await fastReader;
    expect(heard).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await slowFirst).value).toBe(1);
    const rest = await drain(slow);
    // What was waiting, in order (the value read last still counts as waiting until the next
    // read), then the error.
    expect(rest.values.length).toBeGreaterThan(0);
    expect(rest.values).toEqual([2, 3, 4].slice(0, rest.values.length));
    expect(rest.error).toBeInstanceOf(SubscriptionInterruptedError);
    expect((rest.error as SubscriptionInterruptedError).reason).toBe('too-slow');
    expect(fanOut.size).toBe(0);
  });

  it('ends every subscriber when values may have been lost upstream', async () => {
    const fanOut = new FanOut<number>();
    const one = fanOut.subscribe();
    const pending = one.next();
    fanOut.publish(1);
    expect((await pending).value).toBe(1);
    fanOut.interruptAll();
    const rest = await drain(one);
    expect(rest.values).toEqual([]);
    expect((rest.error as SubscriptionInterruptedError).reason).toBe('events-missed');
    fanOut.publish(2);
    expect(fanOut.size).toBe(0);
  });
});
