import { describe, expect, it } from 'vitest';
import type { Actor } from '../complaints/complaint.types.js';
import { MAX_CASE_NOTE_LENGTH, recordCaseNote } from './case-note.js';
import type { CaseNote, RecordCaseNoteInput } from './case-note.types.js';

const now = '2026-11-06T15:00:00Z';
const author: Actor = { kind: 'user', id: 'u-1', name: 'Sam Patel' };
const context = { now, author };

const call: RecordCaseNoteInput = {
  id: 'n-1',
  complaintId: 'c-1',
  kind: 'call',
  body: '  Ms Okafor says the damp is back in the bedroom.  ',
  occurredAt: '2026-11-06T09:30:00Z',
  withWhom: ' Ms Okafor (resident) ',
  direction: 'inbound',
};

function recorded(input: RecordCaseNoteInput): CaseNote {
  const result = recordCaseNote(input, context);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('recordCaseNote', () => {
  it('records a contact trimmed, with its author and when it was recorded', () => {
    expect(recordCaseNote(call, context)).toEqual({
      ok: true,
      value: {
        id: 'n-1',
        complaintId: 'c-1',
        kind: 'call',
        direction: 'inbound',
        withWhom: 'Ms Okafor (resident)',
        occurredAt: '2026-11-06T09:30:00Z',
        body: 'Ms Okafor says the damp is back in the bedroom.',
        author,
        recordedAt: now,
        correctsId: null,
      },
    });
  });

  it.each(['call', 'visit', 'email', 'letter'] as const)('records a %s', (kind) => {
    expect(recorded({ ...call, kind }).kind).toBe(kind);
  });

  it('records an internal note with no one and no direction, happening now by default', () => {
    const note = recorded({ id: 'n-2', complaintId: 'c-1', kind: 'note', body: 'Chase surveyor.' });
    expect(note).toMatchObject({ withWhom: null, direction: null, occurredAt: now });
  });

  it('accepts a body of exactly the longest length, and something that happened just now', () => {
    const body = 'x'.repeat(MAX_CASE_NOTE_LENGTH);
    expect(recorded({ ...call, body, occurredAt: '2026-11-06T15:00:00+00:00' }).body).toBe(body);
  });

  it('records a correction of a note on the same case', () => {
    const first = recorded(call);
    const result = recordCaseNote(
      { ...call, id: 'n-3', body: 'It was her son who called.', correctsId: 'n-1' },
      { ...context, corrected: first },
    );
    expect(result.ok && result.value.correctsId).toBe('n-1');
  });

  it.each<[string, Partial<RecordCaseNoteInput>, string, string]>([
    ['an empty body', { body: '   ' }, 'INVALID_CASE_NOTE', 'body'],
    [
      'a body too long',
      { body: 'x'.repeat(MAX_CASE_NOTE_LENGTH + 1) },
      'INVALID_CASE_NOTE',
      'body',
    ],
    ['an unknown kind', { kind: 'fax' as never }, 'INVALID_CASE_NOTE', 'kind'],
    ['a contact with no one', { withWhom: '  ' }, 'INVALID_CASE_NOTE', 'withWhom'],
    ['a contact with no direction', { direction: null }, 'INVALID_CASE_NOTE', 'direction'],
    ['an unknown direction', { direction: 'sideways' as never }, 'INVALID_CASE_NOTE', 'direction'],
    ['a note with a direction', { kind: 'note', withWhom: null }, 'INVALID_CASE_NOTE', 'direction'],
    ['a note with someone', { kind: 'note', direction: null }, 'INVALID_CASE_NOTE', 'withWhom'],
    [
      'a date with no offset',
      { occurredAt: '2026-11-06T09:30:00' },
      'INVALID_CASE_NOTE',
      'occurredAt',
    ],
    [
      'a year out of range',
      { occurredAt: '1066-10-14T09:30:00Z' },
      'INVALID_CASE_NOTE',
      'occurredAt',
    ],
    [
      'a future contact',
      { occurredAt: '2026-11-06T15:00:01Z' },
      'CASE_NOTE_IN_FUTURE',
      'occurredAt',
    ],
    // 16:30 in Paris is 15:30 UTC: after now, however it is written.
    [
      'a future contact in another offset',
      { occurredAt: '2026-11-06T16:30:00+01:00' },
      'CASE_NOTE_IN_FUTURE',
      'occurredAt',
    ],
    ['a correction of no note', { correctsId: 'n-9' }, 'INVALID_CASE_NOTE', 'correctsId'],
  ])('refuses %s', (_name, changes, code, field) => {
    const result = recordCaseNote({ ...call, ...changes }, context);
    expect(result.ok ? null : [result.error.code, result.error.field]).toEqual([code, field]);
  });

  it('refuses to correct a note of another case', () => {
    const other = recorded({ ...call, complaintId: 'c-2' });
    const result = recordCaseNote(
      { ...call, id: 'n-3', correctsId: other.id },
      { ...context, corrected: other },
    );
    expect(result.ok ? null : result.error.field).toBe('correctsId');
  });

  it('says what is missing in words', () => {
    const result = recordCaseNote({ ...call, kind: 'visit', withWhom: null }, context);
    expect(result.ok ? null : result.error.message).toBe(
      'Say who the visit was with, e.g. "Ms Okafor (resident)" or "her daughter".',
    );
  });
});
