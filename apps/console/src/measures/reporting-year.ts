// How the console names and offers reporting years; which year a date falls in is the domain's
// rule (reportingYearOfInstant), so the console never counts months itself.
import { reportingYearOfInstant, reportingYearRange } from '@redress/domain';
import { formatLocalDate } from '../shared/format';

/** The first reporting year the picker offers: the Tenant Satisfaction Measures began in 2023. */
export const FIRST_REPORTING_YEAR = 2023;

/** A reporting year as the Regulator writes it: 2026 → "2026-27". */
export function reportingYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** "1 April 2026 to 31 March 2027", from the domain's range, in the console's date style. */
export function reportingYearSpan(year: number): string {
  const { from, to } = reportingYearRange(year);
  return `${formatLocalDate(from)} to ${formatLocalDate(to)}`;
}

/** The reporting year today falls in, by the London date. */
export function currentReportingYear(now: Date = new Date()): number {
  return reportingYearOfInstant(now.toISOString());
}

/** The years the picker offers, newest first: the current one back to the first. */
export function reportingYears(current: number): number[] {
  const years: number[] = [];
  for (let year = current; year >= FIRST_REPORTING_YEAR; year -= 1) years.push(year);
  return years;
}
