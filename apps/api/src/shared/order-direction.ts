import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';

export type OrderDirection = 'asc' | 'desc';

const DIRECTIONS: Readonly<Record<OrderDirection, string>> = {
  asc: 'Smallest, earliest or first first.',
  desc: 'Largest, latest or last first.',
};

/** One direction type for every list's `orderBy`. */
export const OrderDirectionEnum = registerDomainEnum(
  valuesOf(DIRECTIONS),
  'OrderDirection',
  'Which way to order.',
  DIRECTIONS,
);
