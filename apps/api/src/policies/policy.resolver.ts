import { checkAgainstCode } from '@redress/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { CreatePolicyInput } from './create-policy.input.js';
import { toCodeDepartureType, toPolicyChanges, toPolicyType } from './policy.mapper.js';
import { CodeDepartureType, PolicyType } from './policy.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs, type OrderInput } from '../shared/list-args.js';
import {
  PoliciesPageArgs,
  PolicyConnectionType,
  type PolicyFilterInput,
  type PolicyOrderField,
} from './policy-list.input.js';

@Resolver(() => PolicyType)
export class PolicyResolver {
  @RequirePermission('policies:read')
  @Query(() => [PolicyType], {
    description: 'The current version of every policy, presets included.',
    deprecationReason: 'Use policiesPage: filtered, ordered and paged like every list.',
  })
  async policies(@Ctx() ctx: AppContext): Promise<PolicyType[]> {
    const policies = await ctx.services.policies.list(ctx.principal);
    return policies.map(toPolicyType);
  }

  @RequirePermission('policies:read')
  @Query(() => PolicyConnectionType, {
    description:
      'The current version of each policy, presets included, a page at a time; by name unless ordered otherwise.',
  })
  async policiesPage(
    @Args(() => PoliciesPageArgs) args: ListArgs<PolicyFilterInput, OrderInput<PolicyOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<PolicyType>> {
    const { filter } = args;
    const page = await ctx.services.policies.page(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.text?.trim() ? { text: filter.text.trim() } : {}),
      },
      args.orderBy ?? { field: 'name', direction: 'asc' },
      pageRequestOf(args),
    );
    return toConnection(page, toPolicyType);
  }

  @RequirePermission('policies:read')
  @Query(() => PolicyType, { nullable: true, description: 'The current version of a policy.' })
  async policy(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<PolicyType | null> {
    const policy = await ctx.services.policies.findById(ctx.principal, id);
    return policy ? toPolicyType(policy) : null;
  }

  @RequirePermission('policies:read')
  @Query(() => [CodeDepartureType], {
    description: "Where a policy's current version departs from the Complaint Handling Code.",
  })
  async policyDepartures(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<CodeDepartureType[]> {
    const departures = await ctx.services.policies.departures(ctx.principal, id);
    return departures.map(toCodeDepartureType);
  }

  @RequirePermission('policies:write')
  @Mutation(() => PolicyType, {
    description:
      'Makes a policy from a preset or another policy with any figure changed; the same id as the base makes its next version. Cases keep the version in force when each stage began.',
  })
  async createPolicy(
    @Arg('input', () => CreatePolicyInput) input: CreatePolicyInput,
    @Ctx() ctx: AppContext,
  ): Promise<PolicyType> {
    const policy = await ctx.services.policies.create(ctx.principal, {
      basedOn: input.basedOn,
      id: input.id ?? undefined,
      name: input.name,
      description: input.description ?? undefined,
      changes: toPolicyChanges(input),
    });
    return toPolicyType(policy);
  }

  @FieldResolver(() => [CodeDepartureType], {
    description: 'Where this version departs from the Complaint Handling Code, with the clause.',
  })
  departures(@Root() policy: PolicyType): CodeDepartureType[] {
    return checkAgainstCode(policy.source).map(toCodeDepartureType);
  }
}
