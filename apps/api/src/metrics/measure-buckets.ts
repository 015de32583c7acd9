import { TENURE_LABELS, TENURES, type Tenure } from '@redress/domain';
import type { MeasureDimension } from './measure-names.type.js';
import type { MeasuresFilter } from './measures-filter.js';

// The values a breakdown lists and their labels: every month of the year and every tenure, so a
// month without cases shows as 0 rather than missing; categories and teams as found.

/** Every month of the year and every tenure appear, with none as 0; other keys as found. */
export function bucketKeys(
  dimension: MeasureDimension,
  year: number,
  filter: MeasuresFilter,
  found: readonly string[],
): readonly string[] {
  if (dimension === 'month') return monthsOf(year);
  if (dimension === 'tenure') return filter.tenure !== undefined ? [filter.tenure] : TENURES;
  return found;
}

/** YYYY-MM of April to March. */
function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    const y = index < 9 ? year : year + 1;
    return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  });
}

export function labelOf(dimension: MeasureDimension, key: string, name: string | null): string {
  switch (dimension) {
    case 'month': {
      const [y, m] = key.split('-').map(Number);
      return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, 1)).toLocaleString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    }
    case 'tenure':
      return TENURE_LABELS[key as Tenure] ?? key;
    case 'team':
      return key === 'none' ? 'No team' : (name ?? key);
    case 'category':
      return key;
  }
}
