import type { Tenure } from '@redress/domain';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { HomesType, toHomesType } from './homes.type.js';

@Resolver(() => HomesType)
export class HomesResolver {
  @RequirePermission('measures:read')
  @Query(() => [HomesType], {
    description:
      'The homes entered per reporting year and tenure, oldest year first; or those of one year.',
  })
  async homes(
    @Arg('year', () => Int, { nullable: true }) year: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<HomesType[]> {
    const records = await ctx.services.homes.list(ctx.principal, year ?? null);
    return records.map(toHomesType);
  }

  @RequirePermission('homes:write')
  @Mutation(() => HomesType, {
    description:
      'Sets how many homes of a tenure the landlord had in a reporting year (2000 to 2100; 0 to 10,000,000 homes): the divisor of CH01. The change is written to the security log.',
  })
  async setHomes(
    @Arg('year', () => Int) year: number,
    @Arg('tenure', () => TenureEnum) tenure: Tenure,
    @Arg('homes', () => Int) homes: number,
    @Ctx() ctx: AppContext,
  ): Promise<HomesType> {
    return toHomesType(await ctx.services.homes.set(ctx.principal, year, tenure, homes));
  }
}
