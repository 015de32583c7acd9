import { Repeater } from '@repeaterjs/repeater';
import { scopeAdmits, type ComplaintPlacement, type ComplaintScope } from '@redress/domain';
import type { DeadlineAlertPayload, PgPubSub } from '../database/pg-pubsub.js';
import { BatchedFeed } from '../subscriptions/batched-feed.js';

/** An alert and where its case sits when the alert is read. */
export interface PlacedDeadlineAlert {
  readonly alert: DeadlineAlertPayload;
  readonly placement: ComplaintPlacement;
}

export interface DeadlineAlertFeedOptions {
  readonly maxBehind?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Deadline alerts for this process's subscribers, scoped as the complaint events are: the
 * watcher raises alerts in bursts, so the placements of the cases a burst names are read in one
 * statement for every subscriber, and each alert goes to those whose scope admits its case.
 */
export class DeadlineAlertFeed {
  private readonly feed: BatchedFeed<DeadlineAlertPayload, PlacedDeadlineAlert>;

  constructor(
    pubsub: PgPubSub,
    readPlacements: (ids: readonly string[]) => Promise<Map<string, ComplaintPlacement>>,
    options: DeadlineAlertFeedOptions = {},
  ) {
    const log = options.log ?? (() => undefined);
    this.feed = new BatchedFeed(
      {
        onAnnounced: (callback) => pubsub.onPayload('DEADLINE_ALERT', callback),
        onGap: (callback) => pubsub.onGap(callback),
      },
      async (batch) => {
        const placements = await readPlacements(batch.map((alert) => alert.complaintId));
        const placed: PlacedDeadlineAlert[] = [];
        for (const alert of batch) {
          const placement = placements.get(alert.complaintId);
          if (placement) placed.push({ alert, placement });
          else log(`A deadline alert names complaint ${alert.complaintId}, which is not stored`);
        }
        return placed;
      },
      {
        what: 'deadline alerts',
        log,
        ...(options.maxBehind !== undefined ? { maxBehind: options.maxBehind } : {}),
      },
    );
  }

  /** Every alert raised from now on about a case the scope admits. */
  subscribe(scope: ComplaintScope): AsyncIterableIterator<PlacedDeadlineAlert> {
    if (scope.kind === 'none') {
      return new Repeater<PlacedDeadlineAlert>(async (_push, stop) => {
        await stop;
      });
    }
    return this.feed.subscribe((placed) => scopeAdmits(scope, placed.placement));
  }
}
