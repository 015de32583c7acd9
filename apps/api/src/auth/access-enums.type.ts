import { API_KEY_SCOPES, ROLES, type ApiKeyScope, type Role } from '@redress/domain';
import { registerDomainEnum } from '../scalars/graphql-enum.js';

const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  ADMIN: 'Everything, including users, teams, API keys, policies and closure days.',
  MANAGER: 'Every case and every step; assigns and reassigns; reads policies.',
  HANDLER:
    'Cases assigned to them or to one of their teams, and the unassigned queue; every step on those.',
  ANALYST: 'Measures and exports; complaints without personal data.',
};

const SCOPE_DESCRIPTIONS: Readonly<Record<ApiKeyScope, string>> = {
  'complaints:read': 'Read the complaints this key logged, with their personal data.',
  'complaints:write': 'Log complaints and take steps on the ones this key may read.',
  'complaints:read:all': 'Read every complaint, not only the ones this key logged.',
  'events:subscribe': 'Subscribe to the events of the complaints this key may read.',
  'measures:read': 'Read the Tenant Satisfaction Measures and other figures.',
  'surveys:write': 'Import perception survey responses (TP09), as a survey provider does.',
};

export const RoleEnum = registerDomainEnum(
  ROLES,
  'Role',
  'What a member of staff may do in Redress.',
  ROLE_DESCRIPTIONS,
);

export const ApiKeyScopeEnum = registerDomainEnum(
  API_KEY_SCOPES,
  'ApiKeyScope',
  "What a partner's API key may do.",
  SCOPE_DESCRIPTIONS,
);
