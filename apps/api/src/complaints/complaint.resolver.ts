import {
  localDateOf,
  nextDeadline as nextDeadlineOf,
  type ComplaintState,
  type LocalDate,
} from '@redress/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { toDeadlineType, toStoredDeadlineType } from '../deadlines/deadline.mapper.js';
import { DeadlineType } from '../deadlines/deadline.type.js';
import { toPolicyType } from '../policies/policy.mapper.js';
import { PolicyType } from '../policies/policy.type.js';
import { ActionType } from './action.type.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { ComplaintConnectionType } from './complaint-connection.type.js';
import { ComplaintEventType } from './complaint-event.type.js';
import { ComplaintsArgs, DEFAULT_PAGE_SIZE } from './complaint-filter.input.js';
import {
  toActionType,
  toComplaintComplainantType,
  toComplaintEventType,
  toComplaintType,
  toOmbudsmanReferralType,
  toRefusalType,
  toRepresentativeType,
  toStageType,
} from './complaint.mapper.js';
import { toComplaintFilter, toComplaintOrder } from './complaint-filter.mapper.js';
import { pageNeedsState } from './complaint-selection.js';
import { nextDeadlineStatus } from './deadline-read-model.js';
import {
  ComplainantType,
  ComplaintRefusalType,
  ComplaintType,
  OmbudsmanReferralType,
  personalData,
  RepresentativeType,
} from './complaint.type.js';
import { StageType } from './stage.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';

