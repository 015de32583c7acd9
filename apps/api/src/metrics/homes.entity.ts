import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many homes the landlord had in a reporting year, by tenure: CH01's divisor. */
@Entity({ name: 'homes' })
export class HomesEntity {
  /** The reporting year, named by the year it starts in (1 April). */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_homes' })
  year: number;

  /** The domain's tenure: `lcra`, `lcho` or `other`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_homes' })
  tenure: string;

  @Column({ type: 'integer' })
  homes: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Who last set the figure: `user:<id>`, `api-key:<id>` or `system:<id>`. */
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
