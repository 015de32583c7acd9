import type { QueryClient } from '@tanstack/react-query';
import { formatLocalDate } from '../shared/format';

export interface ComplaintEventMessage {
  complaintId: string;
  type: string;
  label: string;
  version: number;
  at: string;
}

export interface DeadlineAlertMessage {
  complaintId: string;
  reference: string;
  alert: string;
  alertLabel: string;
  kind: string;
  stage: number;
  dueOn: string;
}

export const COMPLAINT_EVENTS = /* GraphQL */ `
  subscription LiveComplaintEvents {
    complaintEvents {
      complaintId
      type
      label
      version
      at
      actor {
        kind
        name
      }
    }
  }
`;

export const DEADLINE_ALERTS = /* GraphQL */ `
  subscription LiveDeadlineAlerts {
    deadlineAlerts {
      complaintId
      reference
      alert
      alertLabel
      kind
      stage
      dueOn
    }
  }
`;

/** Query keys react-admin (and My work) hold for complaints: every one starts with the resource. */
const isComplaintQuery = (key: readonly unknown[]) => key[0] === 'complaints';

/**
 * A complaint changed elsewhere: its own page is read again, and every complaints list (and My
 * work) that may show it. Only the queries on screen refetch; the rest go stale.
 */
export function invalidateForEvents(
  queryClient: QueryClient,
  events: readonly ComplaintEventMessage[],
) {
  if (events.length === 0) return Promise.resolve();
  const ids = new Set(events.map((event) => event.complaintId));
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const key = query.queryKey;
      if (!isComplaintQuery(key)) return false;
      if (key[1] === 'getOne') {
        const id = (key[2] as { id?: unknown } | undefined)?.id;
        return id !== undefined && ids.has(String(id));
      }
      return true;
    },
  });
}

/** After the socket was cut (or the server ended the subscription), read everything again. */
export function invalidateAllComplaints(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => isComplaintQuery(query.queryKey) });
}

const WHAT: Readonly<Record<string, string>> = { ACKNOWLEDGE: 'Acknowledge', RESPOND: 'Respond' };

/** A deadline alert as the notification says it. */
export function alertMessage(alert: DeadlineAlertMessage): string {
  const what = WHAT[alert.kind] ?? alert.kind;
  return `${alert.reference}: ${alert.alertLabel}. ${what} at stage ${alert.stage}, due ${formatLocalDate(alert.dueOn)}.`;
}
