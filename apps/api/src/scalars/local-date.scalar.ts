import { isLocalDate, type LocalDate } from '@redress/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export function parseLocalDate(value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    throw new GraphQLError(
      `${JSON.stringify(value)} is not a date; write a real calendar date as YYYY-MM-DD, e.g. 2026-11-06.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
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
    return parseLocalDate(ast.value);
  },
});
