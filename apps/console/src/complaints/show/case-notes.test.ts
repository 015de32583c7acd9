// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  RECORD_CASE_NOTE,
  caseNoteInputOf,
  instantOfUkTime,
  noteHeading,
  ukTimeOf,
  type CaseNoteFormValues,
  type CaseNoteView,
} from './case-notes';
import { timelineOf } from './timeline';

const sdl = readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8');
const now = new Date('2026-11-09T09:00:00Z');

const call: CaseNoteFormValues = {
  kind: 'CALL',
  withWhom: ' her daughter ',
  direction: 'INBOUND',
  occurredAt: '2026-11-07T09:15',
  body: '  The damp is back.  ',
};

function note(overrides: Partial<CaseNoteView>): CaseNoteView {
  return {
    id: 'n-1',
    kind: 'NOTE',
    direction: null,
    withWhom: null,
    occurredAt: '2026-11-07T09:15:00.000Z',
    body: 'Chase the surveyor.',
    author: { kind: 'USER', name: 'Sam Patel' },
    recordedAt: '2026-11-07T09:20:00.000Z',
    correctsId: null,
    ...overrides,
  };
}

describe('UK wall-clock times', () => {
  it.each([
    ['in winter, UK time is UTC', '2026-11-06T09:30', '2026-11-06T09:30:00.000Z'],
    ['in summer, UK time is an hour ahead', '2026-07-01T10:00', '2026-07-01T09:00:00.000Z'],
    ['the evening the clocks go back', '2026-10-25T18:00', '2026-10-25T18:00:00.000Z'],
    ['the morning after the clocks went forward', '2026-03-29T09:00', '2026-03-29T08:00:00.000Z'],
  ])('%s', (_name, wall, instant) => {
    expect(instantOfUkTime(wall)).toBe(instant);
    expect(ukTimeOf(new Date(instant))).toBe(wall);
  });

  it('reads nothing that is not a datetime-local value', () => {
    expect(instantOfUkTime('7 Nov 2026')).toBeNull();
  });
});

describe('the note form', () => {
  it('sends a contact trimmed, its time as an instant', () => {
    expect(caseNoteInputOf('c-1', call, now)).toEqual({
      input: {
        complaintId: 'c-1',
        kind: 'CALL',
        body: 'The damp is back.',
        occurredAt: '2026-11-07T09:15:00.000Z',
        withWhom: 'her daughter',
        direction: 'INBOUND',
      },
    });
  });

  it('sends a note without anyone or a direction, and without a time when none is given', () => {
    const values = { ...call, kind: 'NOTE', withWhom: 'ignored', occurredAt: '' };
    expect(caseNoteInputOf('c-1', values, now)).toEqual({
      input: { complaintId: 'c-1', kind: 'NOTE', body: 'The damp is back.' },
    });
  });

  it.each<[string, Partial<CaseNoteFormValues>, keyof CaseNoteFormValues, RegExp]>([
    ['an empty body', { body: '  ' }, 'body', /Say what was said in the call/],
    ['a contact with no one', { withWhom: '' }, 'withWhom', /Say who the call was with/],
    ['a contact with no direction', { direction: '' }, 'direction', /which way the call went/],
    ['a time in the future', { occurredAt: '2026-11-09T09:01' }, 'occurredAt', /in the future/],
    ['a time half typed', { occurredAt: '2026-11-09T' }, 'occurredAt', /date and time/],
  ])('refuses %s on its field, in the domain’s words', (_name, change, field, message) => {
    const result = caseNoteInputOf('c-1', { ...call, ...change }, now);
    expect('errors' in result && result.errors[field]).toMatch(message);
  });

  it('says everything missing at once', () => {
    const result = caseNoteInputOf('c-1', { ...call, withWhom: '', direction: '', body: '' }, now);
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual([
      'body',
      'direction',
      'withWhom',
    ]);
  });

  it('sends an operation the API’s schema accepts', () => {
    expect(validate(buildSchema(sdl), parse(RECORD_CASE_NOTE))).toEqual([]);
  });
});

describe('the timeline', () => {
  it('interleaves events and notes by when each happened, events first at the same instant', () => {
    const entries = timelineOf({
      events: [
        {
          version: 1,
          type: 'complaint-logged',
          label: 'Logged',
          at: '2026-11-06T09:30:00.000Z',
          actor: { kind: 'USER', name: 'Sam Patel' },
        },
        {
          version: 2,
          type: 'complaint-acknowledged',
          label: 'Acknowledged',
          at: '2026-11-09T09:00:00.000Z',
          actor: { kind: 'SYSTEM', name: null },
        },
      ],
      notes: [
        note({ id: 'n-2', occurredAt: '2026-11-09T09:00:00.000Z', body: 'Told her by phone.' }),
        note({
          id: 'n-1',
          kind: 'CALL',
          direction: 'INBOUND',
          withWhom: 'her daughter',
          occurredAt: '2026-11-07T09:15:00.000Z',
          body: 'The damp is back.',
        }),
      ],
    });
    expect(entries.map((e) => [e.title, e.by, e.body])).toEqual([
      ['Logged', 'Sam Patel', null],
      ['Call from the resident, with her daughter', 'Sam Patel', 'The damp is back.'],
      ['Acknowledged', 'Redress', null],
      ['Note', 'Sam Patel', 'Told her by phone.'],
    ]);
  });

  it('shows the events alone to a caller who may not read notes', () => {
    const entries = timelineOf({ events: [], notes: null });
    expect(entries).toEqual([]);
  });

  it('names an outbound contact', () => {
    expect(noteHeading(note({ kind: 'VISIT', direction: 'OUTBOUND', withWhom: 'Ms Okafor' }))).toBe(
      'Visit to the resident, with Ms Okafor',
    );
  });
});
