import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { toTeamType, toUserType } from '../users/user.mapper.js';
import { TeamType, UserType } from '../users/user.type.js';
import { ComplaintType } from './complaint.type.js';

/** The people a complaint names: who holds it now, as users (a page's in one statement). */
@Resolver(() => ComplaintType)
export class ComplaintPeopleResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description:
      'The handler of the current stage, as a user; null when unassigned or assigned by a name that matched no user.',
  })
  async assignedTo(
    @Root() complaint: ComplaintType,
    @Ctx() ctx: AppContext,
  ): Promise<UserType | null> {
    const id = complaint.source.summary.assigneeId;
    if (id === null) return null;
    const user = await ctx.loaders.users.load(id);
    return user ? toUserType(user, ctx.principal) : null;
  }

  @FieldResolver(() => TeamType, {
    nullable: true,
    description: 'The team holding the current stage, if one does.',
  })
  async team(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): Promise<TeamType | null> {
    const id = complaint.source.summary.teamId;
    if (id === null) return null;
    const team = await ctx.loaders.teams.load(id);
    return team ? toTeamType(team) : null;
  }
}
