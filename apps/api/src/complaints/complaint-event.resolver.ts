import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { ComplaintEventType } from './complaint-event.type.js';
import { toComplaintEventType } from './complaint.mapper.js';
import type { StoredEvent } from './complaint.service.js';
import { RequirePermission } from '../auth/permission.decorator.js';

@Resolver(() => ComplaintEventType)
export class ComplaintEventResolver {
  @RequirePermission('events:subscribe')
  @Subscription(() => ComplaintEventType, {
    // The process's one feed of committed events, read once for every subscriber.
    subscribe: ({
      args,
      context,
    }: {
      args: { complaintId?: string | null };
      context: AppContext;
    }) => context.services.complaints.subscribeToEvents(args.complaintId ?? undefined),
    description:
      'Every event committed from now on, of one complaint or of all. Events of a write that is rolled back are never sent. A subscriber that falls far behind, or that may have missed events, is ended with SUBSCRIPTION_INTERRUPTED: subscribe again and catch up with a query.',
  })
  complaintEvents(
    @Root() event: StoredEvent,
    @Arg('complaintId', () => ID, {
      nullable: true,
      description: 'Only this complaint; all when absent.',
    })
    _complaintId: string | null | undefined,
  ): ComplaintEventType {
    return toComplaintEventType(event);
  }
}
