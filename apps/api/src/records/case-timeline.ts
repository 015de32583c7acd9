// A case's timeline in words: its events, its notes and contacts, and the letters issued on it,
// interleaved by when each happened (as the console's case page shows it).
import {
  CASE_NOTE_KIND_LABELS,
  CONTACT_DIRECTION_LABELS,
  EVENT_LABELS,
  type Actor,
  type CaseNote,
} from '@redress/domain';
import type { StoredEvent } from '../complaints/complaint-event.repository.js';
import type { LetterRecord } from '../letters/letter.repository.js';
import { letterName } from '@redress/domain';
import type { TimelineEntry } from './record-bundle.js';

/** What an event carries in words, by the field's name in the event, as a reader names it. */
const TEXT_FIELDS: readonly (readonly [string, string])[] = [
  ['understanding', 'Complaint as understood'],
  ['outcomeSought', 'Outcome sought'],
  ['clarification', 'Clarification'],
  ['reason', 'Reason'],
  ['exceptionalReason', 'Exceptional reason'],
  ['outcome', 'Outcome'],
  ['findings', 'Findings'],
  ['explanation', 'Explanation'],
  ['point', 'Point'],
  ['description', 'Description'],
  ['update', 'Update'],
  ['note', 'Note'],
  ['summary', 'Summary'],
  ['lesson', 'Lesson'],
  ['comment', 'Comment'],
  ['handler', 'Handler'],
  ['lateReason', 'Reason for lateness'],
];

export function actorName(actor: Actor): string {
  if (actor.name) return actor.name;
  return actor.kind === 'system' ? 'Redress' : `${actor.kind} ${actor.id}`;
}

/** The words an event was given (its reasons, findings, points ...), or null. */
export function eventDetail(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const fields = new Map<string, unknown>(Object.entries(payload));
  const lines: string[] = [];
  for (const [name, label] of TEXT_FIELDS) {
    const value = fields.get(name);
    if (typeof value === 'string' && value.trim() !== '') lines.push(`${label}: ${value.trim()}`);
  }
  const days = fields.get('workingDays');
  if (typeof days === 'number') lines.push(`Working days: ${days}`);
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * Oldest first. At the same instant an event comes before a note (a note made at the moment of
 * a step is about it), and a letter after both.
 */
export function caseTimeline(
  events: readonly StoredEvent[],
  notes: readonly CaseNote[],
  letters: readonly LetterRecord[],
): TimelineEntry[] {
  const entries: (TimelineEntry & { readonly order: number })[] = [
    ...events.map((event, index) => ({
      at: event.at,
      kind: 'event' as const,
      title: EVENT_LABELS[event.type],
      by: actorName(event.actor),
      detail: eventDetail(event.payload),
      order: index,
    })),
    ...notes.map((note, index) => ({
      at: note.occurredAt,
      kind: 'note' as const,
      title: noteTitle(note),
      by: actorName(note.author),
      detail: note.body,
      order: events.length + index,
    })),
    ...letters.map((letter, index) => ({
      at: letter.issuedAt.toISOString(),
      kind: 'letter' as const,
      title: `Letter issued: ${letterName(letter.draft.kind, letter.draft.stage)}`,
      by: letter.issuedByName,
      detail: `To ${letter.draft.recipient.name}, dated ${letter.draft.issuedOn}.`,
      order: events.length + notes.length + index,
    })),
  ];
  return entries
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}

/** "Call (inbound) with Jordan Ellis", "Note". */
export function noteTitle(note: CaseNote): string {
  let title = CASE_NOTE_KIND_LABELS[note.kind];
  if (note.direction) title += ` (${CONTACT_DIRECTION_LABELS[note.direction].toLowerCase()})`;
  if (note.withWhom) title += ` with ${note.withWhom}`;
  return title;
}
