import type { Tenure } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';
import type { Queryable } from '../shared/keyset-page.js';

/** A year's homes of one tenure, as entered. */
export interface HomesRecord {
  readonly year: number;
  readonly tenure: Tenure;
  readonly homes: number;
  readonly updatedAt: Date;
  /** `user:<id>`, `api-key:<id>` or `system:<id>`. */
  readonly updatedBy: string;
}

interface HomesRow {
  year: number;
  tenure: Tenure;
  homes: number;
  updated_at: Date;
  updated_by: string;
}

const COLUMNS = 'year, tenure, homes, updated_at, updated_by';

export class HomesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every figure entered, or a year's; by year, then tenure. */
  async find(year: number | null): Promise<HomesRecord[]> {
    const rows: HomesRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM homes ${year === null ? '' : 'WHERE year = $1'} ORDER BY year, tenure`,
      year === null ? [] : [year],
    );
    return rows.map(toRecord);
  }

  /** One year's figure for a tenure, locked until the transaction ends. */
  async findForUpdate(tx: Transaction, year: number, tenure: Tenure): Promise<HomesRecord | null> {
    const rows: HomesRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM homes WHERE year = $1 AND tenure = $2 FOR UPDATE`,
      [year, tenure],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async save(tx: Transaction, record: HomesRecord): Promise<void> {
    await tx.query(
      `INSERT INTO homes (year, tenure, homes, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year, tenure) DO UPDATE SET
         homes = excluded.homes, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [record.year, record.tenure, record.homes, record.updatedAt.toISOString(), record.updatedBy],
    );
  }

  /**
   * CH01's divisor: the homes of a tenure in the year, or of every tenure together when
   * `tenure` is null; null when none was entered. `reads` is the connection the figures are
   * read from (a replica's, when there is one).
   */
  async homesFor(reads: Queryable, year: number, tenure: Tenure | null): Promise<number | null> {
    const rows = (await reads.query(
      `SELECT sum(homes)::int AS homes FROM homes WHERE year = $1${tenure === null ? '' : ' AND tenure = $2'}`,
      tenure === null ? [year] : [year, tenure],
    )) as Array<{ homes: number | null }>;
    return rows[0]?.homes ?? null;
  }
}

function toRecord(row: HomesRow): HomesRecord {
  return {
    year: row.year,
    tenure: row.tenure,
    homes: row.homes,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
