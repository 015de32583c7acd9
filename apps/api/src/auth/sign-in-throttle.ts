import { createHash } from 'node:crypto';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/app-errors.js';
import type { RateLimitSettings } from '../limits/rate-limit-settings.js';
import { isOver, take, type RateLimitRepository } from '../limits/rate-limit.repository.js';
import { waitInWords } from '../limits/rate-limits.js';
import type { SignInThrottle } from './auth.service.js';

/** How long an account's blocks are remembered, each longer than the last. */
const BLOCK_MEMORY_SECONDS = 24 * 60 * 60;
/** The longest block, as a multiple of the window. */
const LONGEST_BLOCK_WINDOWS = 4;

/**
 * Brute force, limited per account and per address. `check` takes an attempt from both before
 * the password is checked, so attempts sent at once cannot all slip past a count read earlier;
 * a refused attempt gives back what it took from the limit that did not refuse (it checked no
 * password). The attempt that uses an account's last one, failing, blocks the account: for the
 * window the first time, twice as long each time after within a day, at most four windows. A
 * success ends the account's count and its blocks, and gives the address its attempt back, so
 * that an office signing in every morning from one address does not use up its failures.
 *
 * Counted for every email address asked, whether an account has it or not, in the same words:
 * the limit says nothing about which accounts exist. Email addresses are kept as hashes.
 */
export class LimitedSignIns implements SignInThrottle {
  private readonly accounts: RateLimiterAbstract;
  private readonly blocks: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;
  private readonly windowSeconds: number;

  constructor(store: RateLimitRepository, settings: RateLimitSettings) {
    this.windowSeconds = settings.signInWindowSeconds;
    this.accounts = store.counter({
      prefix: 'sign-in-account',
      points: settings.signInAttempts,
      windowSeconds: settings.signInWindowSeconds,
    });
    this.blocks = store.counter({
      prefix: 'sign-in-blocks',
      points: Number.MAX_SAFE_INTEGER,
      windowSeconds: BLOCK_MEMORY_SECONDS,
    });
    this.addresses = store.counter({
      prefix: 'sign-in-address',
      points: settings.signInAttemptsPerAddress,
      windowSeconds: settings.signInAddressWindowSeconds,
    });
  }

  async check(email: string, address: string | null): Promise<void> {
    const account = accountKey(email);
    const place = addressKey(address);
    const [byAccount, byAddress] = await Promise.all([
      take(this.accounts, account),
      take(this.addresses, place),
    ]);
    const accountOver = isOver(this.accounts, byAccount);
    const addressOver = isOver(this.addresses, byAddress);
    if (!accountOver && !addressOver) return;
    if (!accountOver) await this.accounts.reward(account, 1);
    if (!addressOver) await this.addresses.reward(place, 1);
    const seconds = Math.max(
      accountOver ? secondsLeft(byAccount) : 0,
      addressOver ? secondsLeft(byAddress) : 0,
    );
    throw new RateLimitedError(
      accountOver
        ? `Too many failed sign-ins to this account: try again in ${waitInWords(seconds)}.`
        : `Too many failed sign-ins from this address: try again in ${waitInWords(seconds)}.`,
      seconds,
    );
  }

  async failed(email: string): Promise<void> {
    const account = accountKey(email);
    const standing = await this.accounts.get(account);
    if (!standing || standing.consumedPoints < this.accounts.points) return;
    // This failure used the account's last attempt. Two failing at once may both count a block:
    // the back-off grows a step faster, the limit itself holds.
    const blocked = await take(this.blocks, account);
    const seconds = Math.min(
      this.windowSeconds * 2 ** (blocked.consumedPoints - 1),
      this.windowSeconds * LONGEST_BLOCK_WINDOWS,
    );
    await this.accounts.block(account, seconds);
  }

  async succeeded(email: string, address: string | null): Promise<void> {
    const account = accountKey(email);
    await Promise.all([
      this.accounts.delete(account),
      this.blocks.delete(account),
      this.addresses.reward(addressKey(address), 1),
    ]);
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url');
}

function addressKey(address: string | null): string {
  return address ?? 'none';
}

function secondsLeft(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
