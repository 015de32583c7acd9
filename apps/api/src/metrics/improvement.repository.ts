import type { DataSource } from 'typeorm';
import type { Queryable } from '../shared/keyset-page.js';

/** One "You said, we did" entry. */
export interface ImprovementRecord {
  readonly id: string;
  readonly year: number;
  readonly youSaid: string;
  readonly weDid: string;
  readonly category: string | null;
  /** The complaints behind it, by reference. */
  readonly complaintReferences: readonly string[];
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

interface ImprovementRow {
  id: string;
  year: number;
  you_said: string;
  we_did: string;
  category: string | null;
  complaint_references: string | null;
  recorded_at: Date;
  recorded_by: string;
}

export class ImprovementRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(record: ImprovementRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO improvement
         (id, year, you_said, we_did, category, complaint_references, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        record.id,
        record.year,
        record.youSaid,
        record.weDid,
        record.category,
        record.complaintReferences.length > 0 ? record.complaintReferences.join(',') : null,
        record.recordedAt.toISOString(),
        record.recordedBy,
      ],
    );
  }

  /**
   * A reporting year's entries in the order they were recorded. `reads` is the connection to
   * read from (a replica's, for the annual report, when there is one).
   */
  async findByYear(year: number, reads: Queryable = this.dataSource): Promise<ImprovementRecord[]> {
    const rows = (await reads.query(
      `SELECT id, year, you_said, we_did, category, complaint_references, recorded_at, recorded_by
         FROM improvement WHERE year = $1 ORDER BY recorded_at, id`,
      [year],
    )) as ImprovementRow[];
    return rows.map((row) => ({
      id: row.id,
      year: row.year,
      youSaid: row.you_said,
      weDid: row.we_did,
      category: row.category,
      complaintReferences: row.complaint_references ? row.complaint_references.split(',') : [],
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
    }));
  }
}
