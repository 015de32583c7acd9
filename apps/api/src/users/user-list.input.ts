import type { Role } from '@redress/domain';
import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { RoleEnum } from '../auth/access-enums.type.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { TeamType, UserType } from './user.type.js';

export type UserOrderField = 'name' | 'email' | 'createdAt';
export type TeamOrderField = 'name' | 'createdAt';

const USER_ORDER_FIELDS: Readonly<Record<UserOrderField, string>> = {
  name: 'The name.',
  email: 'The email address (admins only: others are not shown it).',
  createdAt: 'When added.',
};
export const UserOrderFieldEnum = registerDomainEnum(
  valuesOf(USER_ORDER_FIELDS),
  'UserOrderField',
  'What to order users by.',
  USER_ORDER_FIELDS,
);

const TEAM_ORDER_FIELDS: Readonly<Record<TeamOrderField, string>> = {
  name: 'The name.',
  createdAt: 'When made.',
};
export const TeamOrderFieldEnum = registerDomainEnum(
  valuesOf(TEAM_ORDER_FIELDS),
  'TeamOrderField',
  'What to order teams by.',
  TEAM_ORDER_FIELDS,
);

@InputType('UserFilter', { description: 'Every field given must match.' })
export class UserFilterInput extends IdsFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only active, or only deactivated, users.' })
  active?: boolean | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the name, or (for admins) the email address.',
  })
  @MaxLength(200)
  text?: string | null;
}

@InputType('TeamFilter', { description: 'Every field given must match.' })
export class TeamFilterInput extends IdsFilterInput {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  @MaxLength(200)
  text?: string | null;
}

export const UserOrderInput = orderInputType<UserOrderField>('User', UserOrderFieldEnum);
export const TeamOrderInput = orderInputType<TeamOrderField>('Team', TeamOrderFieldEnum);

export const UsersPageArgs = listArgsType(UserFilterInput, UserOrderInput, 'name, A to Z');
export const TeamsPageArgs = listArgsType(TeamFilterInput, TeamOrderInput, 'name, A to Z');

export const { Connection: UserConnectionType } = connectionTypes(
  'User',
  UserType,
  'A page of users.',
);
export const { Connection: TeamConnectionType } = connectionTypes(
  'Team',
  TeamType,
  'A page of teams.',
);
