import type { Tenure } from '@redress/domain';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { TenureEnum } from '../complaints/complaint-enums.type.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { DEFAULT_PAGE_SIZE } from '../shared/list-args.js';
import {
  MeasureCaseConnectionType,
  MeasureCasesArgs,
  type MeasureCaseType,
} from './measure-cases.type.js';
import {
  MeasureDimensionEnum,
  MeasureNameEnum,
  type MeasureDimension,
  type MeasureName,
} from './measure-names.type.js';
import type { MeasuresFilter } from './measures-filter.js';
import {
  MeasureBucketType,
  MeasuresFilterInput,
  MeasuresReportType,
} from './measures-report.type.js';
import type { MeasuresReport } from './measures.types.js';
import { TsmReportType } from './tsm-report.type.js';

@Resolver()
export class MeasuresResolver {
  @RequirePermission('measures:read')
  @Query(() => TsmReportType, {
    description:
      'The Tenant Satisfaction Measures on complaints (CH01, CH02, TP09) for a reporting year, named by the year it starts in (2026: 1 April 2026 to 31 March 2027); of one tenure, or all when none is given.',
  })
  async tsmReport(
    @Arg('year', () => Int) year: number,
    @Arg('tenure', () => TenureEnum, { nullable: true }) tenure: Tenure | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<TsmReportType> {
    return ctx.services.measures.tsmReport(ctx.principal, year, tenure ?? undefined);
  }

  @RequirePermission('measures:read')
  @Query(() => MeasuresReportType, {
    description: "The Code's measures of a reporting year, for analysts: no personal data.",
  })
  async measures(
    @Arg('year', () => Int) year: number,
    @Arg('filter', () => MeasuresFilterInput, { nullable: true })
    filter: MeasuresFilterInput | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<MeasuresReport> {
    return ctx.services.measures.measures(ctx.principal, year, filterOf(filter));
  }

  @RequirePermission('measures:read')
  @Query(() => [MeasureBucketType], {
    description:
      'A figure by month, category, team or tenure. Every month of the year and every tenure is listed, with none as 0.',
  })
  async measureBreakdown(
    @Arg('year', () => Int) year: number,
    @Arg('measure', () => MeasureNameEnum) measure: MeasureName,
    @Arg('by', () => MeasureDimensionEnum) by: MeasureDimension,
    @Arg('filter', () => MeasuresFilterInput, { nullable: true })
    filter: MeasuresFilterInput | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<MeasureBucketType[]> {
    return ctx.services.measures.breakdown(ctx.principal, year, measure, by, filterOf(filter));
  }

  @RequirePermission('measures:read')
  @Query(() => MeasureCaseConnectionType, {
    description:
      'The cases behind a figure, by reference: those it counts (NUMERATOR) or those it counts them among (DENOMINATOR). `first` at most 200, from `after`. No personal data.',
  })
  async measureCases(
    @Args(() => MeasureCasesArgs) args: MeasureCasesArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<MeasureCaseType>> {
    const page = await ctx.services.measures.cases(
      ctx.principal,
      { year: args.year, measure: args.measure, part: args.part, filter: filterOf(args.filter) },
      { first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after ?? undefined },
    );
    return toConnection(page, (row): MeasureCaseType => row);
  }
}

function filterOf(input: MeasuresFilterInput | null | undefined): MeasuresFilter {
  return {
    ...(input?.tenure != null ? { tenure: input.tenure } : {}),
    ...(input?.category != null ? { category: input.category } : {}),
    ...(input?.teamId != null ? { teamId: input.teamId } : {}),
  };
}
