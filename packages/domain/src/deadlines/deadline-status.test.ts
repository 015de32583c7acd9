import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar.js';
import type { LocalDate } from '../calendar/calendar.types.js';
import type { Instant } from '../complaints/complaint.types.js';
import { deadlineStatus } from './deadline-status.js';
import type { Deadline, DeadlineState } from './deadline.types.js';

const calendar = createCalendar({ division: 'england-and-wales' });

function due(
  dueOn: LocalDate,
  metAt: Instant | null = null,
  metOn: LocalDate | null = null,
): Deadline {
  return {
    stage: 1,
    kind: 'respond',
    dueOn,
    provisional: false,
    metAt,
    metOn,
    stoppedAt: null,
    extendedBy: 0,
    explanation: {
      rule: '10 working days after acknowledgement',
      from: dueOn,
      fromLabel: 'acknowledgement',
      workingDays: 10,
      extensions: [],
      skipped: [],
      text: '',
    },
  };
}

describe('deadlineStatus of a deadline due Fri 13 Nov 2026, warning 2 working days', () => {
  it.each<[string, Instant, DeadlineState, number]>([
    ['Fri 6 Nov', '2026-11-06T10:00:00Z', 'pending', 5],
    ['Sat 7 Nov', '2026-11-07T10:00:00Z', 'pending', 5],
    ['Mon 9 Nov', '2026-11-09T10:00:00Z', 'pending', 4],
    ['Tue 10 Nov', '2026-11-10T10:00:00Z', 'pending', 3],
    ['Wed 11 Nov', '2026-11-11T10:00:00Z', 'due-soon', 2],
    ['Thu 12 Nov', '2026-11-12T17:00:00Z', 'due-soon', 1],
    ['Fri 13 Nov, first thing', '2026-11-13T00:00:00Z', 'due-today', 0],
    // In November London is on GMT: 23:30 UTC is still the Friday.
    ['Fri 13 Nov, 23:30 GMT', '2026-11-13T23:30:00Z', 'due-today', 0],
    ['Sat 14 Nov, just after midnight', '2026-11-14T00:00:00Z', 'overdue', -1],
    ['Sun 15 Nov', '2026-11-15T12:00:00Z', 'overdue', -1],
    ['Mon 16 Nov', '2026-11-16T09:00:00Z', 'overdue', -1],
    ['Tue 17 Nov', '2026-11-17T09:00:00Z', 'overdue', -2],
    ['Fri 27 Nov', '2026-11-27T09:00:00Z', 'overdue', -10],
  ])('on %s: %s with %i working days left', (_day, now, state, left) => {
    expect(deadlineStatus(due('2026-11-13'), now, calendar, 2)).toEqual({
      state,
      workingDaysLeft: left,
    });
  });
});

describe('deadlineStatus at the London midnight in summer', () => {
  // Due Fri 10 Jul 2026. London is on BST (UTC+1), so 23:00 UTC starts the next day.
  it.each<[string, Instant, DeadlineState, number]>([
    ['Thu 9 Jul, 23:59:59 BST', '2026-07-09T22:59:59Z', 'due-soon', 1],
    ['Fri 10 Jul, 00:30 BST', '2026-07-09T23:30:00Z', 'due-today', 0],
    ['Fri 10 Jul, 23:30 BST', '2026-07-10T22:30:00Z', 'due-today', 0],
    ['Sat 11 Jul, 00:30 BST', '2026-07-10T23:30:00Z', 'overdue', -1],
  ])('on %s (%s): %s', (_local, now, state, left) => {
    expect(deadlineStatus(due('2026-07-10'), now, calendar, 2)).toEqual({
      state,
      workingDaysLeft: left,
    });
  });
});

describe('deadlineStatus over Christmas', () => {
  // Due Mon 4 Jan 2027; Christmas Day, Boxing Day (Mon 28 Dec) and New Year's Day do not count.
  it.each<[string, Instant, DeadlineState, number]>([
    ['Thu 24 Dec', '2026-12-24T10:00:00Z', 'pending', 4],
    ['Mon 28 Dec', '2026-12-28T10:00:00Z', 'pending', 4],
    ['Wed 30 Dec', '2026-12-30T10:00:00Z', 'due-soon', 2],
    ['Fri 1 Jan', '2027-01-01T10:00:00Z', 'due-soon', 1],
  ])('on %s: %s', (_day, now, state, left) => {
    expect(deadlineStatus(due('2027-01-04'), now, calendar, 2)).toEqual({
      state,
      workingDaysLeft: left,
    });
  });
});

describe('deadlineStatus: the warning window', () => {
  it.each<[number, DeadlineState]>([
    [0, 'pending'],
    [2, 'due-soon'],
    [5, 'due-soon'],
  ])('with %i warning days, 2 working days before: %s', (warningDays, state) => {
    const status = deadlineStatus(due('2026-11-13'), '2026-11-11T10:00:00Z', calendar, warningDays);
    expect(status).toEqual({ state, workingDaysLeft: 2 });
  });
});

describe('deadlineStatus of a deadline stopped late when the case ended', () => {
  it('is missed, with nothing left to do, before or after its due date', () => {
    const stopped: Deadline = { ...due('2026-11-13'), stoppedAt: '2026-11-17T10:00:00.000Z' };
    for (const now of ['2026-11-10T10:00:00Z', '2026-11-17T12:00:00Z', '2027-06-01T12:00:00Z']) {
      expect(deadlineStatus(stopped, now, calendar, 2)).toEqual({
        state: 'missed',
        workingDaysLeft: null,
      });
    }
  });

  it('is judged by when it was done, if it was done', () => {
    const done: Deadline = {
      ...due('2026-11-13', '2026-11-12T10:00:00Z', '2026-11-12'),
      stoppedAt: '2026-11-17T10:00:00.000Z',
    };
    expect(deadlineStatus(done, '2026-11-20T10:00:00Z', calendar, 2).state).toBe('met');
  });
});

describe('deadlineStatus of a deadline done', () => {
  it.each<[string, Instant, LocalDate, DeadlineState]>([
    ['early', '2026-11-10T10:00:00Z', '2026-11-10', 'met'],
    ['on the day', '2026-11-13T23:30:00Z', '2026-11-13', 'met'],
    ['late', '2026-11-16T09:00:00Z', '2026-11-16', 'missed'],
  ])('done %s: %s, however long ago', (_when, metAt, metOn, state) => {
    for (const now of ['2026-11-13T12:00:00Z', '2027-06-01T12:00:00Z']) {
      expect(deadlineStatus(due('2026-11-13', metAt, metOn), now, calendar, 2)).toEqual({
        state,
        workingDaysLeft: null,
      });
    }
  });

  it.each<[string, Instant, DeadlineState]>([
    ['Fri 10 Jul, 23:30 BST', '2026-07-10T22:30:00Z', 'met'],
    ['Sat 11 Jul, 00:30 BST', '2026-07-10T23:30:00Z', 'missed'],
  ])(
    'judges a step done at %s by its London date when no date was given',
    (_local, metAt, state) => {
      expect(deadlineStatus(due('2026-07-10', metAt), '2026-07-20T12:00:00Z', calendar, 2)).toEqual(
        {
          state,
          workingDaysLeft: null,
        },
      );
    },
  );
});
