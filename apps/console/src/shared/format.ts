/**
 * How the console writes dates and times: dates as "Fri 13 Nov 2026", times in UK time
 * (Europe/London, whatever the browser's own zone), and deadlines in working days.
 */

export const UK_TIME_ZONE = 'Europe/London';

const dateInLondon = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

// A calendar date (YYYY-MM-DD) names a day, not an instant: it is written as it is, in UTC, so
// no time zone can move it to the day before.
const calendarDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const timeInLondon = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Intl's en-GB parts joined as "Fri 13 Nov 2026" (en-GB puts a comma after the weekday). */
function writeDate(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

function toDate(value: string | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A calendar date, "2026-11-13" → "Fri 13 Nov 2026". An instant is written as its UK day. */
export function formatLocalDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const match = LOCAL_DATE.exec(value);
    if (match) {
      const [, year, month, day] = match;
      return writeDate(
        calendarDate,
        new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))),
      );
    }
  }
  const date = toDate(value);
  return date ? writeDate(dateInLondon, date) : String(value);
}

/** An instant's time of day in the UK, "14:05". */
export function formatTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  return date ? timeInLondon.format(date) : String(value);
}

/** An instant in the UK, "Fri 13 Nov 2026, 14:05". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  return date ? `${writeDate(dateInLondon, date)}, ${timeInLondon.format(date)}` : String(value);
}

/** Today's calendar date in the UK, as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: UK_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * A deadline's distance in working days, as a case handler says it: "3 working days left",
 * "1 working day left", "Due today", "1 working day overdue". Negative means overdue.
 */
export function workingDaysWording(workingDaysLeft: number): string {
  if (!Number.isFinite(workingDaysLeft)) return '';
  if (workingDaysLeft === 0) return 'Due today';
  const days = Math.abs(Math.trunc(workingDaysLeft));
  const unit = days === 1 ? 'working day' : 'working days';
  return workingDaysLeft > 0 ? `${days} ${unit} left` : `${days} ${unit} overdue`;
}

/**
 * A category as a person reads it: landlords' categories are ids such as "damp-and-mould", shown
 * as "Damp and mould".
 */
export function categoryLabel(category: string | null | undefined): string {
  if (!category) return '—';
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
