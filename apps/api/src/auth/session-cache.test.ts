import { describe, expect, it } from 'vitest';
import { apiKeyPrincipal, userPrincipal } from './principal.js';
import { CredentialCache, type CredentialTarget } from './session-cache.js';

const alice = userPrincipal({
  id: 'u1',
  email: 'alice@test.invalid',
  name: 'Alice',
  role: 'HANDLER',
  teamIds: [],
  sessionId: 's1',
});
const key = apiKeyPrincipal({ id: 'k1', name: 'Partner', scopes: ['complaints:read'] });
const aliceTargets: CredentialTarget[] = [
  { kind: 'session', id: 's1' },
  { kind: 'user', id: 'u1' },
];

function keep(cache: CredentialCache, credential: string, nowMs = 0, untilMs = 1e12) {
  cache.set(credential, cache.begin(), {
    principal: credential.startsWith('rk') ? key : alice,
    nowMs,
    untilMs,
    targets: credential.startsWith('rk') ? [{ kind: 'api-key', id: 'k1' }] : aliceTargets,
  });
}

describe('CredentialCache', () => {
  it('keeps a principal for the TTL at most, and never past the credential’s own expiry', () => {
    const cache = new CredentialCache({ ttlMs: 5_000 });
    keep(cache, 'token', 1_000);
    expect(cache.get('token', 5_999)).toBe(alice);
    expect(cache.get('token', 6_000)).toBeUndefined();
    keep(cache, 'short', 1_000, 2_000);
    expect(cache.get('short', 1_999)).toBe(alice);
    expect(cache.get('short', 2_000)).toBeUndefined();
    const none = new CredentialCache({ ttlMs: 0 });
    keep(none, 'token');
    expect(none.get('token', 0)).toBeUndefined();
  });

  it('drops what a session, a user or a key names, and nothing else', () => {
    const cache = new CredentialCache();
    keep(cache, 'token a');
    keep(cache, 'token b');
    keep(cache, 'rk_key');
    cache.invalidate({ kind: 'session', id: 's1' });
    expect(cache.get('token a', 1)).toBeUndefined();
    expect(cache.get('token b', 1)).toBeUndefined();
    expect(cache.get('rk_key', 1)).toBe(key);
    keep(cache, 'token a');
    cache.invalidate({ kind: 'api-key', id: 'k1' });
    expect(cache.get('rk_key', 1)).toBeUndefined();
    expect(cache.get('token a', 1)).toBe(alice);
    cache.invalidate({ kind: 'user', id: 'u1' });
    expect(cache.get('token a', 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that an invalidation overtook', () => {
    const cache = new CredentialCache();
    const ticket = cache.begin();
    // The session is revoked while the read that began before it is in flight.
    cache.invalidate({ kind: 'session', id: 's1' });
    cache.set('token', ticket, {
      principal: alice,
      nowMs: 0,
      untilMs: 1e12,
      targets: aliceTargets,
    });
    expect(cache.get('token', 1)).toBeUndefined();
  });

  it('holds at most `max` credentials, the least recently used going first', () => {
    const cache = new CredentialCache({ max: 2 });
    keep(cache, 'one');
    keep(cache, 'two');
    expect(cache.get('one', 1)).toBe(alice);
    keep(cache, 'three');
    expect(cache.size).toBe(2);
    expect(cache.get('two', 1)).toBeUndefined();
    expect(cache.get('one', 1)).toBe(alice);
    expect(cache.get('three', 1)).toBe(alice);
  });

  it('announces what it forgets, and takes announcements (an unreadable one drops all)', async () => {
    const announced: CredentialTarget[] = [];
    const cache = new CredentialCache({
      announce: async (target) => {
        announced.push(target);
      },
    });
    keep(cache, 'token');
    await cache.forget({ kind: 'user', id: 'u1' });
    expect(announced).toEqual([{ kind: 'user', id: 'u1' }]);
    expect(cache.get('token', 1)).toBeUndefined();
    keep(cache, 'token');
    keep(cache, 'rk_key');
    cache.received({ kind: 'api-key', id: 'k1' });
    expect(cache.get('rk_key', 1)).toBeUndefined();
    expect(cache.get('token', 1)).toBe(alice);
    cache.received('nonsense');
    expect(cache.size).toBe(0);
  });

  it('forgets here even when the announcement fails', async () => {
    const logged: string[] = [];
    const cache = new CredentialCache({
      announce: () => Promise.reject(new Error('database down')),
      log: (message) => logged.push(message),
    });
    keep(cache, 'token');
    await cache.forget({ kind: 'session', id: 's1' });
    expect(cache.get('token', 1)).toBeUndefined();
    expect(logged).toHaveLength(1);
  });
});
