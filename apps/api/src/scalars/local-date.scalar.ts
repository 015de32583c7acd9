import {
  isLocalDate,
  isSupportedDate,
  unsupportedDateMessage,
  type LocalDate,
} from '@redress/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** A real calendar date, in or out of the supported range. */
function readLocalDate(value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    throw new GraphQLError(
      `${JSON.stringify(value)} is not a date; write a real calendar date as YYYY-MM-DD, e.g. 2026-11-06.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

/** A real calendar date within the supported dates, or says what is wrong. */
export function parseLocalDate(value: unknown): LocalDate {
  const date = readLocalDate(value);
  if (!isSupportedDate(date)) {
    throw new GraphQLError(unsupportedDateMessage('The date', date), {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** A day in Europe/London, `YYYY-MM-DD`: due dates and the like, which have no time of day. */
export const LocalDateScalar = new GraphQLScalarType<LocalDate, string>({
  name: 'LocalDate',
  description:
    'A day in Europe/London, written `YYYY-MM-DD` (ISO 8601 calendar date). Due dates are local dates: a deadline falls on a day, not at an instant.',
  serialize(value) {
    if (!isLocalDate(value)) throw new TypeError(`LocalDate cannot represent ${String(value)}`);
    return value;
  },
  parseValue: parseLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A LocalDate is written as a string, e.g. "2026-11-06".', {
        nodes: ast,
      });
    }
    // The range of a date written in the document is checked by the limits before anything runs
    // (limits/input-check.ts), which name its field; refused here, graphql's validation would
    // answer it without one.
    return readLocalDate(ast.value);
  },
});
