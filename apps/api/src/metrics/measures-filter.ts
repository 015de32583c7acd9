import type { Tenure } from '@redress/domain';
import { isUuid } from '../shared/uuid.js';

/** Which cases a figure is counted over: every field given must match. */
export interface MeasuresFilter {
  readonly tenure?: Tenure | undefined;
  readonly category?: string | undefined;
  readonly teamId?: string | undefined;
}

/** The filter as conditions on the complaint row `c`, its values added by `param`. */
export function filterConditions(
  filter: MeasuresFilter,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (filter.tenure !== undefined) where.push(`c.tenure = ${param(filter.tenure)}`);
  if (filter.category !== undefined) where.push(`c.category = ${param(filter.category)}`);
  if (filter.teamId !== undefined) {
    // An id that cannot be a team's matches nothing rather than fail the statement.
    where.push(isUuid(filter.teamId) ? `c.team_id = ${param(filter.teamId)}::uuid` : 'false');
  }
  return where;
}
