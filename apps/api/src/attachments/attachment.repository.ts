import type { Actor } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../shared/uuid.js';

/** A file attached to a case, as stored: what it is and who gave it, not its bytes. */
export interface AttachmentRecord {
  /** Also the key of its bytes in the attachment storage. */
  readonly id: string;
  readonly complaintId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Hex. */
  readonly sha256: string;
  readonly description: string | null;
  readonly uploadedBy: Actor;
  readonly uploadedAt: Date;
}

interface AttachmentRow {
  id: string;
  complaint_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  description: string | null;
  uploaded_by_kind: Actor['kind'];
  uploaded_by_id: string;
  uploaded_by_name: string | null;
  uploaded_at: Date | string;
}

const COLUMNS = `id, complaint_id, file_name, content_type, size_bytes, sha256, description,
  uploaded_by_kind, uploaded_by_id, uploaded_by_name, uploaded_at`;

function toRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    description: row.description,
    uploadedBy: {
      kind: row.uploaded_by_kind,
      id: row.uploaded_by_id,
      ...(row.uploaded_by_name === null ? {} : { name: row.uploaded_by_name }),
    },
    uploadedAt: new Date(row.uploaded_at),
  };
}

export class AttachmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, record: AttachmentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO attachment (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        record.id,
        record.complaintId,
        record.fileName,
        record.contentType,
        record.sizeBytes,
        record.sha256,
        record.description,
        record.uploadedBy.kind,
        record.uploadedBy.id,
        record.uploadedBy.name ?? null,
        record.uploadedAt,
      ],
    );
  }

  async findById(id: string): Promise<AttachmentRecord | null> {
    if (!isUuid(id)) return null;
    const rows: AttachmentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM attachment WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Each case's files, oldest first: one statement for every case of a page. */
  async findByComplaintIds(
    complaintIds: readonly string[],
  ): Promise<Map<string, AttachmentRecord[]>> {
    const ids = [...new Set(complaintIds.filter(isUuid))];
    const byCase = new Map<string, AttachmentRecord[]>();
    if (ids.length === 0) return byCase;
    const rows: AttachmentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM attachment WHERE complaint_id = ANY($1::uuid[])
        ORDER BY complaint_id, uploaded_at, id`,
      [ids],
    );
    for (const row of rows) {
      const record = toRecord(row);
      const list = byCase.get(record.complaintId);
      if (list) list.push(record);
      else byCase.set(record.complaintId, [record]);
    }
    return byCase;
  }
}
