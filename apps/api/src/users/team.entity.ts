import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A group of handlers that can hold cases together. */
@Entity({ name: 'team' })
@Unique('uq_team_name', ['name'])
@Index('ix_team_created_at', ['createdAt', 'id'])
export class TeamEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_team' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
