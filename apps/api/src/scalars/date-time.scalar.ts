import {
  isLocalDate,
  isSupportedInstant,
  unsupportedDateMessage,
  type Instant,
} from '@redress/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// The offset is required: without one, JavaScript reads the text in the server's own time zone,
// and the same step would land on different days on different hosts.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** ISO 8601 text with an offset as a normalised UTC instant, in or out of the supported range. */
function readInstant(value: unknown): Instant {
  if (typeof value !== 'string') {
    throw new GraphQLError('A DateTime is ISO 8601 text, e.g. "2026-11-06T09:30:00Z".', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const match = INSTANT.exec(value);
  // Date.parse rolls 30 February over into March; the date part is checked on its own.
  if (!match || !isLocalDate(match[1]) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `"${value}" is not an ISO 8601 date and time with an offset; write it like 2026-11-06T09:30:00Z or 2026-11-06T09:30:00+00:00.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return new Date(value).toISOString();
}

/** Reads ISO 8601 text with an offset into a normalised UTC instant, or says what is wrong. */
export function parseInstant(value: unknown): Instant {
  const instant = readInstant(value);
  if (!isSupportedInstant(instant)) {
    throw new GraphQLError(unsupportedDateMessage('The instant', String(value)), {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return instant;
}

// What toISOString writes, and so what the domain and the read model hold: answered as it is,
// without a round trip through Date (a list answers several instants per complaint).
const CANONICAL =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function serializeInstant(value: unknown): string {
  if (typeof value === 'string' && CANONICAL.test(value)) {
    return value;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toISOString();
  }
  throw new TypeError(`DateTime cannot represent ${String(value)}`);
}

/** An instant: ISO 8601 with an offset, answered in UTC (`2026-11-06T09:30:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType<Instant, string>({
  name: 'DateTime',
  description:
    'An instant, written in ISO 8601 with a time zone offset (`2026-11-06T09:30:00Z` or `2026-11-06T10:30:00+01:00`). Text without an offset is refused. Answered in UTC.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  serialize: serializeInstant,
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A DateTime is written as a string, e.g. "2026-11-06T09:30:00Z".', {
        nodes: ast,
      });
    }
    // As for LocalDate: the limits check the range of a literal first, naming its field.
    return readInstant(ast.value);
  },
});
