import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { ComplaintEntity } from '../complaints/complaint.entity.js';

/**
 * A letter to a resident, as issued. Its parts, HTML and PDF are written once; a trigger
 * refuses any change to them (migration 1764979200000). Only the delivery columns move.
 */
@Entity({ name: 'letter' })
@Index('ix_letter_complaint_issued', ['complaintId', 'issuedAt', 'id'])
@Index('ix_letter_email_due', ['nextAttemptAt'], { where: `"delivery" = 'EMAIL_QUEUED'` })
export class LetterEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_letter' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  // Correspondence is part of the record: a case with letters is never deleted with them.
  @ManyToOne(() => ComplaintEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_letter_complaint' })
  complaint: Relation<ComplaintEntity>;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'integer' })
  stage: number;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'issued_by_id', type: 'text' })
  issuedById: string;

  @Column({ name: 'issued_by_name', type: 'text' })
  issuedByName: string;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName: string;

  @Column({ name: 'recipient_email', type: 'text', nullable: true })
  recipientEmail: string | null;

  @Column({ name: 'recipient_address', type: 'text', nullable: true })
  recipientAddress: string | null;

  @Column({ name: 'large_print', type: 'boolean' })
  largePrint: boolean;

  @Column({ name: 'translate_to', type: 'text', nullable: true })
  translateTo: string | null;

  /** The domain's LetterDraft as issued. */
  @Column({ type: 'jsonb' })
  content: unknown;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'bytea' })
  pdf: Buffer;

  /** EMAIL_QUEUED, SENT, FAILED, AWAITING_POST or POSTED. */
  @Column({ type: 'text' })
  delivery: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ name: 'posted_on', type: 'date', nullable: true })
  postedOn: string | null;

  @Column({ name: 'posted_by', type: 'text', nullable: true })
  postedBy: string | null;
}

/** The landlord's letter template: one row, 'default', holding the domain's LetterTemplate. */
@Entity({ name: 'letter_template' })
export class LetterTemplateEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_letter_template' })
  id: string;

  @Column({ type: 'jsonb' })
  template: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
