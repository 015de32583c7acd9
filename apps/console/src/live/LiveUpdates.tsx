import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNotify, usePermissions } from 'react-admin';
import { liveClient } from './live-client';
import {
  alertMessage,
  COMPLAINT_EVENTS,
  DEADLINE_ALERTS,
  invalidateAllComplaints,
  invalidateForEvents,
  type ComplaintEventMessage,
  type DeadlineAlertMessage,
} from './live-events';

/** Events are gathered this long before the queries they touch are read again. */
const BATCH_MS = 250;

/**
 * Live updates, through the API's subscriptions (no polling): complaint events refresh what is
 * on screen; deadline alerts become notifications. Renders nothing.
 */
export const LiveUpdates = () => {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { permissions } = usePermissions();
  const allowed = Array.isArray(permissions) && permissions.includes('events:subscribe');

  useEffect(() => {
    if (!allowed) return undefined;
    const client = liveClient();
    let pending: ComplaintEventMessage[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const flush = () => {
      timer = undefined;
      const events = pending;
      pending = [];
      void invalidateForEvents(queryClient, events);
    };
    const stops: (() => void)[] = [];
    const subscribe = <T,>(query: string, onData: (data: T) => void) => {
      const run = () => {
        if (stopped) return;
        const stop = client.subscribe<T>(
          { query },
          {
            next: (result) => {
              if (result.data) onData(result.data);
            },
            // Ended by the server (SUBSCRIPTION_INTERRUPTED) or the socket lost: catch up with a
            // read, then listen again.
            error: () => {
              void invalidateAllComplaints(queryClient);
              setTimeout(run, 2_000);
            },
            complete: () => {
              if (!stopped) setTimeout(run, 1_000);
            },
          },
        );
        stops.push(stop);
      };
      run();
    };
    subscribe<{ complaintEvents: ComplaintEventMessage }>(COMPLAINT_EVENTS, (data) => {
      pending.push(data.complaintEvents);
      timer ??= setTimeout(flush, BATCH_MS);
    });
    subscribe<{ deadlineAlerts: DeadlineAlertMessage }>(DEADLINE_ALERTS, (data) => {
      const alert = data.deadlineAlerts;
      notify(alertMessage(alert), {
        type: alert.alert === 'OVERDUE' ? 'error' : 'warning',
        autoHideDuration: 10_000,
      });
    });
    let connections = 0;
    // A reconnection may have missed events: read what is on screen again.
    const reconnected = client.on('connected', () => {
      connections += 1;
      if (connections > 1) void invalidateAllComplaints(queryClient);
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const stop of stops) stop();
      reconnected();
    };
  }, [allowed, notify, queryClient]);

  return null;
};
