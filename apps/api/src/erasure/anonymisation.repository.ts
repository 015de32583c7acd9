import { ANONYMISED, anonymisedPart, type ComplaintEvent, type LetterDraft } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Transaction } from '../database/transactions.js';
import { isUuid } from '../shared/uuid.js';

// What anonymising reaches besides the read model: the events' personal parts, the letters,
// notes and contact log, attachments, feedback logged into the cases, and the record that it
// was done. The events themselves are never touched (complaint_event is append-only).

export interface AnonymisationRecord {
  readonly complaintId: string;
  readonly at: Date;
  readonly reason: 'request' | 'retention';
  readonly byKind: string;
  readonly byId: string;
  readonly byName: string | null;
}

/** A letter's draft, for it to be written again without what it said. */
export interface LetterToAnonymise {
  readonly id: string;
  readonly draft: LetterDraft;
}

export class AnonymisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Residents past the retention period: every case of theirs ended, the latest before
   * `cutoff`, and one at least not yet anonymised. At most `limit`, by key, after `after`.
   */
  async residentsPastRetention(
    cutoff: string,
    limit: number,
    after: string | null = null,
  ): Promise<string[]> {
    const rows: Array<{ resident_key: string }> = await this.dataSource.query(
      `SELECT c.resident_key
         FROM complaint c LEFT JOIN complaint_anonymisation a ON a.complaint_id = c.id
        WHERE $3::text IS NULL OR c.resident_key > $3::text
        GROUP BY c.resident_key
       HAVING bool_and(c.closed_at IS NOT NULL) AND max(c.closed_at) < $1::timestamptz
          AND bool_or(a.complaint_id IS NULL)
        ORDER BY c.resident_key
        LIMIT $2::int`,
      [cutoff, limit, after],
    );
    return rows.map((row) => row.resident_key);
  }

  /** The resident key (hash) a case is counted under; null for no such case. */
  async residentKeyOfCase(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const rows: Array<{ resident_key: string }> = await this.dataSource.query(
      'SELECT resident_key FROM complaint WHERE id = $1',
      [id],
    );
    return rows[0]?.resident_key ?? null;
  }

  async anonymisedAt(ids: readonly string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ complaint_id: string; anonymised_at: Date }> = await this.dataSource.query(
      `SELECT complaint_id, anonymised_at FROM complaint_anonymisation
        WHERE complaint_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.complaint_id, new Date(row.anonymised_at)]));
  }

  /**
   * Erases the events' personal parts of these cases, keeping for each case's first event only
   * the random key that stands for its complainant (the domain's anonymisedPart).
   */
  async replacePersonalParts(
    ids: readonly string[],
    anonymousKey: string,
    tx: Transaction,
  ): Promise<number> {
    const logged: Array<{ complaint_id: string; version: number; payload: ComplaintEvent }> =
      await tx.query(
        `SELECT complaint_id, version, payload FROM complaint_event
          WHERE complaint_id = ANY($1::uuid[]) AND type = 'complaint-logged'`,
        [ids],
      );
    const erased: Array<{ n: number }> = await tx.query(
      `WITH erased AS (
         DELETE FROM complaint_event_personal WHERE complaint_id = ANY($1::uuid[]) RETURNING 1
       ) SELECT count(*)::int AS n FROM erased`,
      [ids],
    );
    const kept = logged.flatMap((row) => {
      const part = anonymisedPart(row.payload, anonymousKey);
      return part === null ? [] : [{ ...row, part }];
    });
    if (kept.length > 0) {
      await tx.query(
        `INSERT INTO complaint_event_personal (complaint_id, version, personal)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]::jsonb[])`,
        [
          kept.map((row) => row.complaint_id),
          kept.map((row) => row.version),
          kept.map((row) => JSON.stringify(row.part)),
        ],
      );
    }
    return erased[0]?.n ?? 0;
  }

  async lettersOf(ids: readonly string[], tx: Transaction): Promise<LetterToAnonymise[]> {
    const rows: Array<{ id: string; content: LetterDraft }> = await tx.query(
      'SELECT id, content FROM letter WHERE complaint_id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
    return rows.map((row) => ({ id: row.id, draft: row.content }));
  }

  /**
   * Writes letters again as anonymised: the one change their trigger allows after issue, made
   * with `redress.anonymising` set for this transaction only.
   */
  async rewriteLetters(
    letters: readonly { id: string; draft: LetterDraft; html: string; pdf: Buffer }[],
    tx: Transaction,
  ): Promise<void> {
    if (letters.length === 0) return;
    await tx.query("SELECT set_config('redress.anonymising', 'on', true)");
    for (const letter of letters) {
      await tx.query(
        `UPDATE letter SET recipient_name = $2, recipient_email = NULL, recipient_address = NULL,
                translate_to = NULL, content = $3::jsonb, html = $4, pdf = $5, last_error = NULL
          WHERE id = $1`,
        [
          letter.id,
          letter.draft.recipient.name,
          JSON.stringify(letter.draft),
          letter.html,
          letter.pdf,
        ],
      );
    }
    await tx.query("SELECT set_config('redress.anonymising', 'off', true)");
  }

  /** Notes and contacts keep their kind, direction and time; not what they said, nor with whom. */
  async anonymiseNotes(ids: readonly string[], tx: Transaction): Promise<number> {
    const rows: Array<{ n: number }> = await tx.query(
      `WITH changed AS (
         UPDATE case_note SET body = $2, with_whom = NULL
          WHERE complaint_id = ANY($1::uuid[]) RETURNING 1
       ) SELECT count(*)::int AS n FROM changed`,
      [ids, ANONYMISED],
    );
    return rows[0]?.n ?? 0;
  }

  /** Removes the cases' attachments' rows; returns their storage keys, for the bytes to go. */
  async removeAttachments(ids: readonly string[], tx: Transaction): Promise<string[]> {
    // Through a CTE: TypeORM answers a bare DELETE ... RETURNING with [rows, count].
    const rows: Array<{ id: string }> = await tx.query(
      `WITH removed AS (
         DELETE FROM attachment WHERE complaint_id = ANY($1::uuid[]) RETURNING id
       ) SELECT id FROM removed`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Feedback logged as these complaints keeps its kind, channel and dates. */
  async anonymiseFeedback(ids: readonly string[], tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE feedback SET from_name = NULL, summary = $2,
              payload = payload || jsonb_build_object('from', NULL, 'summary', $2::text)
        WHERE converted_complaint_id = ANY($1::uuid[])`,
      [ids, ANONYMISED],
    );
  }

  async record(records: readonly AnonymisationRecord[], tx: Transaction): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO complaint_anonymisation
         (complaint_id, anonymised_at, reason, by_kind, by_id, by_name)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[],
                            $6::text[])`,
      [
        records.map((r) => r.complaintId),
        records.map((r) => r.at.toISOString()),
        records.map((r) => r.reason),
        records.map((r) => r.byKind),
        records.map((r) => r.byId),
        records.map((r) => r.byName),
      ],
    );
  }
}
