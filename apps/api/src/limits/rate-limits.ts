import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { RateLimitedError } from '../errors/app-errors.js';
import type { RateLimitSettings } from './rate-limit-settings.js';
import { isOver, take, type RateLimitRepository } from './rate-limit.repository.js';

/**
 * Requests per caller, and writes (mutations) per caller more tightly, each in a fixed window.
 * A caller is who the credentials say (a user, an API key); a caller without credentials is
 * its address. Redress itself (the system principal) is never limited. Checked once a request,
 * by rate-limit.plugin.ts; a refused request counts too, so a caller that keeps sending while
 * refused gains nothing, and the window still ends when it would have.
 */
export class RequestRateLimits {
  private readonly requests: RateLimiterAbstract | null;
  private readonly writes: RateLimiterAbstract | null;

  constructor(
    store: RateLimitRepository,
    private readonly settings: RateLimitSettings,
  ) {
    const counter = (prefix: string, points: number) =>
      points > 0
        ? store.counter({
            prefix,
            points,
            windowSeconds: settings.requestWindowSeconds,
            refuseFromMemoryWhenOver: true,
          })
        : null;
    this.requests = counter('requests', settings.requestsPerMinute);
    this.writes = counter('writes', settings.writesPerMinute);
  }

  /** Counts one request of the caller's; refuses with RATE_LIMITED when it is one too many. */
  async check(principal: Principal, address: string | null, write: boolean): Promise<void> {
    const key = callerKey(principal, address);
    if (key === null) return;
    const [requests, writes] = await Promise.all([
      this.requests ? take(this.requests, key) : null,
      write && this.writes ? take(this.writes, key) : null,
    ]);
    const window = perWindow(this.settings.requestWindowSeconds);
    if (this.writes && writes && isOver(this.writes, writes)) {
      const seconds = secondsLeft(writes.msBeforeNext);
      throw new RateLimitedError(
        `Too many writes: at most ${this.writes.points} ${window} for one caller. Try again in ${waitInWords(seconds)}.`,
        seconds,
      );
    }
    if (this.requests && requests && isOver(this.requests, requests)) {
      const seconds = secondsLeft(requests.msBeforeNext);
      throw new RateLimitedError(
        `Too many requests: at most ${this.requests.points} ${window} for one caller. Try again in ${waitInWords(seconds)}.`,
        seconds,
      );
    }
  }
}

function callerKey(principal: Principal, address: string | null): string | null {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.id}`;
    case 'api-key':
      return `api-key:${principal.id}`;
    case 'system':
      return null;
    case 'anonymous':
      return `address:${address ?? 'none'}`;
  }
}

function secondsLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function perWindow(seconds: number): string {
  if (seconds === 60) return 'a minute';
  if (seconds === 60 * 60) return 'an hour';
  return `every ${waitInWords(seconds)}`;
}

/** "1 second", "40 seconds", "1 minute", "15 minutes", "2 hours": a wait as a person reads it. */
export function waitInWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}
