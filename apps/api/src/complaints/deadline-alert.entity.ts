import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

/**
 * Every deadline alert raised. The primary key is the alert itself (which deadline, which level,
 * for which due date), so however many watchers run, an alert is recorded once.
 */
@Entity({ name: 'deadline_alert' })
export class DeadlineAlertEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_deadline_alert',
  })
  complaintId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_deadline_alert' })
  stage: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_deadline_alert' })
  kind: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_deadline_alert' })
  alert: string;

  @PrimaryColumn({ name: 'due_on', type: 'date', primaryKeyConstraintName: 'pk_deadline_alert' })
  dueOn: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_deadline_alert_complaint' })
  complaint: Relation<ComplaintEntity>;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  /** Which watcher raised it: useful when several API instances share a database. */
  @Column({ name: 'raised_by', type: 'text', nullable: true })
  raisedBy: string | null;
}
