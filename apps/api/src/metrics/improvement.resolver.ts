import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { ImprovementInput } from './improvement.input.js';
import { ImprovementType, toImprovementType } from './improvement.type.js';

@Resolver(() => ImprovementType)
export class ImprovementResolver {
  @RequirePermission('improvements:write')
  @Mutation(() => ImprovementType, {
    description: 'Records a "You said, we did" entry for a reporting year.',
  })
  async recordImprovement(
    @Arg('input', () => ImprovementInput) input: ImprovementInput,
    @Ctx() ctx: AppContext,
  ): Promise<ImprovementType> {
    const record = await ctx.services.improvements.record(ctx.principal, {
      year: input.year,
      youSaid: input.youSaid,
      weDid: input.weDid,
      category: input.category ?? null,
      complaintReferences: input.complaintReferences ?? null,
    });
    return toImprovementType(record);
  }

  @RequirePermission('measures:read')
  @Query(() => [ImprovementType], {
    description: 'A reporting year\'s "You said, we did" entries, in the order they were recorded.',
  })
  async improvements(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: AppContext,
  ): Promise<ImprovementType[]> {
    const records = await ctx.services.improvements.list(ctx.principal, year);
    return records.map(toImprovementType);
  }
}
