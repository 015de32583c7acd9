import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What happened to who may do what: sign-ins, sign-outs, refresh-token reuse, user and role
 * changes, API keys, exports. Append-only, and the database enforces it (the migration's
 * trigger). A case's own trail is its events.
 */
@Entity({ name: 'security_log' })
@Index('ix_security_log_at', ['at', 'id'])
@Index('ix_security_log_actor', ['actorId', 'at'])
@Index('ix_security_log_subject', ['subjectId', 'at'])
export class SecurityLogEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_security_log',
  })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'actor_kind', type: 'text', nullable: true })
  actorKind: string | null;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'subject_kind', type: 'text', nullable: true })
  subjectKind: string | null;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;
}
