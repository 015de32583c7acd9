// The resident portal through which residents complain and escalate online: a partner API key
// of its own, as a landlord's portal would hold. A key sees and acts on only the complaints it
// logged, so the demo's portal logs the online complaints made through it and records their
// escalations. (The demo partner key printed at first start is another, for the operator to try:
// it has logged nothing.)
import type { Actor } from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { Services } from '../services.js';

export const DEMO_PORTAL_NAME = 'Resident portal';

const DEMO = systemPrincipal('demo-data', 'Demo data');

/**
 * The portal's key as an actor, made when missing (its secret is not kept: in the demo nobody
 * calls the API with it).
 */
export async function ensureDemoPortal(services: Services): Promise<Actor> {
  const keys = await services.apiKeys.list(DEMO);
  const key =
    keys.find((k) => k.name === DEMO_PORTAL_NAME && k.revokedAt === null) ??
    (
      await services.apiKeys.createUnchecked(DEMO, {
        name: DEMO_PORTAL_NAME,
        scopes: ['complaints:read', 'complaints:write'],
      })
    ).key;
  return { kind: 'api-key', id: key.id, name: key.name };
}
