import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toAnnualReportType } from './annual-report.mapper.js';
import { AnnualReportType } from './annual-report.type.js';

@Resolver()
export class AnnualReportResolver {
  @RequirePermission('measures:read')
  @Query(() => AnnualReportType, {
    description:
      'The annual complaints performance and service improvement report for a reporting year, named by the year it starts in (2026: 1 April 2026 to 31 March 2027), up to the year now running. The same report as a PDF and a printable page: GET pdfPath and htmlPath with the same bearer token.',
  })
  async annualReport(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: AppContext,
  ): Promise<AnnualReportType> {
    return toAnnualReportType(await ctx.services.annualReports.report(ctx.principal, year));
  }
}
