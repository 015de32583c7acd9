import {
  containsPattern,
  idsCondition,
  sqlParams,
  type ListSql,
  type SortKey,
} from '../shared/keyset-page.js';
import type { OrderDirection } from '../shared/order-direction.js';
import type { PolicyOrderField } from './policy-list.input.js';

export interface PolicyListFilter {
  readonly ids?: readonly string[];
  readonly text?: string;
}

export interface PolicyOrder {
  readonly field: PolicyOrderField;
  readonly direction: OrderDirection;
}

/** A policy's id, as a cursor of the policies' list carries it. */
export const POLICY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const SORT: Readonly<Record<PolicyOrderField, SortKey>> = {
  name: { expression: 'p.name', type: 'text', id: 'p.id', idType: 'text' },
  id: { expression: 'p.id', type: 'text', id: 'p.id', idType: 'text' },
};

/**
 * The current version of each policy: the policies are a landlord's few dozen, and their
 * versions a few each, so the latest are picked before filtering and ordering.
 */
export function policyListSql(filter: PolicyListFilter, order: PolicyOrder): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param, 'p.id', 'text'));
  if (filter.text !== undefined) where.push(`p.name ILIKE ${param(containsPattern(filter.text))}`);
  return {
    from: '(SELECT DISTINCT ON (id) id, name, body FROM policy ORDER BY id, version DESC) p',
    columns: 'p.body',
    where,
    params,
    sort: SORT[order.field],
    direction: order.direction,
  };
}
