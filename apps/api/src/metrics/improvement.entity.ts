import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** "You said, we did": what residents told the landlord in a year, and what it changed. */
@Entity({ name: 'improvement' })
@Index('ix_improvement_year_recorded_at', ['year', 'recordedAt', 'id'])
export class ImprovementEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_improvement' })
  id: string;

  /** The reporting year it is reported in. */
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'you_said', type: 'text' })
  youSaid: string;

  @Column({ name: 'we_did', type: 'text' })
  weDid: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  /** The complaints that taught it, by reference, comma-separated. */
  @Column({ name: 'complaint_references', type: 'text', nullable: true })
  complaintReferences: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;
}
