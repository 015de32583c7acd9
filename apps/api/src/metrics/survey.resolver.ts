import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs, type OrderInput } from '../shared/list-args.js';
import {
  SurveyResponseConnectionType,
  SurveyResponsesArgs,
  type SurveyResponseFilterInput,
} from './survey-list.input.js';
import { SurveyResponseInput } from './survey-response.input.js';
import {
  DEFAULT_SURVEY_RESPONSE_ORDER,
  type SurveyResponseOrderField,
} from './survey.repository.js';
import { MAX_SURVEY_RESPONSES } from './survey.service.js';
import { SurveyImportType, SurveyResponseType, toSurveyResponseType } from './survey.type.js';

@Resolver(() => SurveyResponseType)
export class SurveyResolver {
  @RequirePermission('surveys:write')
  @Mutation(() => SurveyImportType, {
    description: `Imports perception survey responses (TP09), at most ${MAX_SURVEY_RESPONSES.toLocaleString('en-GB')} a call, all or none: a bad row refuses the call, naming its index and field. Importing the same response again (same respondent and day) leaves it unchanged; a changed answer replaces the stored one.`,
  })
  async recordSurveyResponses(
    @Arg('responses', () => [SurveyResponseInput]) responses: SurveyResponseInput[],
    @Ctx() ctx: AppContext,
  ): Promise<SurveyImportType> {
    return ctx.services.surveys.record(
      ctx.principal,
      responses.map((response) => ({
        respondent: response.respondent,
        tenure: response.tenure,
        answeredOn: response.answeredOn,
        complainedInLast12Months: response.complainedInLast12Months,
        complaintHandling: response.complaintHandling ?? null,
      })),
    );
  }

  @RequirePermission('measures:read')
  @Query(() => SurveyResponseConnectionType, {
    description:
      "A reporting year's perception survey responses, latest answered first unless ordered otherwise: `first` (at most 200) from `after` (a cursor) or `offset`.",
  })
  async surveyResponses(
    @Arg('year', () => Int, { description: 'The reporting year, named by the year it starts in.' })
    year: number,
    @Args(() => SurveyResponsesArgs)
    args: ListArgs<SurveyResponseFilterInput, OrderInput<SurveyResponseOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<SurveyResponseType>> {
    const { filter } = args;
    const page = await ctx.services.surveys.list(
      ctx.principal,
      {
        year,
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.tenure != null ? { tenure: filter.tenure } : {}),
      },
      args.orderBy ?? DEFAULT_SURVEY_RESPONSE_ORDER,
      pageRequestOf(args),
    );
    return toConnection(page, toSurveyResponseType);
  }
}
