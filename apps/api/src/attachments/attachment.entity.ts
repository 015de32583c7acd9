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
 * A file attached to a case: what it is and who gave it. The bytes are in the attachment
 * storage under the row's id, never in the database.
 */
@Entity({ name: 'attachment' })
@Index('ix_attachment_complaint_uploaded_at', ['complaintId', 'uploadedAt', 'id'])
export class AttachmentEntity {
  /** The storage key as well. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_attachment' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  // No cascade: a case's row is never deleted under its files, which would be left unnamed.
  @ManyToOne(() => ComplaintEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_attachment_complaint' })
  complaint: Relation<ComplaintEntity>;

  /** The name it was given, made safe to show (attachment-file-name.ts). */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Found from the bytes, one of ALLOWED_ATTACHMENT_TYPES. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** The SHA-256 of the bytes, in hex: what a copy can be checked against. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Who uploaded it: a user or a partner's key. */
  @Column({ name: 'uploaded_by_kind', type: 'text' })
  uploadedByKind: string;

  @Column({ name: 'uploaded_by_id', type: 'text' })
  uploadedById: string;

  @Column({ name: 'uploaded_by_name', type: 'text', nullable: true })
  uploadedByName: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
