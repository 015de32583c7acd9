import type { LocalDate, NonWorkingDay } from '../calendar/calendar.types.js';
import { addCalendarDays, formatLocalDate } from '../calendar/local-date.js';
import type { StageNumber } from '../complaints/complaint.types.js';
import type { DeadlineKind } from './deadline.types.js';

/** The longest explanation text: a sentence a handler reads out, however long the span. */
export const MAX_EXPLANATION_LENGTH = 1000;

// Beyond these the text says how many more; the structured explanation keeps every one.
const NAMED_EXTENSIONS = 3;
const NAMED_HOLIDAYS = 12;
const REASON_LENGTH = 120;

export interface ExplanationInput {
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
  readonly workingDays: number;
  readonly from: LocalDate;
  /** How the text names `from`, ending just before its date: "acknowledgement on". */
  readonly fromPhrase: string;
  /** Said after `from`'s date when the count is not from the event itself. */
  readonly fromNote: string;
  readonly extensions: readonly { readonly workingDays: number; readonly reason: string }[];
  readonly skipped: readonly NonWorkingDay[];
}

/**
 * One readable sentence: what is due and when, the rule and the day it counts from, the
 * extensions, then what the count skipped: bank holidays and closure days by name (a moved
 * holiday with the day it moved to), weekends as a count. "Stage 1 response due Thu 7 Jan 2027,
 * 10 working days after acknowledgement on Mon 21 Dec 2026: skips Christmas Day, Boxing Day
 * (substitute day Mon 28 Dec), New Year’s Day and 2 weekends."
 */
export function explainDeadline(input: ExplanationInput): string {
  const what = input.kind === 'acknowledge' ? 'acknowledgement' : 'response';
  let text = `Stage ${input.stage} ${what} due ${formatLocalDate(input.dueOn)}`;
  if (input.provisional) text += ' (provisional)';
  text += `, ${workingDaysText(input.workingDays)} after ${input.fromPhrase} ${formatLocalDate(input.from)}${input.fromNote}`;
  if (input.extensions.length > 0) text += `, extended by ${describeExtensions(input.extensions)}`;
  if (input.skipped.length > 0) {
    // Dates within a year of the start need no year: the due and start dates carry it.
    const withYear = addCalendarDays(input.from, 365) <= input.dueOn;
    text += `: skips ${describeSkipped(input.skipped, withYear)}`;
  }
  text += '.';
  if (text.length > MAX_EXPLANATION_LENGTH) text = `${text.slice(0, MAX_EXPLANATION_LENGTH - 1)}…`;
  return text;
}

export function workingDaysText(n: number): string {
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}

/** "5 working days (awaiting the survey) and 3 working days (contractor delayed)", the first few. */
function describeExtensions(
  extensions: readonly { readonly workingDays: number; readonly reason: string }[],
): string {
  const named = extensions
    .slice(0, NAMED_EXTENSIONS)
    .map((e) => `${workingDaysText(e.workingDays)} (${shorten(e.reason, REASON_LENGTH)})`);
  const rest = extensions.slice(NAMED_EXTENSIONS);
  if (rest.length > 0) {
    const more = rest.reduce((sum, e) => sum + e.workingDays, 0);
    named.push(
      `${rest.length} more ${rest.length === 1 ? 'extension' : 'extensions'} of ${workingDaysText(more)}`,
    );
  }
  return named.join(' and ');
}

// The fixed-date bank holidays, on their own dates (MM-DD). One falling on a weekend moves to a
// later weekday, its substitute day: the text gives that day, the one a resident may not expect.
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  'New Year’s Day': '01-01',
  '2nd January': '01-02',
  'St Patrick’s Day': '03-17',
  'Battle of the Boyne (Orangemen’s Day)': '07-12',
  'St Andrew’s Day': '11-30',
  'Christmas Day': '12-25',
  'Boxing Day': '12-26',
};

/**
 * "Christmas Day, Boxing Day (substitute day Mon 28 Dec), Christmas closure (3 days) and 2
 * weekends": each bank holiday and closure by name, in order, a name met again counted with the
 * first, the first dozen names at most; then the weekends as a count.
 */
function describeSkipped(skipped: readonly NonWorkingDay[], withYear: boolean): string {
  const weekends = new Set<LocalDate>();
  const groups = new Map<string, { days: number; substitutes: string[] }>();
  let unnamed = 0;
  for (const day of skipped) {
    if (day.kind === 'weekend') {
      // A Sunday belongs to the weekend of the Saturday before it.
      weekends.add(day.title === 'Sunday' ? addCalendarDays(day.date, -1) : day.date);
      continue;
    }
    let group = groups.get(day.title);
    if (!group) {
      if (groups.size === NAMED_HOLIDAYS) {
        unnamed++;
        continue;
      }
      group = { days: 0, substitutes: [] };
      groups.set(day.title, group);
    }
    group.days++;
    const own = FIXED_HOLIDAYS[day.title];
    if (day.kind === 'bank-holiday' && own !== undefined && day.date.slice(5) !== own) {
      const date = formatLocalDate(day.date);
      group.substitutes.push(withYear ? date : date.slice(0, -5));
    }
  }
  const parts = [...groups].map(([title, { days, substitutes }]) => {
    const notes: string[] = [];
    if (days > 1) notes.push(`${days} days`);
    if (substitutes.length > 0) {
      notes.push(
        `substitute ${substitutes.length === 1 ? 'day' : 'days'} ${substitutes.join(', ')}`,
      );
    }
    return notes.length > 0 ? `${title} (${notes.join('; ')})` : title;
  });
  if (unnamed > 0) {
    parts.push(
      `${unnamed} more bank ${unnamed === 1 ? 'holiday or closure day' : 'holidays and closure days'}`,
    );
  }
  if (weekends.size > 0)
    parts.push(`${weekends.size} ${weekends.size === 1 ? 'weekend' : 'weekends'}`);
  return listOf(parts);
}

/** "a", "a and b", "a, b and c". */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
