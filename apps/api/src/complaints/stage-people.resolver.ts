import type { Actor } from '@redress/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { ActorType } from '../auth/actor.type.js';
import { toUserType } from '../users/user.mapper.js';
import { UserType } from '../users/user.type.js';
import { StageType } from './stage.type.js';

/**
 * The people of a stage: who handled it (a user), who acknowledged it and who responded. Stage
 * 2's independence (Code 6.13) is judged between these, not between typed names.
 */
@Resolver(() => StageType)
export class StagePeopleResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The handler of the stage as a user; null when none, or assigned by a name only.',
  })
  async handledBy(@Root() stage: StageType, @Ctx() ctx: AppContext): Promise<UserType | null> {
    if (stage.handlerId === null) return null;
    const user = await ctx.loaders.users.load(stage.handlerId);
    return user ? toUserType(user, ctx.principal) : null;
  }

  @FieldResolver(() => ActorType, {
    nullable: true,
    description: "Who recorded the stage's response (a user, or a partner's key).",
  })
  respondedBy(@Root() stage: StageType): ActorType | null {
    return toActorType(stage.responder);
  }

  @FieldResolver(() => ActorType, {
    nullable: true,
    description: "Who acknowledged the stage (a user, or a partner's key).",
  })
  acknowledgedBy(@Root() stage: StageType): ActorType | null {
    return toActorType(stage.acknowledger);
  }
}

function toActorType(actor: Actor | null): ActorType | null {
  if (actor === null) return null;
  const type = new ActorType();
  type.kind = actor.kind;
  type.id = actor.id;
  type.name = actor.name ?? null;
  return type;
}
