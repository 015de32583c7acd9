import type { Instant } from '../complaints/complaint.types.js';
import { isSupportedInstant, unsupportedDateMessage } from '../calendar/supported-dates.js';
import type { Result } from '../shared/result.js';
import { err, ok } from '../shared/result.js';
import type {
  CaseNote,
  CaseNoteContext,
  CaseNoteKind,
  CaseNoteRefusal,
  ContactDirection,
  RecordCaseNoteInput,
} from './case-note.types.js';

/** The longest body a note may have, once trimmed. */
export const MAX_CASE_NOTE_LENGTH = 10_000;
/** The longest "with whom" a contact may have, once trimmed. */
export const MAX_WITH_WHOM_LENGTH = 200;

// Records, not lists, so that a new kind or direction in the types fails to compile here.
const KINDS: Record<CaseNoteKind, { readonly contact: boolean; readonly name: string }> = {
  note: { contact: false, name: 'note' },
  call: { contact: true, name: 'call' },
  visit: { contact: true, name: 'visit' },
  email: { contact: true, name: 'email' },
  letter: { contact: true, name: 'letter' },
};
const DIRECTIONS: Record<ContactDirection, true> = { inbound: true, outbound: true };

export const CASE_NOTE_KINDS = Object.keys(KINDS) as readonly CaseNoteKind[];
export const CONTACT_DIRECTIONS = Object.keys(DIRECTIONS) as readonly ContactDirection[];

/** Whether a kind records a contact with someone (and so needs who and which way). */
export function isContact(kind: CaseNoteKind): boolean {
  return KINDS[kind].contact;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Records an internal note or a contact with the resident, or says what to correct first. A
 * contact says who it was with and which way it went; a note is about the case, with no one.
 */
export function recordCaseNote(
  input: RecordCaseNoteInput,
  context: CaseNoteContext,
): Result<CaseNote, CaseNoteRefusal> {
  if (!isFilled(input.id)) return invalid('id', 'Give the note an id.');
  if (!isFilled(input.complaintId)) return invalid('complaintId', 'Name the complaint.');
  if (!Object.hasOwn(KINDS, input.kind)) {
    return invalid(
      'kind',
      `Unknown kind "${String(input.kind)}"; choose ${CASE_NOTE_KINDS.join(', ')}.`,
    );
  }
  const { name, contact } = KINDS[input.kind];
  const body = typeof input.body === 'string' ? input.body.trim() : '';
  if (body === '') {
    return invalid('body', contact ? `Say what was said in the ${name}.` : 'Write the note.');
  }
  if (body.length > MAX_CASE_NOTE_LENGTH) {
    return invalid(
      'body',
      `The ${name} is ${body.length} characters long; keep it to ${MAX_CASE_NOTE_LENGTH}.`,
    );
  }
  const occurredAt = input.occurredAt ?? context.now;
  const occurred = instantTime(occurredAt);
  if (occurred === null) {
    return invalid(
      'occurredAt',
      `"${String(occurredAt)}" is not a date and time; write it like 2026-11-06T09:30:00Z.`,
    );
  }
  if (!isSupportedInstant(occurredAt)) {
    return invalid('occurredAt', unsupportedDateMessage('When it happened,', occurredAt));
  }
  const now = instantTime(context.now);
  if (now !== null && occurred > now) {
    return err({
      code: 'CASE_NOTE_IN_FUTURE',
      message: `When it happened, ${occurredAt}, is in the future; check the date and time.`,
      field: 'occurredAt',
    });
  }
  const withWhom = typeof input.withWhom === 'string' ? input.withWhom.trim() : '';
  const direction = input.direction ?? null;
  if (contact) {
    if (withWhom === '') {
      return invalid(
        'withWhom',
        `Say who the ${name} was with, e.g. "Ms Okafor (resident)" or "her daughter".`,
      );
    }
    if (withWhom.length > MAX_WITH_WHOM_LENGTH) {
      return invalid('withWhom', `Keep who it was with to ${MAX_WITH_WHOM_LENGTH} characters.`);
    }
    if (direction === null) {
      return invalid(
        'direction',
        `Say which way the ${name} went: from the resident's side (INBOUND) or to them (OUTBOUND).`,
      );
    }
    if (!Object.hasOwn(DIRECTIONS, direction)) {
      return invalid(
        'direction',
        `Unknown direction "${String(direction)}"; choose inbound or outbound.`,
      );
    }
  } else {
    if (withWhom !== '') {
      return invalid(
        'withWhom',
        'A note is not a contact: log a call, visit, email or letter to say who it was with.',
      );
    }
    if (direction !== null) {
      return invalid('direction', 'A note is not a contact: it has no direction.');
    }
  }
  const correctsId = input.correctsId ?? null;
  if (correctsId !== null) {
    const corrected = context.corrected ?? null;
    if (
      corrected === null ||
      corrected.id !== correctsId ||
      corrected.complaintId !== input.complaintId
    ) {
      return invalid('correctsId', `There is no note "${correctsId}" on this case to correct.`);
    }
  }
  return ok({
    id: input.id,
    complaintId: input.complaintId,
    kind: input.kind,
    direction: contact ? direction : null,
    withWhom: contact ? withWhom : null,
    occurredAt,
    body,
    author: context.author,
    recordedAt: context.now,
    correctsId,
  });
}

function invalid(field: string, message: string): Result<never, CaseNoteRefusal> {
  return err({ code: 'INVALID_CASE_NOTE', message, field });
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Milliseconds since the epoch for an ISO 8601 instant with an offset, or null. */
function instantTime(value: Instant): number | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
