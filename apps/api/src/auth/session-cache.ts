import type { Principal } from './principal.js';

/**
 * What a change to credentials touches: one session (signed out, a refresh token reused), every
 * session of a user (deactivated, password reset or changed, role or teams changed, signed out
 * everywhere), one API key (revoked), or everything (LISTEN was cut off: changes may have been
 * missed). It travels between instances as the payload of the AUTH_INVALIDATION NOTIFY.
 */
export type CredentialTarget =
  { readonly kind: 'session' | 'user' | 'api-key'; readonly id: string } | { readonly kind: 'all' };

/** How long a credential's principal is kept without reading it again (the safety net). */
export const CREDENTIAL_TTL_MS = 5_000;
/** How many credentials are kept; the least recently used goes first. */
export const CREDENTIAL_CACHE_MAX = 10_000;

export interface CredentialCacheOptions {
  readonly ttlMs?: number;
  readonly max?: number;
  /**
   * Tells the other instances on the database (a NOTIFY on the AUTH_INVALIDATION topic);
   * absent, the cache is this process's alone.
   */
  readonly announce?: (target: CredentialTarget) => Promise<void>;
  readonly log?: (message: string, error?: unknown) => void;
}

interface Entry {
  readonly principal: Principal;
  /** Epoch milliseconds of the auth clock after which the entry is read again. */
  readonly until: number;
  readonly targets: readonly string[];
}

/** Proof that a read began at a generation: `set` keeps nothing read across an invalidation. */
export type ReadTicket = number;

/**
 * Principals of credentials (access tokens, API key secrets) recently verified by this process,
 * so that a request or a socket's recheck costs no signature check and no statement. Bounded
 * (LRU, `max`) and short-lived (`ttlMs`, and never past the token's, session's or key's own
 * expiry). Every call that revokes or changes what a principal holds calls `forget` after its
 * write: the entries go at once in this process, and the other instances are told through
 * `announce` (a NOTIFY they receive through LISTEN) and drop theirs when it arrives. A read that
 * began before an invalidation and ends after it is not kept (`begin`/`set`), so a stale read
 * can never outlive the invalidation that raced it. When LISTEN was cut off, `clear` drops
 * everything; while it is down, the TTL bounds how long another instance's change goes unseen.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  /** 'user:<id>' and the like -> the credentials whose entries name it. */
  private readonly byTarget = new Map<string, Set<string>>();
  private generation = 0;
  readonly ttlMs: number;
  private readonly max: number;

  constructor(private readonly options: CredentialCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? CREDENTIAL_TTL_MS;
    this.max = options.max ?? CREDENTIAL_CACHE_MAX;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The principal kept for the credential, if it is still good at `nowMs`. */
  get(credential: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(credential);
    if (!entry) return undefined;
    if (entry.until <= nowMs) {
      this.remove(credential, entry);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(credential);
    this.entries.set(credential, entry);
    return entry.principal;
  }

  /** Called before the reads whose result is given to `set`. */
  begin(): ReadTicket {
    return this.generation;
  }

  /**
   * Keeps a principal read since `ticket` until `untilMs` at the latest (the TTL is applied
   * here), unless something was invalidated meanwhile.
   */
  set(
    credential: string,
    ticket: ReadTicket,
    value: {
      readonly principal: Principal;
      readonly nowMs: number;
      readonly untilMs: number;
      readonly targets: readonly CredentialTarget[];
    },
  ): void {
    if (ticket !== this.generation) return;
    const until = Math.min(value.untilMs, value.nowMs + this.ttlMs);
    if (until <= value.nowMs) return;
    const previous = this.entries.get(credential);
    if (previous) this.remove(credential, previous);
    const targets = value.targets.map(targetKey);
    this.entries.set(credential, { principal: value.principal, until, targets });
    for (const target of targets) {
      let set = this.byTarget.get(target);
      if (!set) {
        set = new Set();
        this.byTarget.set(target, set);
      }
      set.add(credential);
    }
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const entry = this.entries.get(oldest.value);
      if (entry) this.remove(oldest.value, entry);
    }
  }

  /** Drops the entries the target touches, in this process only. */
  invalidate(target: CredentialTarget): void {
    this.generation += 1;
    if (target.kind === 'all') {
      this.clear();
      return;
    }
    const credentials = this.byTarget.get(targetKey(target));
    if (!credentials) return;
    for (const credential of [...credentials]) {
      const entry = this.entries.get(credential);
      if (entry) this.remove(credential, entry);
    }
    this.byTarget.delete(targetKey(target));
  }

  /** Drops everything (LISTEN came back after a gap). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.byTarget.clear();
  }

  /**
   * After a write that revokes or changes credentials: drops the entries here at once, then
   * tells the other instances. A failed announcement is logged, not thrown: the write has
   * committed, and the other instances read it again within the TTL.
   */
  async forget(target: CredentialTarget): Promise<void> {
    this.invalidate(target);
    if (!this.options.announce) return;
    try {
      await this.options.announce(target);
    } catch (error) {
      this.options.log?.(
        `Could not tell the other instances that credentials changed (${target.kind}); they see it within ${this.ttlMs} ms`,
        error,
      );
    }
  }

  /** An announcement from another instance (or this one's own, echoed by LISTEN). */
  received(payload: unknown): void {
    const target = parseTarget(payload);
    // Something unreadable may have meant anything: drop everything.
    this.invalidate(target ?? { kind: 'all' });
  }

  private remove(credential: string, entry: Entry): void {
    this.entries.delete(credential);
    for (const target of entry.targets) {
      const set = this.byTarget.get(target);
      if (!set) continue;
      set.delete(credential);
      if (set.size === 0) this.byTarget.delete(target);
    }
  }
}

function targetKey(target: CredentialTarget): string {
  return target.kind === 'all' ? 'all' : `${target.kind}:${target.id}`;
}

function parseTarget(payload: unknown): CredentialTarget | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { kind, id } = payload as { kind?: unknown; id?: unknown };
  if (kind === 'all') return { kind };
  if ((kind === 'session' || kind === 'user' || kind === 'api-key') && typeof id === 'string') {
    return { kind, id };
  }
  return null;
}
