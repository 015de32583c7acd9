import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toConnection, type Connection } from '../shared/connection.js';
import { pageRequestOf, type ListArgs, type OrderInput } from '../shared/list-args.js';
import {
  AuditLogPageArgs,
  SecurityEventConnectionType,
  type AuditLogOrderField,
  type AuditLogPageFilterInput,
} from './audit-log-list.input.js';
import { AuditLogFilterInput, SecurityEventType } from './security-event.type.js';
import type { StoredSecurityEvent } from './security-log.repository.js';

/** The security log, for admins. A case's own trail is its `events`. */
@Resolver()
export class AuditResolver {
  @RequirePermission('audit:read')
  @Query(() => [SecurityEventType], {
    description:
      "The security log, newest first: sign-ins, sign-outs, user and key changes, exports. A user's activity: filter by `involving`.",
    deprecationReason: 'Use auditLogPage: filtered, ordered and paged like every list.',
  })
  async auditLog(
    @Arg('filter', () => AuditLogFilterInput, { nullable: true })
    filter: AuditLogFilterInput | null,
    @Ctx() ctx: AppContext,
  ): Promise<SecurityEventType[]> {
    const events = await ctx.services.securityLog.find(ctx.principal, {
      ...(filter?.kinds ? { kinds: filter.kinds } : {}),
      ...(filter?.involving ? { involving: filter.involving } : {}),
      ...(filter?.from ? { from: new Date(filter.from) } : {}),
      ...(filter?.to ? { to: new Date(filter.to) } : {}),
      ...(filter?.before ? { before: filter.before } : {}),
      limit: filter?.first ?? 50,
    });
    return events.map(toSecurityEventType);
  }

  @RequirePermission('audit:read')
  @Query(() => SecurityEventConnectionType, {
    description:
      "The security log, a page at a time, newest first unless ordered: sign-ins, sign-outs, user and key changes, exports. A user's activity: filter by `involving`.",
  })
  async auditLogPage(
    @Args(() => AuditLogPageArgs)
    args: ListArgs<AuditLogPageFilterInput, OrderInput<AuditLogOrderField>>,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<SecurityEventType>> {
    const { filter } = args;
    const page = await ctx.services.securityLog.page(
      ctx.principal,
      {
        ...(filter?.ids != null ? { ids: filter.ids } : {}),
        ...(filter?.kinds ? { kinds: filter.kinds } : {}),
        ...(filter?.involving ? { involving: filter.involving } : {}),
        ...(filter?.from ? { from: new Date(filter.from) } : {}),
        ...(filter?.to ? { to: new Date(filter.to) } : {}),
      },
      args.orderBy?.direction ?? 'desc',
      pageRequestOf(args),
    );
    return toConnection(page, toSecurityEventType);
  }
}

function toSecurityEventType(event: StoredSecurityEvent): SecurityEventType {
  const type = new SecurityEventType();
  Object.assign(type, event, { at: event.at.toISOString(), detail: { ...event.detail } });
  return type;
}
