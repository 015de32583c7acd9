import { TENURES, type Tenure } from '@redress/domain';
import { BadUserInputError } from '../../errors/app-errors.js';
import { enumNameOf } from '../../scalars/graphql-enum.js';
import { MEASURE_NAMES, type MeasureName } from '../measure-names.type.js';
import type { MeasuresFilter } from '../measures-filter.js';

// What an export's path and query string ask for, or BAD_USER_INPUT naming the parameter.

export const EXPORTS_PREFIX = '/exports/measures';

export type Route =
  | { readonly kind: 'figures' }
  | { readonly kind: 'breakdown'; readonly measure: MeasureName }
  | { readonly kind: 'cases'; readonly measure: MeasureName };

/** The figures by the names GraphQL gives them (CH02_STAGE1), as the paths spell them. */
export const MEASURE_BY_ENUM_NAME = new Map(MEASURE_NAMES.map((name) => [enumNameOf(name), name]));

export function routeOf(path: string): Route | null {
  if (path === `${EXPORTS_PREFIX}.csv`) return { kind: 'figures' };
  const match = /^\/exports\/measures\/([A-Za-z0-9_]+)(\.csv|\/cases\.csv)$/.exec(path);
  const measure = match?.[1] ? MEASURE_BY_ENUM_NAME.get(match[1].toUpperCase()) : undefined;
  if (!match || !measure) return null;
  return match[2] === '.csv' ? { kind: 'breakdown', measure } : { kind: 'cases', measure };
}

export function yearOf(params: URLSearchParams): number {
  const text = params.get('year');
  if (text === null || !/^\d{1,4}$/.test(text)) {
    throw new BadUserInputError(
      'year must be given as a reporting year, named by the year it starts in: ?year=2026 is 1 April 2026 to 31 March 2027.',
      'year',
    );
  }
  return Number(text);
}

export function filterOf(params: URLSearchParams): MeasuresFilter {
  const tenure = params.get('tenure');
  const category = params.get('category');
  const team = params.get('teamId') ?? params.get('team');
  if (tenure !== null && !TENURES.includes(tenure.toLowerCase() as Tenure)) {
    throw new BadUserInputError(
      `tenure must be one of ${TENURES.map(enumNameOf).join(', ')}.`,
      'tenure',
    );
  }
  return {
    ...(tenure !== null ? { tenure: tenure.toLowerCase() as Tenure } : {}),
    ...(category !== null ? { category } : {}),
    ...(team !== null ? { teamId: team } : {}),
  };
}

export function oneOf<V extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly V[],
): V {
  const given = params.get(name)?.toLowerCase();
  const found = values.find((value) => value === given);
  if (!found) {
    throw new BadUserInputError(`${name} must be one of ${values.join(', ')}.`, name);
  }
  return found;
}
