import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { isAppError, type AppError } from './app-errors.js';

/** What a client is told when something fails that it could not have caused or fixed. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it has been logged.';

/**
 * Codes a client may see as they were raised. Everything else is masked: an error without one of
 * these codes is a fault of ours, and its message may say more than a client should know.
 */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY_REFUSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'ATTACHMENT_EMPTY',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_REFUSED',
  'LETTER_REFUSED',
  'ANONYMISATION_REFUSED',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_FIELDS',
  'TOO_MANY_MUTATIONS',
  'RESPONSE_TOO_LARGE',
  'SUBSCRIPTION_OVER_HTTP',
  'SUBSCRIPTION_INTERRUPTED',
  // Raised by graphql and Apollo before any resolver runs: about the request, never our data.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one mapping from the application's errors to what a client sees. The switch is exhaustive:
 * a new kind of AppError does not compile until it is mapped here.
 */
export function toGraphQLError(error: AppError): GraphQLError {
  switch (error.kind) {
    case 'bad-user-input':
      return new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', ...(error.field ? { field: error.field } : {}) },
      });
    case 'not-found':
      return new GraphQLError(error.message, {
        extensions: { code: 'NOT_FOUND', entity: error.entity, key: error.key },
      });
    case 'conflict':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'CONFLICT',
          ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }),
        },
      });
    case 'policy-refused': {
      const { refusal } = error;
      // The domain's INVALID_COMMAND is bad input (a missing or malformed field), not a rule of
      // the policy saying no; the refusal code is kept for programs that branch on it.
      const code = refusal.code === 'INVALID_COMMAND' ? 'BAD_USER_INPUT' : 'POLICY_REFUSED';
      return new GraphQLError(refusal.message, {
        extensions: {
          code,
          refusal: refusal.code,
          ...(refusal.field ? { field: refusal.field } : {}),
        },
      });
    }
    case 'invalid-policy':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'BAD_USER_INPUT',
          field: error.problems[0]?.field,
          problems: error.problems.map((problem) => ({
            field: problem.field,
            message: problem.message,
          })),
        },
      });
    case 'operation-refused':
      return new GraphQLError(error.message, {
        extensions: { code: error.code, ...error.measures },
      });
    case 'subscription-interrupted':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'SUBSCRIPTION_INTERRUPTED',
          reason: error.reason === 'too-slow' ? 'TOO_SLOW' : 'EVENTS_MISSED',
        },
      });
    case 'unauthenticated':
      return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
    case 'forbidden':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'FORBIDDEN',
          ...(error.permission ? { permission: error.permission } : {}),
        },
      });
    case 'rate-limited':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterSeconds)),
        },
      });
    case 'idempotency-key-reused':
      return new GraphQLError(error.message, {
        extensions: { code: 'IDEMPOTENCY_KEY_REUSED', operation: error.operation },
      });
    case 'letter-refused':
      return new GraphQLError(error.message, {
        extensions: {
          code: 'LETTER_REFUSED',
          refusal: error.code,
          ...(error.detail.part ? { part: error.detail.part, clause: error.detail.clause } : {}),
          ...(error.detail.missing
            ? { missing: error.detail.missing.map(({ part, clause }) => ({ part, clause })) }
            : {}),
        },
      });
    case 'attachment-refused':
      return new GraphQLError(error.message, {
        extensions: { code: error.code, ...error.details },
      });
    case 'anonymisation-refused':
      return new GraphQLError(error.message, {
        extensions: { code: 'ANONYMISATION_REFUSED', openReferences: error.openReferences },
      });
    default:
      return unmapped(error);
  }
}

function unmapped(error: never): never {
  throw new Error(`AppError kind not mapped to GraphQL: ${JSON.stringify(error)}`);
}

/** class-validator's nested errors as `field: message` pairs, with dotted paths. */
function validationProblems(
  errors: readonly ValidationError[],
  parent = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });
}

function fromValidation(error: ArgumentValidationError): GraphQLError {
  const problems = validationProblems(error.extensions.validationErrors);
  const message =
    problems.length > 0
      ? problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
      : 'The input is not valid.';
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
  });
}

/**
 * What the client sees of an error: AppErrors mapped, input errors with their field, public
 * GraphQL errors as they are, and anything else masked and logged. Never a stack trace.
 * Used by Apollo's `formatError` (HTTP) and by the WebSocket server alike.
 */
export function formatErrorForClient(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  // A resolver's error as graphql-js wraps it, or a subscription stream's as graphql-ws does
  // (with no path): the application's error inside is what is mapped.
  const unwrapped = unwrapResolverError(error);
  const original =
    unwrapped instanceof GraphQLError && unwrapped.originalError
      ? unwrapped.originalError
      : unwrapped;
  const located = { locations: formatted.locations, path: formatted.path };

  if (isAppError(original)) {
    const mapped = toGraphQLError(original);
    return { message: mapped.message, ...located, extensions: mapped.extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const mapped = fromValidation(original);
    return { message: mapped.message, ...located, extensions: mapped.extensions };
  }
  const code = formatted.extensions?.code;
  // graphql-js's parser recurses: a document nested thousands deep overflows the stack, and
  // Apollo answers that as a parse failure in the engine's words.
  if (code === 'GRAPHQL_PARSE_FAILED' && causedByRangeError(error)) {
    return {
      message: 'The document nests too deeply to be read: send a flatter operation.',
      ...located,
      extensions: { code },
    };
  }
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const {
      stacktrace: _stacktrace,
      exception: _exception,
      ...extensions
    } = formatted.extensions ?? {};
    return { message: formatted.message, ...located, extensions };
  }

  logger.error(
    { err: original instanceof Error ? original : error, path: formatted.path },
    'Unexpected error in a GraphQL operation',
  );
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...located,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Whether a RangeError (the stack overflowing) is anywhere in the chain of original errors. */
function causedByRangeError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof RangeError) return true;
    if (!(current instanceof Error)) return false;
    current = current instanceof GraphQLError ? current.originalError : current.cause;
  }
  return false;
}
