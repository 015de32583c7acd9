// How the measures pages write figures: the API answers them unrounded; the page rounds only
// for reading (one decimal place, as the Regulator publishes TSMs), and says "—" for none.
import {
  DETERMINATION_FINDING_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
  TENURE_LABELS,
} from '@redress/domain';
import { labelOf } from '../complaints/steps/choices';

const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export const NONE = '—';

/** 92.6829… → "92.7%"; null (nothing to divide by) → "—". */
export function formatPercentage(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : `${oneDecimal.format(value)}%`;
}

/** Complaints per 1,000 homes, 3.3064… → "3.31". */
export function formatPerThousand(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : twoDecimals.format(value);
}

/** A count, 12400 → "12,400". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : whole.format(value);
}

/** A mean to one decimal place, 7.14… → "7.1". */
export function formatAverage(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : oneDecimal.format(value);
}

/** Pence as pounds, 123450 → "£1,234.50". */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** "38 of 41". */
export function ofText(numerator: number, denominator: number): string {
  return `${formatCount(numerator)} of ${formatCount(denominator)}`;
}

export const tenureLabel = (value: string | null | undefined) =>
  value ? labelOf(TENURE_LABELS, value) : 'All tenures';
export const outcomeLabel = (value: string | null | undefined) =>
  value ? labelOf(OUTCOME_LABELS, value) : NONE;
export const refusalReasonLabel = (value: string) => labelOf(REFUSAL_REASON_LABELS, value);
export const findingLabel = (value: string) => labelOf(DETERMINATION_FINDING_LABELS, value);
