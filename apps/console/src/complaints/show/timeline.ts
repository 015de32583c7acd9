// The case's timeline: its events, its notes and contacts and the letters issued on it,
// interleaved by when each happened.
import type { ComplaintPage } from './complaint-query';
import { authorName, noteHeading } from './case-notes';
import { DELIVERY_LABELS, letterName } from './letter-labels';

export interface TimelineEntry {
  readonly key: string;
  readonly at: string;
  readonly kind: 'event' | 'note' | 'letter';
  readonly title: string;
  readonly by: string;
  /** A note's words; nothing for an event. */
  readonly body: string | null;
}

/**
 * Oldest first. At the same instant an event comes before a note (a note made at the moment of a
 * step is about it), and each list keeps its own order.
 */
export function timelineOf(
  complaint: Pick<ComplaintPage, 'events' | 'notes'> & Partial<Pick<ComplaintPage, 'letters'>>,
): TimelineEntry[] {
  const entries: (TimelineEntry & { readonly order: number })[] = [
    ...complaint.events.map((e, index) => ({
      key: `event-${e.version}`,
      at: e.at,
      kind: 'event' as const,
      title: e.label,
      by: authorName(e.actor),
      body: null,
      order: index,
    })),
    ...(complaint.notes ?? []).map((n, index) => ({
      key: `note-${n.id}`,
      at: n.occurredAt,
      kind: 'note' as const,
      title: noteHeading(n),
      by: authorName(n.author),
      body: n.body,
      order: complaint.events.length + index,
    })),
    ...(complaint.letters ?? []).map((l, index) => ({
      key: `letter-${l.id}`,
      at: l.issuedAt,
      kind: 'letter' as const,
      title: `Letter issued: ${letterName(l.kind, l.stage)} (${DELIVERY_LABELS[l.delivery].toLowerCase()})`,
      by: l.issuedBy,
      body: null,
      order: complaint.events.length + (complaint.notes?.length ?? 0) + index,
    })),
  ];
  return entries
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}
