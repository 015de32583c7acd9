// The tenant portal residents use to complain and escalate online. In the demo it is the
// partner API key made at first start ("Demo tenant portal", apps/api/src/auth/first-start.ts),
// so an escalation a resident made online is recorded as that key's, as the API would record it.
import type { Actor } from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { Services } from '../services.js';

export const DEMO_PORTAL_NAME = 'Demo tenant portal';

const DEMO = systemPrincipal('demo-data', 'Demo data');

/**
 * The portal's key as an actor: the first-start key when there is one, otherwise one made now
 * with the same scopes (its secret is not kept: nobody signs in with it).
 */
export async function ensureDemoPortal(services: Services): Promise<Actor> {
  const keys = await services.apiKeys.list(DEMO);
  const key =
    keys.find((k) => k.name === DEMO_PORTAL_NAME && k.revokedAt === null) ??
    (
      await services.apiKeys.createUnchecked(DEMO, {
        name: DEMO_PORTAL_NAME,
        scopes: ['complaints:read', 'complaints:write', 'events:subscribe'],
      })
    ).key;
  return { kind: 'api-key', id: key.id, name: key.name };
}
