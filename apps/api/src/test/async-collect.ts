/** Collects what an async iterable yields, in the background, until stopped. */
export interface Collected<T> {
  readonly items: T[];
  /** What the iterable ended with, if it ended with an error. */
  readonly error: unknown;
  /** Resolves once `predicate` holds for the items so far, or rejects after `timeoutMs`. */
  until(predicate: (items: readonly T[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function collect<T>(iterable: AsyncIterable<T>): Collected<T> {
  const items: T[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  let stopped = false;
  let error: unknown;
  void (async () => {
    try {
      while (!stopped) {
        const next = await iterator.next();
        if (next.done) break;
        items.push(next.value);
      }
    } catch (failure) {
      error = failure;
    }
  })();
  return {
    items,
    get error() {
      return error;
    },
    async until(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(items)) {
        if (Date.now() > deadline) {
          throw new Error(`Timed out waiting; collected so far: ${JSON.stringify(items)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopped = true;
      await iterator.return?.();
    },
  };
}

/** Lets notifications in flight arrive before a test says none came. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
