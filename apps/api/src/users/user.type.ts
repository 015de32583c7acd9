import type { Role } from '@redress/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from '../auth/access-enums.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType('Team', { description: 'A group of handlers that can hold cases together.' })
export class TeamType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('User', { description: 'A member of staff who signs in to Redress.' })
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, {
    description: 'Shown to admins and to the user; null to others.',
    nullable: true,
  })
  email: string | null;

  @Field(() => RoleEnum, {
    nullable: true,
    description: 'Null until an admin gives one (a first sign-in through the identity provider).',
  })
  role: Role | null;

  @Field({ description: 'A deactivated user cannot sign in, and their sessions have ended.' })
  active: boolean;

  @Field(() => [ID], { description: 'The teams the user belongs to.' })
  teamIds: readonly string[];

  @Field(() => Boolean, { description: 'Whether the user can sign in with a password.' })
  hasPassword: boolean;

  @Field(() => DateTimeScalar)
  createdAt: string;
}
