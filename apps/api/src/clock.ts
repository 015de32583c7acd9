/**
 * Where "now" comes from. The domain never reads the clock; the application asks this, so tests
 * and the demo data can run at any instant.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that stays where it is put: for tests, and for replaying a day. */
export interface FixedClock extends Clock {
  set(instant: Date | string): void;
  /** Moves the clock on by `ms` milliseconds (negative goes back). */
  advance(ms: number): void;
}

export function fixedClock(instant: Date | string): FixedClock {
  let current = toDate(instant);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = toDate(next);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

function toDate(instant: Date | string): Date {
  const date = typeof instant === 'string' ? new Date(instant) : new Date(instant.getTime());
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid instant: ${String(instant)}`);
  }
  return date;
}
