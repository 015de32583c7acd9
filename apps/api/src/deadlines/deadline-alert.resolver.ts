import { DEADLINE_STATE_LABELS } from '@redress/domain';
import { Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import type { PlacedDeadlineAlert } from './deadline-alert-feed.js';
import { DeadlineAlertType } from './deadline-alert.type.js';

@Resolver(() => DeadlineAlertType)
export class DeadlineAlertResolver {
  @RequirePermission('events:subscribe')
  @Subscription(() => DeadlineAlertType, {
    // Scoped as complaintEvents is: only alerts about the cases the caller may read.
    subscribe: ({ context }: { context: AppContext }) =>
      context.services.complaints.subscribeToDeadlineAlerts(context.principal),
    description:
      'A deadline of a complaint the caller may read became due soon, due today or overdue. Raised once for each deadline and state, however many API instances run. A subscriber that falls far behind, or that may have missed alerts, is ended with SUBSCRIPTION_INTERRUPTED.',
  })
  deadlineAlerts(@Root() { alert }: PlacedDeadlineAlert): DeadlineAlertType {
    return {
      complaintId: alert.complaintId,
      reference: alert.reference,
      stage: alert.stage,
      kind: alert.kind,
      alert: alert.alert,
      alertLabel: DEADLINE_STATE_LABELS[alert.alert],
      dueOn: alert.dueOn,
    };
  }
}
