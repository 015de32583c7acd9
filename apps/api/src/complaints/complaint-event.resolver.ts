import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { can } from '../auth/principal.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { ComplaintEventType } from './complaint-event.type.js';
import { toComplaintEventType } from './complaint.mapper.js';
import type { PlacedEvent } from './complaint.repository.js';

@Resolver(() => ComplaintEventType)
export class ComplaintEventResolver {
  @RequirePermission('events:subscribe')
  @Subscription(() => ComplaintEventType, {
    // The process's one feed of committed events, read once for every subscriber and scoped to
    // the caller's cases.
    subscribe: ({
      args,
      context,
    }: {
      args: { complaintId?: string | null };
      context: AppContext;
    }) =>
      context.services.complaints.subscribeToEvents(
        context.principal,
        args.complaintId ?? undefined,
      ),
    description:
      "Every event committed from now on, of one complaint or of all, of the complaints the caller may read (a handler's queue, a partner key's own complaints). Which cases those are is decided by where each case sits just after the event: an event that moves a case out of the caller's scope is not sent to them. Events of a write that is rolled back are never sent. A subscriber that falls far behind, or that may have missed events, is ended with SUBSCRIPTION_INTERRUPTED: subscribe again and catch up with a query.",
  })
  complaintEvents(
    @Root() event: PlacedEvent,
    @Ctx() context: AppContext,
    @Arg('complaintId', () => ID, {
      nullable: true,
      description: 'Only this complaint; all when absent.',
    })
    _complaintId: string | null | undefined,
  ): ComplaintEventType {
    const type = toComplaintEventType(event);
    // The payload is the resident's words and details: it never travels to a caller who may not
    // read personal data, whatever the field's own guard says.
    return can(context.principal, 'complaints:personal') ? type : { ...type, data: null };
  }
}
