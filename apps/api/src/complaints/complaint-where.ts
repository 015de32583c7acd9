import type { ComplaintScope, LocalDate } from '@redress/domain';
import { idsCondition } from '../shared/keyset-page.js';
import { isUuid } from '../shared/uuid.js';
import type { ComplaintFilter, ComplaintOrderField } from './complaint-query.types.js';

// The SQL of a complaints list's filter and order, on the read model's columns.

/** The text searched by the `text` filter: a stored column (SEARCH_EXPRESSION), GIN-indexed. */
export const SEARCH_DOCUMENT = 'search_document';

// For nextDueOn, cases with nothing due sort last in either direction.
export const SORT_EXPRESSIONS: Record<
  ComplaintOrderField,
  { asc: string; desc: string; type: string }
> = {
  receivedAt: { asc: 'received_at', desc: 'received_at', type: 'timestamptz' },
  updatedAt: { asc: 'updated_at', desc: 'updated_at', type: 'timestamptz' },
  reference: { asc: 'reference', desc: 'reference', type: 'text' },
  nextDueOn: {
    asc: "coalesce(next_due_on, 'infinity'::date)",
    desc: "coalesce(next_due_on, '-infinity'::date)",
    type: 'date',
  },
};

/**
 * The SQL form of the domain's `scopeAdmits` (a test holds the two equal): which cases a
 * principal may see at all.
 */
export function scopeCondition(
  scope: ComplaintScope,
  param: (value: unknown) => string,
  alias = '',
): string | null {
  const c = alias ? `${alias}.` : '';
  switch (scope.kind) {
    case 'all':
      return null;
    case 'none':
      return 'false';
    case 'logged-by':
      return `${c}logged_by_api_key_id = ${param(scope.apiKeyId)}::uuid`;
    case 'queue':
      return `(${c}assignee_id = ${param(scope.userId)}::uuid
               OR ${c}team_id = ANY(${param([...scope.teamIds])}::uuid[])
               OR (${c}assignee_id IS NULL AND ${c}team_id IS NULL))`;
  }
}

/** The WHERE conditions for the keys present in the filter (absent keys add nothing). */
export function whereOf(
  filter: ComplaintFilter,
  today: () => LocalDate,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (filter.scope !== undefined) {
    const condition = scopeCondition(filter.scope, param);
    if (condition !== null) where.push(condition);
  }
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.status !== undefined && filter.status.length > 0) {
    where.push(`status = ANY(${param([...filter.status])}::text[])`);
  }
  if (filter.stage !== undefined) where.push(`stage = ${param(filter.stage)}::smallint`);
  if (filter.overdue === true) where.push(`next_due_on < ${param(today())}::date`);
  if (filter.overdue === false) {
    where.push(`(next_due_on IS NULL OR next_due_on >= ${param(today())}::date)`);
  }
  if (filter.dueBefore !== undefined) where.push(`next_due_on < ${param(filter.dueBefore)}::date`);
  if (filter.category !== undefined) where.push(`category = ${param(filter.category)}`);
  if (filter.assignee !== undefined) where.push(`assignee = ${param(filter.assignee)}`);
  if (filter.assigneeId !== undefined) {
    where.push(
      isUuid(filter.assigneeId) ? `assignee_id = ${param(filter.assigneeId)}::uuid` : 'false',
    );
  }
  if (filter.tenure !== undefined) where.push(`tenure = ${param(filter.tenure)}`);
  if (filter.receivedFrom !== undefined) {
    where.push(`received_on >= ${param(filter.receivedFrom)}::date`);
  }
  if (filter.receivedTo !== undefined)
    where.push(`received_on <= ${param(filter.receivedTo)}::date`);
  if (filter.text !== undefined) {
    const query = prefixQuery(filter.text);
    const exact = param(filter.text.trim().toUpperCase());
    where.push(
      query === null
        ? `reference = ${exact}`
        : `(${SEARCH_DOCUMENT} @@ to_tsquery('simple', ${param(query)}) OR reference = ${exact})`,
    );
  }
  return where;
}

/**
 * A tsquery in which every word of the text must appear as a word or the start of one. Only
 * letters and digits pass, so nothing typed can break the query syntax.
 */
export function prefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(' & ');
}
