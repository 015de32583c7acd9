import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

/**
 * One row per derived deadline of a case, rewritten with the read model on every write. Kept as
 * rows (not only inside `complaint.state`) so the deadline watcher can claim them one by one.
 */
@Entity({ name: 'complaint_deadline' })
// Partial (unmet only), which TypeORM cannot compare: the migration owns it.
@Index('ix_complaint_deadline_due_on_unmet', { synchronize: false })
export class DeadlineEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_complaint_deadline',
  })
  complaintId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_complaint_deadline' })
  stage: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_complaint_deadline' })
  kind: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_deadline_complaint' })
  complaint: Relation<ComplaintEntity>;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** The first day the deadline counts as due soon (the policy's warning window). */
  @Column({ name: 'warn_on', type: 'date' })
  warnOn: string;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt: Date | null;

  /** When the case ended with this step undone and already late: missed, nothing more due. */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ type: 'boolean' })
  provisional: boolean;

  /** The highest alert raised for this due date: due-soon, due-today or overdue. */
  @Column({ name: 'last_alert', type: 'text', nullable: true })
  lastAlert: string | null;

  @Column({ name: 'last_alert_on', type: 'date', nullable: true })
  lastAlertOn: string | null;
}
