// An event as stored (its personal fields replaced) and its personal part (the originals),
// and back. The join is a shallow merge: the part holds whole top-level fields.
import type { ComplaintEvent } from '../complaints/complaint-events.js';
import type { Complainant } from '../complaints/complaint.types.js';
import { PERSONAL_FIELDS, redactComplainant } from './personal-fields.js';

/** An event's personal fields as they were given: top-level fields of the event. */
export type PersonalPart = Readonly<Record<string, unknown>>;

export interface SplitEvent {
  /** The event with each personal field replaced: what is kept for ever. */
  readonly body: ComplaintEvent;
  /** The fields replaced, as given; null when the event held none. */
  readonly personal: PersonalPart | null;
}

function fieldsOf(event: ComplaintEvent): Record<string, (value: never) => unknown> {
  // A type this version does not know (a malformed row) holds nothing it can tell apart.
  return (PERSONAL_FIELDS[event.type] ?? {}) as Record<string, (value: never) => unknown>;
}

/** Splits an event into what is kept for ever and what can be erased. */
export function splitPersonal(event: ComplaintEvent): SplitEvent {
  const body: Record<string, unknown> = { ...event };
  const personal: Record<string, unknown> = {};
  for (const [field, redact] of Object.entries(fieldsOf(event))) {
    const value = body[field];
    // Nothing given is nothing personal: null and absent stay as they are.
    if (value === null || value === undefined) continue;
    personal[field] = value;
    body[field] = redact(value as never);
  }
  return {
    body: body as unknown as ComplaintEvent,
    personal: Object.keys(personal).length === 0 ? null : personal,
  };
}

/** The event as it was given, or as anonymised when its part was erased (null: none kept). */
export function joinPersonal(body: ComplaintEvent, personal: PersonalPart | null): ComplaintEvent {
  if (personal === null) return body;
  return { ...body, ...personal } as ComplaintEvent;
}

/**
 * What an anonymised event keeps in place of its personal part: for the complainant, only a
 * random key shared by the cases anonymised together (`anonymousKey`), so each resident still
 * counts once among repeat complainants and the measures are the same before and after. Null
 * when nothing is kept.
 */
export function anonymisedPart(body: ComplaintEvent, anonymousKey: string): PersonalPart | null {
  // Only the complainant the case is about is the resident whose repeat complaints count.
  if (body.type !== 'complaint-logged') return null;
  const complainant: Complainant = { ...redactComplainant(body.complainant), anonymousKey };
  return { complainant };
}
