import type { LocalDate } from '@redress/domain';

// How the report writes numbers, money and dates: fixed British English, whatever the host's
// locale, so the same report reads the same on every server.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const ONE_PLACE = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const POUNDS = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
});

/** The year as the Regulator names it: 2026 is "2026–27". */
export function yearLabel(year: number): string {
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

/** `2027-03-31` as "31 March 2027". */
export function longDate(date: LocalDate): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  return `${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

export function count(n: number): string {
  return WHOLE.format(n);
}

/** A figure to one decimal place, as the TSM are published. */
export function decimal(n: number): string {
  return ONE_PLACE.format(n);
}

export function percent(n: number): string {
  return `${ONE_PLACE.format(n)}%`;
}

export function pounds(pence: number): string {
  return POUNDS.format(pence / 100);
}

/** "1 complaint", "2 complaints". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A category id such as "damp-and-mould" as "Damp and mould". */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
