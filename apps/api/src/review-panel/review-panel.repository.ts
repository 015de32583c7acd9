import type { LocalDate } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';
import { isUuid } from '../shared/uuid.js';

/** A resident on the stage 2 review panel, as the service works with them. */
export interface ReviewPanelMemberRecord {
  readonly id: string;
  readonly name: string;
  /** Their home's address lines, one a line. */
  readonly addressLines: string;
  readonly postcode: string | null;
  readonly consentGivenOn: LocalDate | null;
  readonly consentWithdrawnOn: LocalDate | null;
  readonly conflictsDeclared: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface Row {
  id: string;
  name: string;
  address_lines: string;
  postcode: string | null;
  consent_given_on: string | null;
  consent_withdrawn_on: string | null;
  conflicts_declared: string | null;
  created_at: Date;
  updated_at: Date;
}

// Dates as the text PostgreSQL writes them, never through a JavaScript Date and a time zone.
const COLUMNS = `id, name, address_lines, postcode, consent_given_on::text AS consent_given_on,
  consent_withdrawn_on::text AS consent_withdrawn_on, conflicts_declared, created_at, updated_at`;

export class ReviewPanelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every member, by name; `available` keeps those who consented and have not withdrawn. */
  async list(available: boolean | null): Promise<ReviewPanelMemberRecord[]> {
    const where =
      available === null
        ? ''
        : available
          ? 'WHERE consent_given_on IS NOT NULL AND consent_withdrawn_on IS NULL'
          : 'WHERE consent_given_on IS NULL OR consent_withdrawn_on IS NOT NULL';
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review_panel_member ${where} ORDER BY name, id`,
    );
    return rows.map(recordOf);
  }

  async findByIds(ids: readonly string[]): Promise<ReviewPanelMemberRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review_panel_member WHERE id = ANY($1::uuid[])`,
      [valid],
    );
    return rows.map(recordOf);
  }

  async findForUpdate(tx: Transaction, id: string): Promise<ReviewPanelMemberRecord | null> {
    if (!isUuid(id)) return null;
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM review_panel_member WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async insert(record: ReviewPanelMemberRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO review_panel_member (id, name, address_lines, postcode, consent_given_on,
         consent_withdrawn_on, conflicts_declared, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      valuesOf(record),
    );
  }

  async update(tx: Transaction, record: ReviewPanelMemberRecord): Promise<void> {
    await tx.query(
      `UPDATE review_panel_member SET name = $2, address_lines = $3, postcode = $4,
         consent_given_on = $5, consent_withdrawn_on = $6, conflicts_declared = $7,
         updated_at = $8
       WHERE id = $1`,
      [
        record.id,
        record.name,
        record.addressLines,
        record.postcode,
        record.consentGivenOn,
        record.consentWithdrawnOn,
        record.conflictsDeclared,
        record.updatedAt.toISOString(),
      ],
    );
  }
}

function valuesOf(record: ReviewPanelMemberRecord): unknown[] {
  return [
    record.id,
    record.name,
    record.addressLines,
    record.postcode,
    record.consentGivenOn,
    record.consentWithdrawnOn,
    record.conflictsDeclared,
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
  ];
}

function recordOf(row: Row): ReviewPanelMemberRecord {
  return {
    id: row.id,
    name: row.name,
    addressLines: row.address_lines,
    postcode: row.postcode,
    consentGivenOn: row.consent_given_on,
    consentWithdrawnOn: row.consent_withdrawn_on,
    conflictsDeclared: row.conflicts_declared,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
