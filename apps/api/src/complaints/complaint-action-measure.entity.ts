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
 * One row per agreed action of a case, as the domain's caseMeasures answers it: when it fell
 * due, when it was done and whether on time. Rewritten with the case on every write, so the
 * actions-on-time measure counts rows instead of reading snapshots.
 */
@Entity({ name: 'complaint_action_measure' })
@Index('ix_complaint_action_measure_due_year', ['dueYear'])
export class ComplaintActionMeasureEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_complaint_action_measure',
  })
  complaintId: string;

  @PrimaryColumn({
    name: 'action_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_complaint_action_measure',
  })
  actionId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'complaint_id',
    foreignKeyConstraintName: 'fk_complaint_action_measure_complaint',
  })
  complaint: Relation<ComplaintEntity>;

  @Column({ type: 'smallint' })
  stage: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** The reporting year of the due date: what the measure counts by. */
  @Column({ name: 'due_year', type: 'integer' })
  dueYear: number;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  /** Null while open: whether it is late depends on the day asked (late_from). */
  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime: boolean | null;

  /** While open: the first day it is late, the day after its due date (the domain's date). */
  @Column({ name: 'late_from', type: 'date', nullable: true })
  lateFrom: string | null;
}
