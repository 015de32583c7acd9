import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar.js';
import type { Division, LocalDate } from '../calendar/calendar.types.js';
import { explainDeadline } from './explain-deadline.js';

/** The sentence for a count of working days after `from`, on the division's calendar. */
function explain(
  from: LocalDate,
  workingDays: number,
  options: {
    readonly division?: Division;
    readonly kind?: 'acknowledge' | 'respond';
    readonly stage?: 1 | 2;
    readonly closures?: readonly { date: LocalDate; title: string }[];
  } = {},
): string {
  const calendar = createCalendar({
    division: options.division ?? 'england-and-wales',
    closures: options.closures ?? [],
  });
  const dueOn = calendar.addWorkingDays(from, workingDays);
  const kind = options.kind ?? 'respond';
  return explainDeadline({
    stage: options.stage ?? 1,
    kind,
    dueOn,
    provisional: false,
    workingDays,
    from,
    fromPhrase: kind === 'respond' ? 'acknowledgement on' : 'receipt on',
    fromNote: '',
    extensions: [],
    skipped: calendar.nonWorkingDaysBetween(from, dueOn),
  });
}

describe('explainDeadline', () => {
  it.each([
    [
      'Christmas 2026: Boxing Day falls on a Saturday, so its substitute is named with its day',
      explain('2026-12-21', 10),
      'Stage 1 response due Thu 7 Jan 2027, 10 working days after acknowledgement on ' +
        'Mon 21 Dec 2026: skips Christmas Day, Boxing Day (substitute day Mon 28 Dec), ' +
        'New Year’s Day and 2 weekends.',
    ],
    [
      'Christmas 2027: both days fall at a weekend and move to Mon 27 and Tue 28 Dec',
      explain('2027-12-20', 10),
      'Stage 1 response due Thu 6 Jan 2028, 10 working days after acknowledgement on ' +
        'Mon 20 Dec 2027: skips Christmas Day (substitute day Mon 27 Dec), Boxing Day ' +
        '(substitute day Tue 28 Dec), New Year’s Day (substitute day Mon 3 Jan) and 2 weekends.',
    ],
    [
      'a week with no weekend or holiday in it says nothing is skipped',
      explain('2026-11-09', 4, { kind: 'acknowledge' }),
      'Stage 1 acknowledgement due Fri 13 Nov 2026, 4 working days after receipt on ' +
        'Mon 9 Nov 2026.',
    ],
    [
      'one weekend, in the singular',
      explain('2026-11-06', 5, { kind: 'acknowledge' }),
      'Stage 1 acknowledgement due Fri 13 Nov 2026, 5 working days after receipt on ' +
        'Fri 6 Nov 2026: skips 1 weekend.',
    ],
    [
      'a Sunday alone, just after the start, is a weekend',
      explain('2026-11-07', 1, { kind: 'acknowledge', stage: 2 }),
      'Stage 2 acknowledgement due Mon 9 Nov 2026, 1 working day after receipt on ' +
        'Sat 7 Nov 2026: skips 1 weekend.',
    ],
    [
      'Scotland’s St Andrew’s Day on a Monday is not a substitute',
      explain('2026-11-27', 1, { division: 'scotland', kind: 'acknowledge' }),
      'Stage 1 acknowledgement due Tue 1 Dec 2026, 1 working day after receipt on ' +
        'Fri 27 Nov 2026: skips St Andrew’s Day and 1 weekend.',
    ],
    [
      'closure days by their name, counted',
      explain('2026-12-21', 10, {
        closures: [
          { date: '2026-12-24', title: 'Christmas closure' },
          { date: '2026-12-29', title: 'Christmas closure' },
        ],
      }),
      'Stage 1 response due Mon 11 Jan 2027, 10 working days after acknowledgement on ' +
        'Mon 21 Dec 2026: skips Christmas closure (2 days), Christmas Day, Boxing Day ' +
        '(substitute day Mon 28 Dec), New Year’s Day and 3 weekends.',
    ],
  ])('%s', (_what, text, expected) => {
    expect(text).toBe(expected);
  });

  it('is one sentence: one full stop, at the end', () => {
    const text = explain('2026-12-21', 40);
    expect(text.endsWith('.')).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/\.(\s|$)/);
    expect(text).not.toContain(';');
  });
});
