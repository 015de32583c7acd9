import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FeedbackRecord } from '@redress/domain';

/** Service requests, compliments and suggestions: recorded and reported, with no deadlines. */
@Entity({ name: 'feedback' })
@Index('ix_feedback_kind_received_at', ['kind', 'receivedAt', 'id'])
@Index('ix_feedback_received_at', ['receivedAt', 'id'])
export class FeedbackEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_feedback' })
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  channel: string;

  @Column({ name: 'from_name', type: 'text', nullable: true })
  fromName: string | null;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  category: string;

  /** The complaint a service request became (Code 1.5); the request keeps its own record. */
  @Column({ name: 'converted_complaint_id', type: 'uuid', nullable: true })
  convertedComplaintId: string | null;

  @Column({ name: 'converted_at', type: 'timestamptz', nullable: true })
  convertedAt: Date | null;

  /** Who recorded it. */
  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** The domain's FeedbackRecord as it was last written. */
  @Column({ type: 'jsonb' })
  payload: FeedbackRecord;
}
