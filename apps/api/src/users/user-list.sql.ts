import type { Role } from '@redress/domain';
import type { OrderDirection } from '../shared/order-direction.js';
import {
  containsPattern,
  idsCondition,
  sqlParams,
  type ListSql,
  type SortKey,
} from '../shared/keyset-page.js';
import type { TeamOrderField, UserOrderField } from './user-list.input.js';

export interface UserListFilter {
  readonly ids?: readonly string[];
  readonly active?: boolean;
  readonly role?: Role;
  readonly text?: string;
  /** Whether `text` may match the email address (only for those shown it). */
  readonly textInEmail?: boolean;
}

export interface TeamListFilter {
  readonly ids?: readonly string[];
  readonly text?: string;
}

export interface ListOrder<F extends string> {
  readonly field: F;
  readonly direction: OrderDirection;
}

// Each has an index in this order (migration 1764633600000-list-orderings).
const USER_SORT: Readonly<Record<UserOrderField, SortKey>> = {
  name: { expression: 'name', type: 'text', id: 'id', idType: 'uuid' },
  email: { expression: 'email', type: 'text', id: 'id', idType: 'uuid' },
  createdAt: { expression: 'created_at', type: 'timestamptz', id: 'id', idType: 'uuid' },
};

const TEAM_SORT: Readonly<Record<TeamOrderField, SortKey>> = {
  name: { expression: 'name', type: 'text', id: 'id', idType: 'uuid' },
  createdAt: { expression: 'created_at', type: 'timestamptz', id: 'id', idType: 'uuid' },
};

/** The columns UserEntity's properties are read from. */
const USER_COLUMNS = `id, email, name, role, active, password_hash AS "passwordHash",
  oidc_subject AS "oidcSubject", created_at AS "createdAt", updated_at AS "updatedAt"`;

export function userListSql(filter: UserListFilter, order: ListOrder<UserOrderField>): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.active !== undefined) where.push(`active = ${param(filter.active)}`);
  if (filter.role !== undefined) where.push(`role = ${param(filter.role)}`);
  if (filter.text !== undefined) {
    const pattern = param(containsPattern(filter.text));
    where.push(
      filter.textInEmail === true
        ? `(name ILIKE ${pattern} OR email ILIKE ${pattern})`
        : `name ILIKE ${pattern}`,
    );
  }
  return {
    from: 'app_user',
    columns: USER_COLUMNS,
    where,
    params,
    sort: USER_SORT[order.field],
    direction: order.direction,
  };
}

export function teamListSql(filter: TeamListFilter, order: ListOrder<TeamOrderField>): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.text !== undefined) where.push(`name ILIKE ${param(containsPattern(filter.text))}`);
  return {
    from: 'team',
    columns: 'id, name',
    where,
    params,
    sort: TEAM_SORT[order.field],
    direction: order.direction,
  };
}
