import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A resident on the landlord's stage 2 review panel (seed 004). */
@Entity({ name: 'review_panel_member' })
@Index('ix_review_panel_member_name', ['name', 'id'])
export class ReviewPanelMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_review_panel_member' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Their home's address lines, one a line. */
  @Column({ name: 'address_lines', type: 'text' })
  addressLines: string;

  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ name: 'consent_given_on', type: 'date', nullable: true })
  consentGivenOn: string | null;

  @Column({ name: 'consent_withdrawn_on', type: 'date', nullable: true })
  consentWithdrawnOn: string | null;

  /** Homes and people they are connected to, one a line. */
  @Column({ name: 'conflicts_declared', type: 'text', nullable: true })
  conflictsDeclared: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
