import type { LetterDraft, LetterTemplate } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Queryable } from '../shared/keyset-page.js';

/** Where a letter's delivery stands. */
export type LetterDelivery = 'EMAIL_QUEUED' | 'SENT' | 'FAILED' | 'AWAITING_POST' | 'POSTED';

/** A letter as issued, with where its delivery stands; its HTML and PDF are read apart. */
export interface LetterRecord {
  readonly id: string;
  readonly complaintId: string;
  readonly reference: string;
  readonly draft: LetterDraft;
  readonly issuedAt: Date;
  readonly issuedById: string;
  readonly issuedByName: string;
  readonly delivery: LetterDelivery;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
  readonly messageId: string | null;
  readonly postedOn: string | null;
  readonly postedBy: string | null;
}

export interface NewLetter {
  readonly id: string;
  readonly complaintId: string;
  readonly draft: LetterDraft;
  readonly issuedAt: Date;
  readonly issuedById: string;
  readonly issuedByName: string;
  readonly html: string;
  readonly pdf: Buffer;
  readonly delivery: 'EMAIL_QUEUED' | 'AWAITING_POST';
}

interface LetterRow {
  id: string;
  complaint_id: string;
  reference: string;
  content: LetterDraft;
  issued_at: Date | string;
  issued_by_id: string;
  issued_by_name: string;
  delivery: LetterDelivery;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  sent_at: Date | string | null;
  message_id: string | null;
  posted_on: string | null;
  posted_by: string | null;
}

const COLUMNS = `id, complaint_id, reference, content, issued_at, issued_by_id, issued_by_name, delivery,
  attempts, next_attempt_at, last_error, sent_at, message_id, posted_on::text AS posted_on, posted_by`;

const TEMPLATE_ID = 'default';

