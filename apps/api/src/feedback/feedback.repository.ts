import type { Actor, FeedbackKind, FeedbackRecord } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { BoundedCount } from '../shared/connection.js';
import type { PageCursor } from '../shared/cursor.js';
import {
  countUpTo,
  idsCondition,
  readPage,
  sqlParams,
  type ListSql,
  type PageWindow,
  type SortKey,
} from '../shared/keyset-page.js';
import type { OrderDirection } from '../shared/order-direction.js';
import type { FeedbackOrderField } from './feedback-list.input.js';
import { isUuid } from '../complaints/complaint.repository.js';

export interface FeedbackFilter {
  readonly ids?: readonly string[];
  readonly kind?: FeedbackKind;
}

export interface FeedbackOrder {
  readonly field: FeedbackOrderField;
  readonly direction: OrderDirection;
}

export const DEFAULT_FEEDBACK_ORDER: FeedbackOrder = { field: 'receivedAt', direction: 'desc' };

// Indexed in this order, with and without the kind (ix_feedback_kind_received_at).
const SORT: Readonly<Record<FeedbackOrderField, SortKey>> = {
  receivedAt: { expression: 'received_at', type: 'timestamptz', id: 'id', idType: 'uuid' },
};

function listSqlOf(filter: FeedbackFilter, order: FeedbackOrder): ListSql {
  const { params, param } = sqlParams();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(idsCondition(filter.ids, param));
  if (filter.kind !== undefined) where.push(`kind = ${param(filter.kind)}`);
  return {
    from: 'feedback',
    columns: 'payload',
    where,
    params,
    sort: SORT[order.field],
    direction: order.direction,
  };
}

export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<FeedbackRecord | null> {
    if (!isUuid(id)) return null;
    const rows: Array<{ payload: FeedbackRecord }> = await (
      manager ?? this.dataSource.manager
    ).query(`SELECT payload FROM feedback WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0]?.payload ?? null;
  }

  /** A page in the list's order, each record with its position. */
  async findPage(
    filter: FeedbackFilter,
    order: FeedbackOrder,
    window: PageWindow,
  ): Promise<Array<{ row: FeedbackRecord; cursor: PageCursor }>> {
    const read = await readPage<{ payload: FeedbackRecord }>(
      this.dataSource,
      listSqlOf(filter, order),
      window,
    );
    return read.map(({ row, cursor }) => ({ row: row.payload, cursor }));
  }

  /** How many match the filter, counting at most `bound`. */
  async countUpTo(filter: FeedbackFilter, bound: number): Promise<BoundedCount> {
    return countUpTo(this.dataSource, listSqlOf(filter, DEFAULT_FEEDBACK_ORDER), bound);
  }

  async save(manager: EntityManager, record: FeedbackRecord, actor: Actor): Promise<void> {
    await manager.query(
      `INSERT INTO feedback (id, kind, received_at, channel, from_name, summary, category,
                             converted_complaint_id, converted_at, actor_kind, actor_id, actor_name,
                             payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         converted_complaint_id = excluded.converted_complaint_id,
         converted_at = excluded.converted_at,
         payload = excluded.payload`,
      [
        record.id,
        record.kind,
        record.receivedAt,
        record.channel,
        record.from,
        record.summary,
        record.category,
        record.convertedToComplaintId,
        record.convertedAt,
        actor.kind,
        actor.id,
        actor.name ?? null,
        JSON.stringify(record),
      ],
    );
  }
}
