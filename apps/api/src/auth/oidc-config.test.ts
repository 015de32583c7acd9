import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const BASE = {
  REDRESS_OIDC_ISSUER: 'https://login.landlord.example/realms/staff',
  REDRESS_OIDC_CLIENT_ID: 'redress',
  REDRESS_OIDC_REDIRECT_URI: 'https://redress.landlord.example/sign-in/callback',
};

const read = (env: Record<string, string>) => loadConfig(env, '/srv/redress').oidc;

describe('REDRESS_OIDC_* settings', () => {
  it('are absent unless the issuer is set', () => {
    expect(read({})).toBeUndefined();
  });

  it('read a public client with the default scopes and no groups mapping', () => {
    expect(read(BASE)).toEqual({
      issuer: BASE.REDRESS_OIDC_ISSUER,
      clientId: 'redress',
      clientSecret: undefined,
      redirectUri: BASE.REDRESS_OIDC_REDIRECT_URI,
      scopes: ['openid', 'email', 'profile'],
      groupsClaim: undefined,
      roleGroups: new Map(),
    });
  });

  it('map groups to roles, several groups to one role with ;', () => {
    const settings = read({
      ...BASE,
      REDRESS_OIDC_CLIENT_SECRET: 'secret',
      REDRESS_OIDC_GROUPS_CLAIM: 'groups',
      REDRESS_OIDC_ROLE_GROUPS: 'ADMIN=redress-admins, handler=redress-handlers;triage',
    });
    expect(settings?.clientSecret).toBe('secret');
    expect([...(settings?.roleGroups ?? [])]).toEqual([
      ['redress-admins', 'ADMIN'],
      ['redress-handlers', 'HANDLER'],
      ['triage', 'HANDLER'],
    ]);
  });

  it.each([
    [
      { REDRESS_OIDC_CLIENT_ID: 'redress' },
      'REDRESS_OIDC_CLIENT_ID is set but REDRESS_OIDC_ISSUER is not',
    ],
    [{ ...BASE, REDRESS_OIDC_ISSUER: 'http://login.landlord.example' }, 'must be an https URL'],
    [{ ...BASE, REDRESS_OIDC_CLIENT_ID: '' }, 'REDRESS_OIDC_CLIENT_ID must be set'],
    [
      { ...BASE, REDRESS_OIDC_REDIRECT_URI: 'https://x.example/cb?a=1' },
      'REDRESS_OIDC_REDIRECT_URI must be',
    ],
    [{ ...BASE, REDRESS_OIDC_SCOPES: 'email profile' }, 'must include openid'],
    [{ ...BASE, REDRESS_OIDC_GROUPS_CLAIM: 'groups' }, 'go together'],
    [
      { ...BASE, REDRESS_OIDC_GROUPS_CLAIM: 'groups', REDRESS_OIDC_ROLE_GROUPS: 'BOSS=admins' },
      '"BOSS=admins" is not ROLE=group',
    ],
  ])('refuse %j in one line', (env, message) => {
    expect(() => read(env)).toThrow(ConfigError);
    expect(() => read(env)).toThrow(message);
  });
});
