import type { Actor, FeedbackKind, FeedbackRecord } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageCursor } from '../shared/cursor.js';
import { isUuid } from '../complaints/complaint.repository.js';

export interface FeedbackFilter {
  readonly kind?: FeedbackKind;
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

  /**
   * Newest first; the count over the filter comes with the page, in one statement. After a
   * cursor, the count is taken over the filtered rows before the cursor narrows them.
   */
  async findPage(
    filter: FeedbackFilter,
    page: { readonly limit: number; readonly offset: number; readonly after?: PageCursor },
  ): Promise<{ records: Array<FeedbackRecord & { cursor: PageCursor }>; totalCount: number }> {
    const params: unknown[] = [page.limit, page.offset];
    const where = filter.kind !== undefined ? `WHERE kind = $${params.push(filter.kind)}` : '';
    const after = page.after
      ? `WHERE (w.received_at, w.id) < ($${params.push(page.after.sortValue)}::timestamptz,
                                       $${params.push(page.after.id)}::uuid)`
      : '';
    const rows: Array<{ payload: FeedbackRecord; sort_text: string; id: string; total: number }> =
      await this.dataSource.query(
        `SELECT w.payload, w.received_at::text AS sort_text, w.id, w.total::int AS total
           FROM (SELECT payload, received_at, id, count(*) OVER () AS total
                   FROM feedback ${where}) w
          ${after}
          ORDER BY w.received_at DESC, w.id DESC LIMIT $1 OFFSET $2`,
        params,
      );
    if (rows.length === 0 && (page.offset > 0 || page.after)) {
      const counted: Array<{ total: number }> = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM feedback ${filter.kind !== undefined ? 'WHERE kind = $1' : ''}`,
        filter.kind !== undefined ? [filter.kind] : [],
      );
      return { records: [], totalCount: counted[0]?.total ?? 0 };
    }
    return {
      records: rows.map((row) => ({
        ...row.payload,
        cursor: { sortValue: row.sort_text, id: row.id },
      })),
      totalCount: rows[0]?.total ?? 0,
    };
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
