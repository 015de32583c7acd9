// The year and tenure the measures pages show, kept in the address (#/measures?year=2026&tenure=
// LCRA) so a figure's drill-down, the back button and a shared link all keep them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { currentReportingYear, FIRST_REPORTING_YEAR } from './reporting-year';
import type { TenureFilter } from './measures.types';

export interface MeasuresParams {
  year: number;
  tenure: TenureFilter;
}

export function parseYear(value: string | null, fallback: number): number {
  if (value === null || !/^\d{4}$/.test(value)) return fallback;
  const year = Number(value);
  return year >= FIRST_REPORTING_YEAR && year <= fallback + 1 ? year : fallback;
}

export function parseTenure(value: string | null): TenureFilter {
  return value === 'LCRA' || value === 'LCHO' ? value : null;
}

export function useMeasuresParams(): [MeasuresParams, (next: Partial<MeasuresParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const current = currentReportingYear();
  const params: MeasuresParams = {
    year: parseYear(search.get('year'), current),
    tenure: parseTenure(search.get('tenure')),
  };
  const update = useCallback(
    (next: Partial<MeasuresParams>) =>
      setSearch(
        (previous) => {
          const merged = new URLSearchParams(previous);
          if (next.year !== undefined) merged.set('year', String(next.year));
          if (next.tenure !== undefined) {
            if (next.tenure) merged.set('tenure', next.tenure);
            else merged.delete('tenure');
          }
          return merged;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [params, update];
}
