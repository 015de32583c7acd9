import type { ApiKeyScope } from '@redress/domain';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { ApiKeyScopeEnum } from '../auth/access-enums.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs, type OrderInput } from '../shared/list-args.js';
import {
  ApiKeyConnectionType,
  ApiKeysPageArgs,
  type ApiKeyFilterInput,
  type ApiKeyOrderField,
} from './api-key-list.input.js';
import type { ApiKeyRecord } from './api-key.repository.js';
import { ApiKeyType, CreatedApiKeyType } from './api-key.type.js';

/** Partners' API keys: admins make, list and revoke them. */
@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @RequirePermission('api-keys:manage')
  @Query(() => [ApiKeyType], {
    description: 'Every key, newest first, revoked ones included.',
    deprecationReason: 'Use apiKeysPage: filtered, ordered and paged like every list.',
  })
  async apiKeys(@Ctx() ctx: AppContext): Promise<ApiKeyType[]> {
    return (await ctx.services.apiKeys.list(ctx.principal)).map(toApiKeyType);
  }

  @RequirePermission('api-keys:manage')
  @Query(() => ApiKeyConnectionType, {
    description: 'Keys, revoked ones included, a page at a time; newest first unless ordered.',
  })
  async apiKeysPage(
    @Args(() => ApiKeysPageArgs) args: ListArgs<ApiKeyFilterInput, OrderInput<ApiKeyOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<ApiKeyType>> {
    const { filter } = args;
    const page = await ctx.services.apiKeys.page(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.revoked != null ? { revoked: filter.revoked } : {}),
      },
      args.orderBy ?? { field: 'createdAt', direction: 'desc' },
      pageRequestOf(args),
    );
    return toConnection(page, toApiKeyType);
  }

  @RequirePermission('api-keys:manage')
  @Mutation(() => CreatedApiKeyType, {
    description: 'Makes a key for a partner application. Its secret is in this answer only.',
  })
  async createApiKey(
    @Arg('name') name: string,
    @Arg('scopes', () => [ApiKeyScopeEnum]) scopes: ApiKeyScope[],
    @Arg('expiresAt', () => DateTimeScalar, { nullable: true }) expiresAt: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedApiKeyType> {
    const { key, secret } = await ctx.services.apiKeys.create(ctx.principal, {
      name,
      scopes,
      ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}),
    });
    const created = new CreatedApiKeyType();
    created.apiKey = toApiKeyType(key);
    created.secret = secret;
    return created;
  }

  @RequirePermission('api-keys:manage')
  @Mutation(() => ApiKeyType, { description: 'Stops a key working, at once and for good.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiKeyType> {
    return toApiKeyType(await ctx.services.apiKeys.revoke(ctx.principal, id));
  }
}

function toApiKeyType(key: ApiKeyRecord): ApiKeyType {
  const type = new ApiKeyType();
  type.id = key.id;
  type.name = key.name;
  type.prefix = key.prefix;
  type.scopes = key.scopes;
  type.createdById = key.createdBy;
  type.createdAt = key.createdAt.toISOString();
  type.lastUsedAt = key.lastUsedAt?.toISOString() ?? null;
  type.expiresAt = key.expiresAt?.toISOString() ?? null;
  type.revokedAt = key.revokedAt?.toISOString() ?? null;
  return type;
}
