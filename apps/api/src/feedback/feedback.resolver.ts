import type { FeedbackKind, Instant } from '@redress/domain';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { toComplaintType, toLogCommand } from '../complaints/complaint.mapper.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { LogComplaintInput } from '../complaints/log-complaint.input.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-keys.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { toFeedbackType } from './feedback.mapper.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs, type OrderInput } from '../shared/list-args.js';
import {
  FeedbackConnectionType,
  FeedbackItemsArgs,
  type FeedbackFilterInput,
  type FeedbackOrderField,
} from './feedback-list.input.js';
import { DEFAULT_FEEDBACK_ORDER } from './feedback.repository.js';
import { FeedbackKindEnum, FeedbackType } from './feedback.type.js';
import { RecordFeedbackInput } from './record-feedback.input.js';
import { RequirePermission } from '../auth/permission.decorator.js';

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
      'Service requests, compliments and suggestions, newest first unless ordered otherwise: `first` (at most 200) from `after` (a cursor) or `offset`.',
  })
  async feedbackItems(
    @Args(() => FeedbackItemsArgs)
    args: ListArgs<FeedbackFilterInput, OrderInput<FeedbackOrderField>>,
    @Arg('kind', () => FeedbackKindEnum, {
      nullable: true,
      deprecationReason: 'Use filter: { kind }.',
    })
    kind: FeedbackKind | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<FeedbackType>> {
    const { filter } = args;
    if (kind != null && filter?.kind != null && kind !== filter.kind) {
      throw new BadUserInputError('kind and filter.kind differ: give filter.kind alone.', 'kind');
    }
    const wanted = filter?.kind ?? kind;
    const page = await ctx.services.feedback.list(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(wanted != null ? { kind: wanted } : {}),
      },
      args.orderBy ?? DEFAULT_FEEDBACK_ORDER,
      pageRequestOf(args),
    );
    return toConnection(page, toFeedbackType);
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
