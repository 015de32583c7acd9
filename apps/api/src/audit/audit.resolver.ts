import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { AuditLogFilterInput, SecurityEventType } from './security-event.type.js';

/** The security log, for admins. A case's own trail is its `events`. */
@Resolver()
export class AuditResolver {
  @RequirePermission('audit:read')
  @Query(() => [SecurityEventType], {
    description:
      "The security log, newest first: sign-ins, sign-outs, user and key changes, exports. A user's activity: filter by `involving`.",
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
    return events.map((event) => {
      const type = new SecurityEventType();
      Object.assign(type, event, { at: event.at.toISOString(), detail: { ...event.detail } });
      return type;
    });
  }
}
