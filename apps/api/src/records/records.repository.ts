import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';

/** A case of a resident, as the search for their cases finds it. */
export interface ResidentCase {
  readonly id: string;
  readonly reference: string;
  /** The hash of the resident key it is counted under. */
  readonly residentKey: string;
  readonly closedAt: Date | null;
  readonly anonymisedAt: Date | null;
}

/** The cases a person's records are found in. */
export class RecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The cases whose complainant has one of these resident keys (hashes, as
   * `complaint.resident_key` stores them), oldest first. The one place a person's cases are
   * looked up, for subject access and anonymising alike.
   */
  async findCasesOfPerson(keyHashes: readonly string[], on?: Transaction): Promise<ResidentCase[]> {
    if (keyHashes.length === 0) return [];
    const rows: Array<{
      id: string;
      reference: string;
      resident_key: string;
      closed_at: Date | null;
      anonymised_at: Date | null;
    }> = await (on ?? this.dataSource.manager).query(
      `SELECT c.id, c.reference, c.resident_key, c.closed_at, a.anonymised_at
         FROM complaint c LEFT JOIN complaint_anonymisation a ON a.complaint_id = c.id
        WHERE c.resident_key = ANY($1::text[])
        ORDER BY c.received_at, c.id`,
      [[...keyHashes]],
    );
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      residentKey: row.resident_key,
      closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      anonymisedAt: row.anonymised_at === null ? null : new Date(row.anonymised_at),
    }));
  }

  /** The ids of those cases, oldest first. */
  async findCaseIdsOfPerson(keyHashes: readonly string[]): Promise<string[]> {
    return (await this.findCasesOfPerson(keyHashes)).map((c) => c.id);
  }
}
