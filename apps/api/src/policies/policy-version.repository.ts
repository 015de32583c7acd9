import type { Policy } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** A policy version named by its id and version number: what a case's snapshot keeps. */
export interface PolicyRef {
  readonly id: string;
  readonly version: number;
}

const keyOf = (id: string, version: number): string => `${id}@${version}`;

/**
 * Policy versions by id@version, read once per process and database. A version is never
 * changed once stored (a new figure makes a new version; the insert never overwrites), so a
 * cached copy stays right for as long as the process lives, whichever instance wrote it. The
 * number of versions is what landlords create by hand: a handful, so nothing is evicted.
 */
export class PolicyVersionCache {
  private readonly versions = new Map<string, Policy>();

  constructor(private readonly dataSource: DataSource) {}

  /** A version already loaded, or undefined. */
  get(id: string, version: number): Policy | undefined {
    return this.versions.get(keyOf(id, version));
  }

  /** Stores a version just read or written (its body is the stored one). */
  remember(policy: Policy): Policy {
    const key = keyOf(policy.id, policy.version);
    const known = this.versions.get(key);
    if (known) return known;
    // Shared by every case that runs under it: frozen, so no caller can change it for the rest.
    const frozen = deepFreeze(policy);
    this.versions.set(key, frozen);
    return frozen;
  }

  /**
   * Loads the versions not yet cached, all in one statement, and none when every one is: a page
   * of cases costs no statement here once its policies have been seen. `manager` is the
   * transaction's, when the caller holds one.
   */
  async load(refs: Iterable<PolicyRef>, manager?: EntityManager): Promise<void> {
    const ids: string[] = [];
    const versions: number[] = [];
    const wanted = new Set<string>();
    for (const ref of refs) {
      const key = keyOf(ref.id, ref.version);
      if (this.versions.has(key) || wanted.has(key)) continue;
      wanted.add(key);
      ids.push(ref.id);
      versions.push(ref.version);
    }
    if (ids.length === 0) return;
    const rows: Array<{ body: Policy }> = await (manager ?? this.dataSource.manager).query(
      `SELECT p.body FROM policy p
         JOIN unnest($1::text[], $2::int[]) AS k(id, version)
           ON p.id = k.id AND p.version = k.version`,
      [ids, versions],
    );
    for (const row of rows) this.remember(row.body);
  }

  /** A version that must exist: load it first. */
  require(id: string, version: number): Policy {
    const policy = this.get(id, version);
    if (!policy) throw new Error(`Policy ${id} version ${version} is not stored.`);
    return policy;
  }
}

const caches = new WeakMap<DataSource, PolicyVersionCache>();

/** The one cache of a database in this process, shared by every service that reads it. */
export function policyVersionCacheFor(dataSource: DataSource): PolicyVersionCache {
  let cache = caches.get(dataSource);
  if (!cache) {
    cache = new PolicyVersionCache(dataSource);
    caches.set(dataSource, cache);
  }
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
