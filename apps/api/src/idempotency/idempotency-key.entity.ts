import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A write a caller named with an idempotency key: what a retry with the same key is answered
 * (the result), and how to tell a retry from a different request reusing the key (the hash of
 * its input). Stored in the write's own transaction, so the key exists exactly when the write
 * does. Keys are the caller's own: two callers' keys never meet.
 */
@Entity({ name: 'idempotency_key' })
@Index('ix_idempotency_key_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  /** The principal's kind: `user`, `api-key` or `system`. */
  @PrimaryColumn({
    name: 'caller_kind',
    type: 'text',
    primaryKeyConstraintName: 'pk_idempotency_key',
  })
  callerKind: string;

  /** The user's, API key's or system part's id. */
  @PrimaryColumn({
    name: 'caller_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_idempotency_key',
  })
  callerId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  key: string;

  /** The mutation the key was used with, e.g. `logComplaint`. */
  @Column({ type: 'text' })
  operation: string;

  /** SHA-256 (hex) of the operation's input in canonical JSON. */
  @Column({ name: 'input_hash', type: 'text' })
  inputHash: string;

  /** What the write made: the complaint or the feedback. */
  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