export class LetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(letter: NewLetter, on: Queryable = this.dataSource): Promise<void> {
    const { draft } = letter;
    await on.query(
      `INSERT INTO letter (id, complaint_id, reference, kind, stage, issued_on, issued_at,
         issued_by_id, issued_by_name, recipient_name, recipient_email, recipient_address,
         large_print, translate_to, content, html, pdf, delivery, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 0, $19)`,
      [
        letter.id,
        letter.complaintId,
        draft.reference,
        draft.kind,
        draft.stage,
        draft.issuedOn,
        letter.issuedAt.toISOString(),
        letter.issuedById,
        letter.issuedByName,
        draft.recipient.name,
        draft.recipient.email,
        draft.recipient.address,
        draft.largePrint,
        draft.translateTo,
        JSON.stringify(draft),
        letter.html,
        letter.pdf,
        letter.delivery,
        letter.delivery === 'EMAIL_QUEUED' ? letter.issuedAt.toISOString() : null,
      ],
    );
  }

  async findById(id: string, on: Queryable = this.dataSource): Promise<LetterRecord | null> {
    const rows = (await on.query(`SELECT ${COLUMNS} FROM letter WHERE id = $1`, [
      id,
    ])) as LetterRow[];
    return rows[0] ? recordOf(rows[0]) : null;
  }

  /** Each case's letters, in the order they were issued. */
  async findByComplaintIds(ids: readonly string[]): Promise<Map<string, LetterRecord[]>> {
    const found = new Map<string, LetterRecord[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return found;
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM letter WHERE complaint_id = ANY($1::uuid[]) ORDER BY issued_at, id`,
      [ids],
    )) as LetterRow[];
    for (const row of rows) found.get(row.complaint_id)?.push(recordOf(row));
    return found;
  }

  /** The letter as issued, in one of its two renderings. */
  async renderingOf(id: string, format: 'pdf' | 'html'): Promise<Buffer | null> {
    const rows = (await this.dataSource.query(
      format === 'pdf'
        ? `SELECT pdf AS body FROM letter WHERE id = $1`
        : `SELECT convert_to(html, 'UTF8') AS body FROM letter WHERE id = $1`,
      [id],
    )) as { body: Buffer | Uint8Array }[];
    const body = rows[0]?.body;
    return body === undefined ? null : Buffer.from(body);
  }

  /**
   * Emails due to be sent, taken for `leaseUntil`: their next attempt is moved there in the same
   * statement, so another sender (on this instance or another) skips them while this one sends,
   * and a sender that dies mid-send leaves them to be tried again once the lease runs out.
   */
  async claimDueEmails(now: Date, leaseUntil: Date, limit: number): Promise<LetterRecord[]> {
    const rows = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM letter
          WHERE delivery = 'EMAIL_QUEUED' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       ), taken AS (
         UPDATE letter SET next_attempt_at = $2 FROM due WHERE letter.id = due.id
         RETURNING letter.*
       ) SELECT ${COLUMNS} FROM taken ORDER BY issued_at, id`,
      [now.toISOString(), leaseUntil.toISOString(), limit],
    )) as LetterRow[];
    return rows.map(recordOf);
  }

  /** What an email of the letter carries: its PDF and its HTML, as issued. */
  async emailPartsOf(id: string): Promise<{ pdf: Buffer; html: string }> {
    const rows = (await this.dataSource.query(`SELECT pdf, html FROM letter WHERE id = $1`, [
      id,
    ])) as {
      pdf: Buffer | Uint8Array;
      html: string;
    }[];
    const row = rows[0];
    if (!row) throw new Error(`Letter ${id} is not there to send.`);
    return { pdf: Buffer.from(row.pdf), html: row.html };
  }

  async markSent(id: string, at: Date, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE letter SET delivery = 'SENT', attempts = attempts + 1, sent_at = $2, message_id = $3,
         next_attempt_at = NULL, last_error = NULL
       WHERE id = $1`,
      [id, at.toISOString(), messageId],
    );
  }

  /** A failed attempt: tried again at `retryAt`, or FAILED when it is null. */
  async markAttemptFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE letter SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
         delivery = CASE WHEN $3::timestamptz IS NULL THEN 'FAILED' ELSE 'EMAIL_QUEUED' END
       WHERE id = $1`,
      [id, error, retryAt ? retryAt.toISOString() : null],
    );
  }

  /** A FAILED email queued again, now; null when the letter is not FAILED. */
  async requeue(id: string, now: Date): Promise<LetterRecord | null> {
    // A SELECT around the UPDATE, so both drivers answer rows.
    const rows = (await this.dataSource.query(
      `WITH changed AS (
         UPDATE letter SET delivery = 'EMAIL_QUEUED', attempts = 0, next_attempt_at = $2
          WHERE id = $1 AND delivery = 'FAILED'
          RETURNING *
       ) SELECT ${COLUMNS} FROM changed`,
      [id, now.toISOString()],
    )) as LetterRow[];
    return rows[0] ? recordOf(rows[0]) : null;
  }

  /** A letter waiting to be posted marked as posted; null when it was not waiting. */
  async markPosted(id: string, postedOn: string, by: string): Promise<LetterRecord | null> {
    const rows = (await this.dataSource.query(
      `WITH changed AS (
         UPDATE letter SET delivery = 'POSTED', posted_on = $2, posted_by = $3
          WHERE id = $1 AND delivery IN ('AWAITING_POST', 'FAILED')
          RETURNING *
       ) SELECT ${COLUMNS} FROM changed`,
      [id, postedOn, by],
    )) as LetterRow[];
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async template(): Promise<{
    template: LetterTemplate;
    updatedAt: Date;
    updatedBy: string;
  } | null> {
    const rows = (await this.dataSource.query(
      `SELECT template, updated_at, updated_by FROM letter_template WHERE id = $1`,
      [TEMPLATE_ID],
    )) as { template: LetterTemplate; updated_at: Date | string; updated_by: string }[];
    const row = rows[0];
    return row
      ? { template: row.template, updatedAt: new Date(row.updated_at), updatedBy: row.updated_by }
      : null;
  }

  async saveTemplate(template: LetterTemplate, at: Date, by: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO letter_template (id, template, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET template = EXCLUDED.template,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [TEMPLATE_ID, JSON.stringify(template), at.toISOString(), by],
    );
  }
}

function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

function recordOf(row: LetterRow): LetterRecord {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    reference: row.reference,
    draft: row.content,
    issuedAt: new Date(row.issued_at),
    issuedById: row.issued_by_id,
    issuedByName: row.issued_by_name,
    delivery: row.delivery,
    attempts: row.attempts,
    nextAttemptAt: dateOf(row.next_attempt_at),
    lastError: row.last_error,
    sentAt: dateOf(row.sent_at),
    messageId: row.message_id,
    postedOn: row.posted_on,
    postedBy: row.posted_by,
  };
}
