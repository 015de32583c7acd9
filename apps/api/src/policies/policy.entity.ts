import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Policy } from '@redress/domain';

/** Every version of every policy. Versions are never changed: cases keep the one they began under. */
@Entity({ name: 'policy' })
export class PolicyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_policy' })
  id: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_policy' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  body: Policy;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
