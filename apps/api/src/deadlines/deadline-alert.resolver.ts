import { DEADLINE_STATE_LABELS } from '@redress/domain';
import { Resolver, Root, Subscription } from 'type-graphql';
import type { DeadlineAlertPayload } from '../database/pg-pubsub.js';
import { DeadlineAlertType } from './deadline-alert.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';

@Resolver(() => DeadlineAlertType)
export class DeadlineAlertResolver {
  @RequirePermission('events:subscribe')
  @Subscription(() => DeadlineAlertType, {
    topics: 'DEADLINE_ALERT',
    description:
      'A deadline became due soon, due today or overdue. Raised once for each deadline and state, however many API instances run. A subscriber that falls far behind, or that may have missed alerts, is ended with SUBSCRIPTION_INTERRUPTED.',
  })
  deadlineAlerts(@Root() payload: DeadlineAlertPayload): DeadlineAlertType {
    return {
      complaintId: payload.complaintId,
      reference: payload.reference,
      stage: payload.stage,
      kind: payload.kind,
      alert: payload.alert,
      alertLabel: DEADLINE_STATE_LABELS[payload.alert],
      dueOn: payload.dueOn,
    };
  }
}
