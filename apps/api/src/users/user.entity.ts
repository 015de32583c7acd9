import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A member of the landlord's staff who signs in to Redress. Never deleted: deactivated. */
@Entity({ name: 'app_user' })
@Unique('uq_app_user_email', ['email'])
@Index('ix_app_user_name', ['name', 'id'])
@Index('ix_app_user_created_at', ['createdAt', 'id'])
export class UserEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_app_user' })
  id: string;

  /** Lower case, as it is matched. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  /** Null until an admin gives one (a first sign-in through the identity provider). */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** argon2id, PHC string; null for users who sign in only through the identity provider. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The identity provider's subject, once the user has signed in through it. */
  @Column({ name: 'oidc_subject', type: 'text', nullable: true })
  oidcSubject: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** Which teams a user belongs to. */
@Entity({ name: 'user_team' })
@Index('ix_user_team_team', ['teamId'])
export class UserTeamEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_team' })
  userId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_team' })
  teamId: string;
}
