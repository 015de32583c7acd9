/**
 * How much one caller may ask of the API (limits/rate-limits.ts) and how many sign-in attempts
 * an account and an address get (auth/sign-in-throttle.ts). Read from the environment by
 * config.ts; the windows are settings so that tests can wait seconds, not minutes.
 */
export interface RateLimitSettings {
  /** Requests a caller may make a window (a minute); 0: no limit. */
  readonly requestsPerMinute: number;
  /** Of those, mutations (writes); 0: no limit of their own. */
  readonly writesPerMinute: number;
  /** The window of the two above, in seconds (60). */
  readonly requestWindowSeconds: number;
  /** Sign-in attempts an account gets a window before it is blocked. */
  readonly signInAttempts: number;
  /** That window, and the first block, in seconds; each block after is twice the last. */
  readonly signInWindowSeconds: number;
  /** Failed sign-in attempts one address gets a window, whatever the accounts. */
  readonly signInAttemptsPerAddress: number;
  /** That window, in seconds (an hour). */
  readonly signInAddressWindowSeconds: number;
}

// A person at the console makes a few requests a second at most (a list, then its details); a
// partner's integration syncing a queue makes more, and 600 a minute (10 a second, sustained)
// serves it while a runaway loop is stopped within a minute. Writes are a person's actions or a
// partner's imports: 120 a minute is two a second. Five wrong passwords in a quarter of an hour is
// more than anyone mistypes; the blocks that follow double, up to four times the window, so a
// guesser gets about a hundred tries an account a day, and the owner is never kept out more than
// an hour. Fifty failures an hour from one address leaves room for an office behind one address.
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  requestsPerMinute: 600,
  writesPerMinute: 120,
  requestWindowSeconds: 60,
  signInAttempts: 5,
  signInWindowSeconds: 15 * 60,
  signInAttemptsPerAddress: 50,
  signInAddressWindowSeconds: 60 * 60,
};
