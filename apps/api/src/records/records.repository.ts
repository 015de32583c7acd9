import type { DataSource } from 'typeorm';

/** The cases a person's records are found in. */
export class RecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The ids of the cases whose complainant has one of these resident keys (hashes, as
   * `complaint.resident_key` stores them), oldest first. The one place a person's cases are
   * looked up, for subject access and anonymising alike.
   */
  async findCaseIdsOfPerson(keyHashes: readonly string[]): Promise<string[]> {
    if (keyHashes.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM complaint WHERE resident_key = ANY($1::text[]) ORDER BY received_at, id`,
      [[...keyHashes]],
    );
    return rows.map((row) => row.id);
  }
}
