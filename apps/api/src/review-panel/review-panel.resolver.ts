import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { ReviewPanelMemberChanges, ReviewPanelMemberInput } from './review-panel-member.input.js';
import { ReviewPanelMemberType, toReviewPanelMemberType } from './review-panel-member.type.js';

@Resolver(() => ReviewPanelMemberType)
export class ReviewPanelResolver {
  // Read by staff choosing reviewers, as they read the users; never by a partner's key.
  @RequirePermission('users:read')
  @Query(() => [ReviewPanelMemberType], {
    description:
      'The stage 2 review panel, by name: everyone, or with `available` those who may (true) or may not (false) be chosen now.',
  })
  async reviewPanelMembers(
    @Arg('available', () => Boolean, { nullable: true }) available: boolean | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ReviewPanelMemberType[]> {
    const records = await ctx.services.reviewPanel.list(ctx.principal, available ?? null);
    return records.map(toReviewPanelMemberType);
  }

  @RequirePermission('panel:manage')
  @Mutation(() => ReviewPanelMemberType, {
    description: 'Adds a resident to the stage 2 review panel.',
  })
  async addReviewPanelMember(
    @Arg('input', () => ReviewPanelMemberInput) input: ReviewPanelMemberInput,
    @Ctx() ctx: AppContext,
  ): Promise<ReviewPanelMemberType> {
    const record = await ctx.services.reviewPanel.add(ctx.principal, {
      name: input.name,
      addressLines: input.addressLines,
      postcode: input.postcode ?? null,
      consentGivenOn: input.consentGivenOn ?? null,
      conflictsDeclared: input.conflictsDeclared ?? null,
    });
    return toReviewPanelMemberType(record);
  }

  @RequirePermission('panel:manage')
  @Mutation(() => ReviewPanelMemberType, {
    description:
      'Changes a panel member: withdraws their consent (consentWithdrawnOn), records the conflicts they declare, corrects their name or address. Reviews already recorded are kept as they were.',
  })
  async updateReviewPanelMember(
    @Arg('id', () => ID) id: string,
    @Arg('changes', () => ReviewPanelMemberChanges) changes: ReviewPanelMemberChanges,
    @Ctx() ctx: AppContext,
  ): Promise<ReviewPanelMemberType> {
    if (changes.name === null || changes.addressLines === null) {
      throw new BadUserInputError(
        'A member keeps a name and an address: give new ones, or leave them out.',
        changes.name === null ? 'changes.name' : 'changes.addressLines',
      );
    }
    const record = await ctx.services.reviewPanel.update(ctx.principal, id, changes);
    return toReviewPanelMemberType(record);
  }
}
