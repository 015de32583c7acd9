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
 * Internal notes about a case and its contact log (calls, visits, emails, letters with the
 * resident or someone acting for them). Records of their own, not derived from the events: rows
 * are only ever inserted, and the foreign key to the read model deletes nothing with it.
 */
@Entity({ name: 'case_note' })
@Index('ix_case_note_complaint_occurred_at', ['complaintId', 'occurredAt', 'id'])
export class CaseNoteEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_note' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_case_note_complaint' })
  complaint: Relation<ComplaintEntity>;

  /** The domain's CaseNoteKind: note, call, visit, email or letter. */
  @Column({ type: 'text' })
  kind: string;

  /** inbound or outbound, for a contact; null for a note. */
  @Column({ type: 'text', nullable: true })
  direction: string | null;

  @Column({ name: 'with_whom', type: 'text', nullable: true })
  withWhom: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  body: string;

  /** Who recorded it: a user, a partner's key, or Redress itself. */
  @Column({ name: 'author_kind', type: 'text' })
  authorKind: string;

  @Column({ name: 'author_id', type: 'text' })
  authorId: string;

  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** The note this one corrects, which stays as it was. */
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true })
  correctsId: string | null;

  @ManyToOne(() => CaseNoteEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'corrects_id', foreignKeyConstraintName: 'fk_case_note_corrects' })
  corrects: Relation<CaseNoteEntity> | null;
}
