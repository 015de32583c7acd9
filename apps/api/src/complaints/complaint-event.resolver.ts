import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import type { ComplaintEventPayload } from '../database/pg-pubsub.js';
import { ComplaintEventType } from './complaint-event.type.js';
import { toComplaintEventType } from './complaint.mapper.js';

@Resolver(() => ComplaintEventType)
export class ComplaintEventResolver {
  @Authorized()
  @Subscription(() => ComplaintEventType, {
    topics: 'COMPLAINT_EVENT',
    filter: ({
      payload,
      args,
    }: {
      payload: ComplaintEventPayload;
      args: { complaintId?: string | null };
    }) => !args.complaintId || payload.complaintId === args.complaintId,
    description:
      'Every event committed from now on, of one complaint or of all. Events of a write that is rolled back are never sent.',
  })
  async complaintEvents(
    @Root() payload: ComplaintEventPayload,
    @Arg('complaintId', () => ID, {
      nullable: true,
      description: 'Only this complaint; all when absent.',
    })
    _complaintId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintEventType> {
    // The notification carries ids only (NOTIFY payloads are small); the event is read as stored,
    // by its primary key.
    const event = await ctx.services.complaints.findEvent(payload.complaintId, payload.version);
    if (!event) {
      throw new Error(
        `Event ${payload.complaintId}@${payload.version} was notified but is not stored`,
      );
    }
    return toComplaintEventType(event);
  }
}
