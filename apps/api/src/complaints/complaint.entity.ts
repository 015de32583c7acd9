import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ComplaintState } from '@redress/domain';

/** The text the `text` filter searches: reference, complainant's name and summary, as words. */
export const SEARCH_EXPRESSION =
  "to_tsvector('simple', reference || ' ' || complainant_name || ' ' || summary)";

/**
 * The read model of a case: the fold of its events, kept in step inside each write's
 * transaction. `state` holds the whole domain snapshot; the other columns exist to be filtered,
 * sorted and counted (handlers' lists, the analysts' measures).
 */
@Entity({ name: 'complaint' })
@Unique('uq_complaint_reference', ['reference'])
@Index('ix_complaint_status_next_due_on', ['status', 'nextDueOn'])
@Index('ix_complaint_next_due_on', ['nextDueOn', 'id'])
@Index('ix_complaint_stage', ['stage'])
@Index('ix_complaint_category', ['category'])
@Index('ix_complaint_assignee', ['assignee'])
@Index('ix_complaint_assignee_id', ['assigneeId'])
@Index('ix_complaint_team_id', ['teamId'])
@Index('ix_complaint_logged_by_api_key_id', ['loggedByApiKeyId'])
@Index('ix_complaint_received_at', ['receivedAt', 'id'])
@Index('ix_complaint_updated_at', ['updatedAt', 'id'])
@Index('ix_complaint_tenure_received_on', ['tenure', 'receivedOn'])
@Index('ix_complaint_auto_close_on', ['autoCloseOn'])
// The measures count a reporting year's rows, one tenure or both, from indexes that carry the
// answers they count (INCLUDE), which TypeORM cannot describe: the migration owns them.
@Index('ix_complaint_received_year_tenure', { synchronize: false })
@Index('ix_complaint_stage1_responded_year_tenure', { synchronize: false })
@Index('ix_complaint_stage2_received_year_tenure', { synchronize: false })
@Index('ix_complaint_stage2_responded_year_tenure', { synchronize: false })
// One resident's cases (subject access, erasure, retention), carrying when each ended.
@Index('ix_complaint_resident_key', { synchronize: false })
// A GIN index for text search, which TypeORM cannot describe: the migration owns it.
@Index('ix_complaint_search', { synchronize: false })
// On the next-due order's expressions (nothing due sorts last either way): the migration owns them.
@Index('ix_complaint_next_due_asc', { synchronize: false })
@Index('ix_complaint_next_due_desc', { synchronize: false })
export class ComplaintEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_complaint' })
  id: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'smallint' })
  stage: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The day of receipt in Europe/London: what the measures group by. */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  tenure: string;

  /** The handler of the current stage, by name (as typed before handlers were users). */
  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  /** The handler of the current stage as a user: a handler's queue is filtered by it. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** The team holding the current stage. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** The partner key that logged the case: what such a key may read. */
  @Column({ name: 'logged_by_api_key_id', type: 'uuid', nullable: true })
  loggedByApiKeyId: string | null;

  @Column({ name: 'complainant_name', type: 'text' })
  complainantName: string;

  @Column({ type: 'boolean', default: false })
  vulnerable: boolean;

  @Column({ type: 'text' })
  summary: string;

  /** The policy of the current stage: its later versions govern the next steps. */
  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion: number;

  @Column({ name: 'service_request_id', type: 'uuid', nullable: true })
  serviceRequestId: string | null;

  @Column({ name: 'stage1_acknowledged_at', type: 'timestamptz', nullable: true })
  stage1AcknowledgedAt: Date | null;

  @Column({ name: 'stage1_extended_days', type: 'integer', default: 0 })
  stage1ExtendedDays: number;

  @Column({ name: 'stage1_responded_at', type: 'timestamptz', nullable: true })
  stage1RespondedAt: Date | null;

  @Column({ name: 'stage1_outcome', type: 'text', nullable: true })
  stage1Outcome: string | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'stage2_acknowledged_at', type: 'timestamptz', nullable: true })
  stage2AcknowledgedAt: Date | null;

  @Column({ name: 'stage2_extended_days', type: 'integer', default: 0 })
  stage2ExtendedDays: number;

  @Column({ name: 'stage2_responded_at', type: 'timestamptz', nullable: true })
  stage2RespondedAt: Date | null;

  @Column({ name: 'stage2_outcome', type: 'text', nullable: true })
  stage2Outcome: string | null;

  @Column({ name: 'open_actions', type: 'integer', default: 0 })
  openActions: number;

  /** When the case ended, however it ended (closed, withdrawn, refused). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ name: 'ombudsman_referred_at', type: 'timestamptz', nullable: true })
  ombudsmanReferredAt: Date | null;

  /** The earliest unmet deadline of an open case; null once nothing is due. */
  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  nextDueOn: string | null;

  @Column({ name: 'next_due_kind', type: 'text', nullable: true })
  nextDueKind: string | null;

  @Column({ name: 'next_due_stage', type: 'smallint', nullable: true })
  nextDueStage: number | null;

  // The rest of the next deadline, so a list page shows it from this row alone: its state and
  // working days left are the domain's, counted from these at read time.
  @Column({ name: 'next_due_provisional', type: 'boolean', nullable: true })
  nextDueProvisional: boolean | null;

  @Column({ name: 'next_due_extended_by', type: 'integer', nullable: true })
  nextDueExtendedBy: number | null;

  /** The policy version the next deadline's stage counts in (its calendar, its warning days). */
  @Column({ name: 'next_due_policy_id', type: 'text', nullable: true })
  nextDuePolicyId: string | null;

  @Column({ name: 'next_due_policy_version', type: 'integer', nullable: true })
  nextDuePolicyVersion: number | null;

  /** When the policy lets Redress close the case if nobody comes back (seed 000); else null. */
  @Column({ name: 'auto_close_on', type: 'date', nullable: true })
  autoCloseOn: string | null;

  /** A duplicate's survivor, once merged: the duplicate's reference answers with that case. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  // What the case counts for in the measures: the domain's caseMeasures, written with the row.
  /** The reporting year (1 April to 31 March) of receipt, as the domain counts it. */
  @Column({ name: 'received_year', type: 'integer' })
  receivedYear: number;

  /** Counts as a stage 1 complaint received (CH01): not refused, not merged away. */
  @Column({ name: 'stage1_counted', type: 'boolean' })
  stage1Counted: boolean;

  @Column({ name: 'stage1_ack_on_time', type: 'boolean', nullable: true })
  stage1AckOnTime: boolean | null;

  /** While the acknowledgement is undecided: the first day it is late (the domain's date). */
  @Column({ name: 'stage1_ack_late_from', type: 'date', nullable: true })
  stage1AckLateFrom: string | null;

  @Column({ name: 'stage1_responded_on', type: 'date', nullable: true })
  stage1RespondedOn: string | null;

  @Column({ name: 'stage1_responded_year', type: 'integer', nullable: true })
  stage1RespondedYear: number | null;

  /** CH02 stage 1: acknowledged and answered within the Code, extensions it allows counted. */
  @Column({ name: 'stage1_on_time', type: 'boolean', nullable: true })
  stage1OnTime: boolean | null;

  @Column({ name: 'stage1_on_time_without_extensions', type: 'boolean', nullable: true })
  stage1OnTimeWithoutExtensions: boolean | null;

  @Column({ name: 'stage1_response_working_days', type: 'integer', nullable: true })
  stage1ResponseWorkingDays: number | null;

  /** The escalation request, as a London date. */
  @Column({ name: 'stage2_received_on', type: 'date', nullable: true })
  stage2ReceivedOn: string | null;

  @Column({ name: 'stage2_received_year', type: 'integer', nullable: true })
  stage2ReceivedYear: number | null;

  @Column({ name: 'stage2_counted', type: 'boolean', nullable: true })
  stage2Counted: boolean | null;

  @Column({ name: 'stage2_ack_on_time', type: 'boolean', nullable: true })
  stage2AckOnTime: boolean | null;

  @Column({ name: 'stage2_ack_late_from', type: 'date', nullable: true })
  stage2AckLateFrom: string | null;

  @Column({ name: 'stage2_responded_on', type: 'date', nullable: true })
  stage2RespondedOn: string | null;

  @Column({ name: 'stage2_responded_year', type: 'integer', nullable: true })
  stage2RespondedYear: number | null;

  @Column({ name: 'stage2_on_time', type: 'boolean', nullable: true })
  stage2OnTime: boolean | null;

  @Column({ name: 'stage2_on_time_without_extensions', type: 'boolean', nullable: true })
  stage2OnTimeWithoutExtensions: boolean | null;

  @Column({ name: 'stage2_response_working_days', type: 'integer', nullable: true })
  stage2ResponseWorkingDays: number | null;

  @Column({ name: 'refused_year', type: 'integer', nullable: true })
  refusedYear: number | null;

  @Column({ name: 'withdrawn_year', type: 'integer', nullable: true })
  withdrawnYear: number | null;

  @Column({ name: 'compensation_offered_pence', type: 'integer' })
  compensationOfferedPence: number;

  @Column({ name: 'compensation_paid_pence', type: 'integer' })
  compensationPaidPence: number;

  @Column({ name: 'ombudsman_referred_year', type: 'integer', nullable: true })
  ombudsmanReferredYear: number | null;

  /** The latest determination's finding codes, comma-separated. */
  @Column({ name: 'ombudsman_findings', type: 'text', nullable: true })
  ombudsmanFindings: string | null;

  /** Transactional satisfaction, 0 to 10. */
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Column({ name: 'satisfaction_year', type: 'integer', nullable: true })
  satisfactionYear: number | null;

  /** The sha-256 (hex) of the domain's resident key: repeat complainants, without the person. */
  @Column({ name: 'resident_key', type: 'text' })
  residentKey: string;

  @Column({ type: 'jsonb' })
  state: ComplaintState;

  /** Kept by PostgreSQL from the columns it is made of; the GIN index for `text` is on it. */
  @Column({
    name: 'search_document',
    type: 'tsvector',
    nullable: true,
    generatedType: 'STORED',
    asExpression: SEARCH_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  searchDocument: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