@Resolver(() => ComplaintType)
export class ComplaintResolver {
  @RequirePermission('complaints:read')
  @Query(() => ComplaintType, { nullable: true, description: 'A complaint by its id.' })
  async complaint(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType | null> {
    const record = await ctx.services.complaints.findById(ctx.principal, id);
    return record ? toComplaintType(record) : null;
  }

  @RequirePermission('complaints:read')
  @Query(() => ComplaintType, {
    nullable: true,
    description: 'A complaint by the reference the resident was given, e.g. CMP-2026-000123.',
  })
  async complaintByReference(
    @Arg('reference') reference: string,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType | null> {
    const record = await ctx.services.complaints.findByReference(ctx.principal, reference.trim());
    return record ? toComplaintType(record) : null;
  }

  @RequirePermission('complaints:read')
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ComplaintType>> {
    const page = await ctx.services.complaints.list(
      ctx.principal,
      toComplaintFilter(args.filter),
      toComplaintOrder(args.orderBy),
      {
        first: args.first ?? DEFAULT_PAGE_SIZE,
        after: args.after ?? undefined,
        offset: args.offset ?? undefined,
        withState: pageNeedsState(info),
      },
    );
    // Edges are built, and the count is run, only when the query selects them.
    return toConnection(page, toComplaintType);
  }

  // Personal data, refused field by field to a caller without `complaints:personal` (an
  // analyst): null and a FORBIDDEN error on the field, the rest of the answer intact. These three
  // read the summary's columns, so a list page asking for them still reads no state.

  @RequirePermission('complaints:personal')
  @FieldResolver(() => ComplainantType, {
    nullable: true,
    description: personalData(
      'In full, or only name and vulnerable when a page was read without states (and asked no more).',
    ),
  })
  complainant(
    @Root() complaint: ComplaintType,
  ): ComplainantType | Pick<ComplainantType, 'name' | 'vulnerable'> {
    return toComplaintComplainantType(complaint.source);
  }

  @RequirePermission('complaints:personal')
  @FieldResolver(() => String, { nullable: true, description: personalData() })
  summary(@Root() complaint: ComplaintType): string {
    return complaint.source.summary.summary;
  }

  @RequirePermission('complaints:personal')
  @FieldResolver(() => String, { nullable: true, description: personalData() })
  withdrawnReason(@Root() complaint: ComplaintType): string | null {
    return complaint.source.summary.withdrawnReason;
  }

  // The fields below read the complaint's state, loaded with it: no further SQL.

  @RequirePermission('complaints:personal')
  @FieldResolver(() => RepresentativeType, { nullable: true, description: personalData() })
  representative(@Root() complaint: ComplaintType): RepresentativeType | null {
    const { representative } = stateOf(complaint);
    return representative ? toRepresentativeType(representative) : null;
  }

  @RequirePermission('complaints:personal')
  @FieldResolver(() => String, { nullable: true, description: personalData() })
  desiredOutcome(@Root() complaint: ComplaintType): string | null {
    return stateOf(complaint).desiredOutcome;
  }

  @FieldResolver(() => [OmbudsmanReferralType])
  ombudsmanReferrals(@Root() complaint: ComplaintType): OmbudsmanReferralType[] {
    return stateOf(complaint).ombudsman.map(toOmbudsmanReferralType);
  }

  @FieldResolver(() => ComplaintRefusalType, { nullable: true })
  refusal(@Root() complaint: ComplaintType): ComplaintRefusalType | null {
    const { refusal } = stateOf(complaint);
    return refusal ? toRefusalType(refusal) : null;
  }

  @FieldResolver(() => PolicyType, {
    description: 'The policy version the current stage runs under (kept when the stage began).',
  })
  policy(@Root() complaint: ComplaintType): PolicyType {
    const { stages, stage } = stateOf(complaint);
    const current = stages.find((s) => s.stage === stage) ?? stages[stages.length - 1];
    if (!current) throw new Error(`Complaint ${complaint.id} has no stage`);
    return toPolicyType(current.policy);
  }

  @FieldResolver(() => [DeadlineType], {
    description: 'Acknowledge and respond, for each stage begun, with their state today.',
  })
  deadlines(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): DeadlineType[] {
    return ctx.services.complaints.deadlinesOf(stateOf(complaint)).map(toDeadlineType);
  }

  @FieldResolver(() => DeadlineType, {
    nullable: true,
    description:
      'The earliest deadline not yet met; null when every step is done, or the case ended (its late deadlines stay in `deadlines`, MISSED).',
  })
  nextDeadline(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): DeadlineType | null {
    const { source } = complaint;
    // A page's case: from its read-model row, judged today by the domain's rule.
    if ('nextDeadline' in source) {
      const stored = source.nextDeadline;
      if (stored === null) return null;
      return toStoredDeadlineType(
        stored,
        nextDeadlineStatus(stored, todayOf(ctx), ctx.holidays),
        () => {
          const derived = ctx.services.complaints
            .deadlinesOf(stateOf(complaint))
            .find((d) => d.stage === stored.stage && d.kind === stored.kind);
          if (!derived) throw new Error(`Complaint ${complaint.reference} has no such deadline.`);
          return derived;
        },
      );
    }
    // One case read whole: the same rule as the read model's, from the domain.
    const state = stateOf(complaint);
    const next = nextDeadlineOf(state.status, ctx.services.complaints.deadlinesOf(state));
    return next ? toDeadlineType(next) : null;
  }

  @FieldResolver(() => [StageType])
  stages(@Root() complaint: ComplaintType): StageType[] {
    return stateOf(complaint).stages.map(toStageType);
  }

  @FieldResolver(() => [ActionType], { description: 'Remedy actions agreed, at any stage.' })
  actions(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): ActionType[] {
    const today = localDateOf(ctx.clock.now());
    return stateOf(complaint).actions.map((action) => toActionType(action, today));
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

// Today in London, named once a request: formatting a London date costs more than judging a
// deadline, and every deadline of a page is judged on the same day. Named again after a second,
// for a context that outlives a request (a WebSocket connection's).
const TODAY = new WeakMap<AppContext, { readonly at: number; readonly today: LocalDate }>();

function todayOf(ctx: AppContext): LocalDate {
  const now = ctx.clock.now();
  const known = TODAY.get(ctx);
  if (known !== undefined && Math.abs(now.getTime() - known.at) < 1_000) return known.today;
  const today = localDateOf(now);
  TODAY.set(ctx, { at: now.getTime(), today });
  return today;
}

/**
 * The state a field needs. Only a page read without states lacks one, and the page reads them
 * whenever its selection asks for a field that needs one: reaching the error is a defect there.
 */
function stateOf(complaint: ComplaintType): ComplaintState {
  const { state } = complaint.source;
  if (!state) {
    throw new Error(
      `Complaint ${complaint.reference} was read without its state, yet a field needs it.`,
    );
  }
  return state;
}
