import type {
  Actor,
  CaseNote,
  CaseNoteKind,
  ComplaintScope,
  ContactDirection,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition } from '../complaints/complaint.repository.js';
import { isUuid } from '../shared/uuid.js';

interface CaseNoteRow {
  id: string;
  complaint_id: string;
  kind: string;
  direction: string | null;
  with_whom: string | null;
  occurred_at: Date | string;
  body: string;
  author_kind: string;
  author_id: string;
  author_name: string | null;
  recorded_at: Date | string;
  corrects_id: string | null;
}

const COLUMNS = `n.id, n.complaint_id, n.kind, n.direction, n.with_whom, n.occurred_at, n.body,
  n.author_kind, n.author_id, n.author_name, n.recorded_at, n.corrects_id`;

// The order of a case's timeline: when it happened, then when it was recorded (a correction
// recorded later for the same moment comes after what it corrects).
const ORDER = 'n.complaint_id, n.occurred_at, n.recorded_at, n.id';

/** The case notes and contact log: inserted, read, never updated. */
export class CaseNoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The note with this id on this case, if there is one. */
  async findOnComplaint(
    manager: EntityManager,
    complaintId: string,
    id: string,
  ): Promise<CaseNote | null> {
    if (!isUuid(id) || !isUuid(complaintId)) return null;
    const rows: CaseNoteRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM case_note AS n WHERE n.id = $1 AND n.complaint_id = $2`,
      [id, complaintId],
    );
    return rows[0] ? toCaseNote(rows[0]) : null;
  }

  /**
   * The notes of each case in `scope`, oldest first, in one statement (for a DataLoader); a case
   * outside the scope has none, as if it did not exist.
   */
  async findByComplaints(
    complaintIds: readonly string[],
    scope: ComplaintScope,
  ): Promise<Map<string, CaseNote[]>> {
    const byComplaint = new Map<string, CaseNote[]>();
    const valid = [...new Set(complaintIds.filter(isUuid))];
    if (valid.length === 0) return byComplaint;
    const params: unknown[] = [valid];
    const condition = scopeCondition(scope, (value) => `$${params.push(value)}`, 'c');
    const rows: CaseNoteRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM case_note AS n
         JOIN complaint AS c ON c.id = n.complaint_id
        WHERE n.complaint_id = ANY($1::uuid[])${condition === null ? '' : ` AND ${condition}`}
        ORDER BY ${ORDER}`,
      params,
    );
    for (const row of rows) {
      const note = toCaseNote(row);
      const list = byComplaint.get(note.complaintId);
      if (list) list.push(note);
      else byComplaint.set(note.complaintId, [note]);
    }
    return byComplaint;
  }

  async insert(manager: EntityManager, note: CaseNote): Promise<void> {
    await manager.query(
      `INSERT INTO case_note (id, complaint_id, kind, direction, with_whom, occurred_at, body,
                              author_kind, author_id, author_name, recorded_at, corrects_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        note.id,
        note.complaintId,
        note.kind,
        note.direction,
        note.withWhom,
        note.occurredAt,
        note.body,
        note.author.kind,
        note.author.id,
        note.author.name ?? null,
        note.recordedAt,
        note.correctsId,
      ],
    );
  }
}

function toCaseNote(row: CaseNoteRow): CaseNote {
  const author: Actor = {
    // Written from an Actor by `insert`, so one of its kinds.
    kind: row.author_kind as Actor['kind'],
    id: row.author_id,
    ...(row.author_name !== null ? { name: row.author_name } : {}),
  };
  return {
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind as CaseNoteKind,
    direction: row.direction as ContactDirection | null,
    withWhom: row.with_whom,
    occurredAt: new Date(row.occurred_at).toISOString(),
    body: row.body,
    author,
    recordedAt: new Date(row.recorded_at).toISOString(),
    correctsId: row.corrects_id,
  };
}
