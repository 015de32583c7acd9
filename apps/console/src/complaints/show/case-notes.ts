// A case's internal notes and contact log as the page reads and records them: the view, the
// mutation, the words (the domain's labels) and the form's checks (the domain's own rule).
import {
  CASE_NOTE_KIND_LABELS,
  CONTACT_DIRECTION_LABELS,
  recordCaseNote,
  type CaseNoteKind,
  type ContactDirection,
  type RecordCaseNoteInput,
} from '@redress/domain';
import { UK_TIME_ZONE } from '../../shared/format';
import { domainNameOf, enumNameOf } from '../steps/choices';
import type { Choice } from '../steps/step-form.types';

export interface CaseNoteView {
  readonly id: string;
  /** The API's enum value: NOTE, CALL, VISIT, EMAIL, LETTER. */
  readonly kind: string;
  /** INBOUND or OUTBOUND; null for a note. */
  readonly direction: string | null;
  readonly withWhom: string | null;
  readonly occurredAt: string;
  readonly body: string;
  readonly author: { readonly kind: string; readonly name: string | null };
  readonly recordedAt: string;
  readonly correctsId: string | null;
}

export const RECORD_CASE_NOTE = /* GraphQL */ `
  mutation RecordCaseNote($input: RecordCaseNoteInput!) {
    recordCaseNote(input: $input) {
      id
    }
  }
`;

export function noteKindLabel(apiKind: string): string {
  return CASE_NOTE_KIND_LABELS[domainNameOf(apiKind) as CaseNoteKind] ?? apiKind;
}

export function directionLabel(apiDirection: string | null): string {
  if (apiDirection === null) return '';
  return CONTACT_DIRECTION_LABELS[domainNameOf(apiDirection) as ContactDirection] ?? apiDirection;
}

/** Who recorded it, as the timeline names actors. */
export function authorName(author: CaseNoteView['author']): string {
  // The API answers its ActorKind enum (SYSTEM, USER, API_KEY).
  return (
    author.name ?? (author.kind.toUpperCase() === 'SYSTEM' ? 'Redress' : author.kind.toLowerCase())
  );
}

/** What a note says in one line: "Call from the resident, with her daughter". */
export function noteHeading(note: CaseNoteView): string {
  const kind = noteKindLabel(note.kind);
  if (note.direction === null) return kind;
  const direction = directionLabel(note.direction).toLowerCase();
  return `${kind} ${direction}${note.withWhom ? `, with ${note.withWhom}` : ''}`;
}

export const CONTACT_KINDS: readonly Choice[] = (
  Object.keys(CASE_NOTE_KIND_LABELS) as CaseNoteKind[]
)
  .filter((kind) => kind !== 'note')
  .map((kind) => ({ id: enumNameOf(kind), name: CASE_NOTE_KIND_LABELS[kind] }));

export const DIRECTIONS: readonly Choice[] = (
  Object.keys(CONTACT_DIRECTION_LABELS) as ContactDirection[]
).map((direction) => ({ id: enumNameOf(direction), name: CONTACT_DIRECTION_LABELS[direction] }));

/** What the form holds: the API's enum values, and the time as the UK's wall clock shows it. */
export interface CaseNoteFormValues {
  readonly kind: string;
  readonly withWhom: string;
  readonly direction: string;
  /** YYYY-MM-DDTHH:mm in UK time, as a datetime-local input gives it. */
  readonly occurredAt: string;
  readonly body: string;
}

export type CaseNoteFormErrors = Partial<Record<keyof CaseNoteFormValues, string>>;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far UK time is ahead of UTC at an instant, in milliseconds. */
function londonOffsetMs(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: UK_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A UK wall-clock time (YYYY-MM-DDTHH:mm) as an instant, whatever the browser's own zone. */
export function instantOfUkTime(wallTime: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // The offset at the instant itself, found in two steps so that a time near a clock change
  // takes the offset in force then.
  const instant = wall - londonOffsetMs(wall - londonOffsetMs(wall));
  return new Date(instant).toISOString();
}

/** An instant as the UK's wall clock shows it, to the minute (a datetime-local value). */
export function ukTimeOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + londonOffsetMs(instant.getTime()));
  return shifted.toISOString().slice(0, 16);
}

/**
 * What the form sends, or what to correct first: the domain's own rule (body, who, which way,
 * not in the future), so the form says what the API would.
 */
export function caseNoteInputOf(
  complaintId: string,
  values: CaseNoteFormValues,
  now: Date,
): { readonly input: Record<string, unknown> } | { readonly errors: CaseNoteFormErrors } {
  const errors: Record<string, string> = {};
  let occurredAt = values.occurredAt === '' ? null : instantOfUkTime(values.occurredAt);
  if (values.occurredAt !== '' && occurredAt === null) {
    errors.occurredAt = 'Give the date and time it happened.';
  }
  const kind = domainNameOf(values.kind) as CaseNoteKind;
  const contact = kind !== 'note';
  let request: RecordCaseNoteInput = {
    id: 'new',
    complaintId,
    kind,
    body: values.body,
    occurredAt,
    withWhom: contact ? values.withWhom : null,
    direction:
      contact && values.direction ? (domainNameOf(values.direction) as ContactDirection) : null,
    correctsId: null,
  };
  // The domain names the first thing wrong; each found is set aside (a value it accepts put in
  // its place) and the rest checked again, so that the form shows every message at once.
  for (let round = 0; round < FIELDS_CHECKED; round += 1) {
    const checked = recordCaseNote(request, {
      now: now.toISOString(),
      author: { kind: 'user', id: 'me' },
    });
    if (checked.ok) {
      if (Object.keys(errors).length > 0) break;
      return {
        input: {
          complaintId,
          kind: values.kind,
          body: checked.value.body,
          ...(occurredAt !== null ? { occurredAt } : {}),
          ...(contact ? { withWhom: checked.value.withWhom, direction: values.direction } : {}),
        },
      };
    }
    const { field, message } = checked.error;
    errors[field] ??= message;
    const standIn = STAND_INS[field];
    if (!standIn) break;
    request = { ...request, ...standIn };
    if (field === 'occurredAt') occurredAt = null;
  }
  return { errors };
}

// Values the domain accepts, to look past a field already found wrong.
const STAND_INS: Readonly<Record<string, Partial<RecordCaseNoteInput>>> = {
  body: { body: 'x' },
  withWhom: { withWhom: 'x' },
  direction: { direction: 'inbound' },
  occurredAt: { occurredAt: null },
};
const FIELDS_CHECKED = Object.keys(STAND_INS).length + 1;
