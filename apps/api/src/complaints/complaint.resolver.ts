import { localDateOf } from '@redress/domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { toDeadlineType } from '../deadlines/deadline.mapper.js';
import { DeadlineType } from '../deadlines/deadline.type.js';
import { toPolicyType } from '../policies/policy.mapper.js';
import { PolicyType } from '../policies/policy.type.js';
import { ActionType } from './action.type.js';
import { ComplaintConnectionType } from './complaint-connection.type.js';
import { ComplaintEventType } from './complaint-event.type.js';
import { ComplaintsArgs, DEFAULT_PAGE_SIZE } from './complaint-filter.input.js';
import {
  toActionType,
  toComplaintEventType,
  toComplaintType,
  toStageType,
} from './complaint.mapper.js';
import { toComplaintFilter, toComplaintOrder } from './complaint-filter.mapper.js';
import { ComplaintType } from './complaint.type.js';
import { StageType } from './stage.type.js';

@Resolver(() => ComplaintType)
export class ComplaintResolver {
  @Authorized()
  @Query(() => ComplaintType, { nullable: true, description: 'A complaint by its id.' })
  async complaint(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType | null> {
    const record = await ctx.services.complaints.findById(id);
    return record ? toComplaintType(record) : null;
  }

  @Authorized()
  @Query(() => ComplaintType, {
    nullable: true,
    description: 'A complaint by the reference the resident was given, e.g. CMP-2026-000123.',
  })
  async complaintByReference(
    @Arg('reference') reference: string,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType | null> {
    const record = await ctx.services.complaints.findByReference(reference.trim());
    return record ? toComplaintType(record) : null;
  }

  @Authorized()
  @Query(() => ComplaintConnectionType, {
    description:
      'Complaints matching a filter, a page at a time: `first` (at most 200) from `after` (a cursor) or `offset`.',
    // A page costs its size times what is asked of each complaint.
    complexity: ({ args, childComplexity }) =>
      1 +
      Math.max(1, typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE) *
        childComplexity,
  })
  async complaints(
    @Args(() => ComplaintsArgs) args: ComplaintsArgs,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintConnectionType> {
    const page = await ctx.services.complaints.list(
      toComplaintFilter(args.filter),
      toComplaintOrder(args.orderBy),
      {
        first: args.first ?? DEFAULT_PAGE_SIZE,
        after: args.after ?? undefined,
        offset: args.offset ?? undefined,
      },
    );
    const nodes = page.nodes.map(toComplaintType);
    return {
      nodes,
      // Built only when a query asks for edges: most list screens read the nodes alone.
      get edges() {
        return nodes.map((node, index) => ({ cursor: page.cursors[index] ?? '', node }));
      },
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.startCursor,
        endCursor: page.endCursor,
      },
      totalCount: page.totalCount,
    };
  }

  // The fields below read the state snapshot the complaint was loaded with: no further SQL.

  @FieldResolver(() => PolicyType, {
    description: 'The policy version the current stage runs under (kept when the stage began).',
  })
  policy(@Root() complaint: ComplaintType): PolicyType {
    const { stages, stage } = complaint.state;
    const current = stages.find((s) => s.stage === stage) ?? stages[stages.length - 1];
    if (!current) throw new Error(`Complaint ${complaint.id} has no stage`);
    return toPolicyType(current.policy);
  }

  @FieldResolver(() => [DeadlineType], {
    description: 'Acknowledge and respond, for each stage begun, with their state today.',
  })
  deadlines(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): DeadlineType[] {
    return ctx.services.complaints.deadlinesOf(complaint.state).map(toDeadlineType);
  }

  @FieldResolver(() => DeadlineType, {
    nullable: true,
    description: 'The earliest deadline not yet met; null when every step is done.',
  })
  nextDeadline(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): DeadlineType | null {
    const open = ctx.services.complaints
      .deadlinesOf(complaint.state)
      .filter((deadline) => deadline.metAt === null)
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    const [next] = open;
    return next ? toDeadlineType(next) : null;
  }

  @FieldResolver(() => [StageType])
  stages(@Root() complaint: ComplaintType): StageType[] {
    return complaint.state.stages.map(toStageType);
  }

  @FieldResolver(() => [ActionType], { description: 'Remedy actions agreed, at any stage.' })
  actions(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): ActionType[] {
    const today = localDateOf(ctx.clock.now());
    return complaint.state.actions.map((action) => toActionType(action, today));
  }

  @FieldResolver(() => [ComplaintEventType], {
    description: 'Everything that happened, oldest first.',
  })
  async events(
    @Root() complaint: ComplaintType,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintEventType[]> {
    const events = await ctx.loaders.events.load(complaint.id);
    return events.map(toComplaintEventType);
  }
}
