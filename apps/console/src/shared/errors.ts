import { HttpError } from 'react-admin';

/** One error of a GraphQL answer, as the API formats it (apps/api/src/errors/graphql-errors.ts). */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: {
    code?: string;
    field?: string;
    problems?: readonly { field: string; message: string }[];
    [key: string]: unknown;
  };
}

/** The HTTP status react-admin acts on, from the API's error code. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  POLICY_REFUSED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  QUERY_TOO_DEEP: 400,
  TOO_MANY_ALIASES: 400,
  TOO_MANY_FIELDS: 400,
  TOO_MANY_MUTATIONS: 400,
  RESPONSE_TOO_LARGE: 400,
};

/** The body react-admin's forms read: `errors` maps each input field to its message. */
export interface ErrorBody {
  code: string;
  errors?: Record<string, string>;
  graphQLErrors: readonly GraphQLErrorEntry[];
}

/** A field path from the API ("input.email", "email") as the form names it ("email"). */
function formField(path: string): string {
  return path.replace(/^(input|data|command)\./, '');
}

/**
 * A GraphQL answer's errors as one react-admin HttpError: status from the first error's
 * `extensions.code`, and for bad input the field errors as `{ errors: { field: message } }` so a
 * form shows each beside its input.
 */
export function toHttpError(errors: readonly GraphQLErrorEntry[], httpStatus?: number): HttpError {
  const first = errors[0];
  const code = first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = STATUS_BY_CODE[code] ?? (httpStatus && httpStatus >= 400 ? httpStatus : 500);
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const problems = error.extensions?.problems;
    if (problems && problems.length > 0) {
      for (const problem of problems) fields[formField(problem.field)] ??= problem.message;
    } else if (error.extensions?.field) {
      fields[formField(error.extensions.field)] ??= error.message;
    }
  }
  const body: ErrorBody = {
    code,
    graphQLErrors: errors,
    ...(Object.keys(fields).length > 0 ? { errors: fields } : {}),
  };
  const message = errors.map((error) => error.message).join(' ') || 'The request failed.';
  return new HttpError(message, status, body);
}

/** The API's error code carried by an error the console raised, if any. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof HttpError) {
    const body = error.body as Partial<ErrorBody> | undefined;
    return body?.code;
  }
  return undefined;
}
