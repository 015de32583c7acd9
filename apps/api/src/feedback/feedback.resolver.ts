import type { FeedbackKind, Instant } from '@redress/domain';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { toComplaintType, toLogCommand } from '../complaints/complaint.mapper.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { LogComplaintInput } from '../complaints/log-complaint.input.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-keys.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { toFeedbackType } from './feedback.mapper.js';
import { FeedbackConnectionType, FeedbackKindEnum, FeedbackType } from './feedback.type.js';
import { RecordFeedbackInput } from './record-feedback.input.js';
import { RequirePermission } from '../auth/permission.decorator.js';

// The service enforces the bounds; they are stated here for the schema's description.
const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 25;

@Resolver(() => FeedbackType)
export class FeedbackResolver {
  @RequirePermission('feedback:read')
  @Query(() => FeedbackType, { nullable: true })
  async feedback(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<FeedbackType | null> {
    const record = await ctx.services.feedback.findById(ctx.principal, id);
    return record ? toFeedbackType(record) : null;
  }

  @RequirePermission('feedback:read')
  @Query(() => FeedbackConnectionType, {
    description:
      'Service requests, compliments and suggestions, newest first: `first` (at most 200) from `after` (a cursor) or `offset`.',
  })
  async feedbackItems(
    @Arg('kind', () => FeedbackKindEnum, { nullable: true }) kind: FeedbackKind | null | undefined,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first: number | null | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor: `pageInfo.endCursor` of the previous page.',
    })
    after: string | null | undefined,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<FeedbackConnectionType> {
    const page = await ctx.services.feedback.list(ctx.principal, kind ? { kind } : {}, {
      first: first ?? DEFAULT_PAGE_SIZE,
      offset: offset ?? 0,
      ...(after !== null && after !== undefined ? { after } : {}),
    });
    return {
      nodes: page.nodes.map(toFeedbackType),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.startCursor,
        endCursor: page.endCursor,
      },
      totalCount: page.totalCount,
    };
  }

  @RequirePermission('feedback:write')
  @Mutation(() => FeedbackType, {
    description: 'Records a service request, compliment or suggestion.',
  })
  async recordFeedback(
    @Arg('input', () => RecordFeedbackInput) input: RecordFeedbackInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: IDEMPOTENCY_KEY_DESCRIPTION,
    })
    idempotencyKey: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<FeedbackType> {
    const record = await ctx.services.feedback.record(
      {
        kind: input.kind,
        receivedAt: input.receivedAt,
        channel: input.channel,
        from: input.from ?? null,
        summary: input.summary,
        category: input.category,
      },
      { by: ctx.principal, ...(idempotencyKey != null ? { idempotencyKey } : {}) },
    );
    return toFeedbackType(record);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Logs a complaint about a service request the resident is unhappy with (Code 1.5). The request carries on and keeps the link.',
  })
  async convertServiceRequest(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => LogComplaintInput) input: LogComplaintInput,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at: Instant | null | undefined,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: IDEMPOTENCY_KEY_DESCRIPTION,
    })
    idempotencyKey: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    const record = await ctx.services.feedback.convertToComplaint(id, toLogCommand(input), {
      by: ctx.principal,
      at: at ?? undefined,
      policyId: input.policyId ?? undefined,
      ...(idempotencyKey != null ? { idempotencyKey } : {}),
    });
    return toComplaintType(record);
  }
}
