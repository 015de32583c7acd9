import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ComplaintEvent } from '@redress/domain';

/**
 * One row per thing that happened to a case: the audit trail. Append-only: a trigger in the
 * database refuses UPDATE, DELETE and TRUNCATE, so not even a bug or a console session can
 * rewrite history.
 */
@Entity({ name: 'complaint_event' })
@Unique('uq_complaint_event_position', ['position'])
// The lessons learnt of a year, for the annual report: a partial index the migration owns.
@Index('ix_complaint_event_lesson_occurred_at', { synchronize: false })
export class ComplaintEventEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_complaint_event',
  })
  complaintId: string;

  /** 1 for the log event, then one more per event: the optimistic-concurrency token. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_complaint_event' })
  version: number;

  /** The global order of events across cases, for subscribers that catch up. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: ComplaintEvent;

  /** When it happened (the step's `at`), which may be earlier than when it was recorded. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;
}
