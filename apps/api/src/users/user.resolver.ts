import type { Role } from '@redress/domain';
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { AppContext } from '../app-context.js';
import { RoleEnum } from '../auth/access-enums.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toTeamType, toUserType } from './user.mapper.js';
import { CreateUserInput, UpdateUserInput } from './user.input.js';
import { TeamType, UserType } from './user.type.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs } from '../shared/list-args.js';
import {
  TeamConnectionType,
  TeamsPageArgs,
  UserConnectionType,
  UsersPageArgs,
  type TeamFilterInput,
  type TeamOrderField,
  type UserFilterInput,
  type UserOrderField,
} from './user-list.input.js';
import type { OrderInput } from '../shared/list-args.js';

@ArgsType()
class UsersArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only active, or only deactivated, users.' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  role?: Role | null;
}

/** Staff users and teams: admins manage them; every member of staff can list them. */
@Resolver(() => UserType)
export class UserResolver {
  @RequirePermission('users:read')
  @Query(() => [UserType], {
    description: 'Members of staff, by name.',
    deprecationReason: 'Use usersPage: filtered, ordered and paged like every list.',
  })
  async users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: AppContext): Promise<UserType[]> {
    const users = await ctx.services.users.list(ctx.principal, {
      ...(args.active != null ? { active: args.active } : {}),
      ...(args.role != null ? { role: args.role } : {}),
    });
    return users.map((user) => toUserType(user, ctx.principal));
  }

  @RequirePermission('users:read')
  @Query(() => UserType, { nullable: true })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<UserType | null> {
    const user = await ctx.services.users.get(ctx.principal, id);
    return user ? toUserType(user, ctx.principal) : null;
  }

  @RequirePermission('users:read')
  @Query(() => UserConnectionType, {
    description: 'Members of staff, a page at a time; by name unless ordered otherwise.',
  })
  async usersPage(
    @Args(() => UsersPageArgs) args: ListArgs<UserFilterInput, OrderInput<UserOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<UserType>> {
    const { filter } = args;
    const page = await ctx.services.users.page(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.active != null ? { active: filter.active } : {}),
        ...(filter?.role != null ? { role: filter.role } : {}),
        ...(filter?.text?.trim() ? { text: filter.text.trim() } : {}),
      },
      args.orderBy ?? { field: 'name', direction: 'asc' },
      pageRequestOf(args),
    );
    return toConnection(page, (user) => toUserType(user, ctx.principal));
  }

  @RequirePermission('users:read')
  @Query(() => TeamConnectionType, { description: 'Teams, a page at a time; by name.' })
  async teamsPage(
    @Args(() => TeamsPageArgs) args: ListArgs<TeamFilterInput, OrderInput<TeamOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<TeamType>> {
    const { filter } = args;
    const page = await ctx.services.users.teamsPage(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.text?.trim() ? { text: filter.text.trim() } : {}),
      },
      args.orderBy ?? { field: 'name', direction: 'asc' },
      pageRequestOf(args),
    );
    return toConnection(page, toTeamType);
  }

  @RequirePermission('users:read')
  @Query(() => [TeamType], {
    deprecationReason: 'Use teamsPage: filtered, ordered and paged like every list.',
  })
  async teams(@Ctx() ctx: AppContext): Promise<TeamType[]> {
    return (await ctx.services.users.listTeams(ctx.principal)).map(toTeamType);
  }

  @RequirePermission('users:manage')
  @Mutation(() => UserType, {
    description:
      'Adds a member of staff. Without a password they sign in through the identity provider.',
  })
  async createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Ctx() ctx: AppContext,
  ): Promise<UserType> {
    const user = await ctx.services.users.create(ctx.principal, {
      email: input.email,
      name: input.name,
      role: input.role,
      password: input.password ?? undefined,
      teamIds: input.teamIds ?? undefined,
    });
    return toUserType(user, ctx.principal);
  }

  @RequirePermission('users:manage')
  @Mutation(() => UserType, { description: "Changes a user's name, role or teams." })
  async updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: AppContext,
  ): Promise<UserType> {
    const user = await ctx.services.users.update(ctx.principal, id, {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.role != null ? { role: input.role } : {}),
      ...(input.teamIds != null ? { teamIds: input.teamIds } : {}),
    });
    return toUserType(user, ctx.principal);
  }

  @RequirePermission('users:manage')
  @Mutation(() => UserType, {
    description: 'Stops a user signing in; their sessions end at once.',
  })
  async deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<UserType> {
    return toUserType(await ctx.services.users.setActive(ctx.principal, id, false), ctx.principal);
  }

  @RequirePermission('users:manage')
  @Mutation(() => UserType)
  async reactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<UserType> {
    return toUserType(await ctx.services.users.setActive(ctx.principal, id, true), ctx.principal);
  }

  @RequirePermission('users:manage')
  @Mutation(() => UserType, { description: "Sets a user's password; their sessions end." })
  async resetUserPassword(
    @Arg('id', () => ID) id: string,
    @Arg('password') password: string,
    @Ctx() ctx: AppContext,
  ): Promise<UserType> {
    return toUserType(
      await ctx.services.users.resetPassword(ctx.principal, id, password),
      ctx.principal,
    );
  }

  @RequirePermission('users:manage')
  @Mutation(() => TeamType)
  async createTeam(@Arg('name') name: string, @Ctx() ctx: AppContext): Promise<TeamType> {
    return toTeamType(await ctx.services.users.createTeam(ctx.principal, name));
  }
}
