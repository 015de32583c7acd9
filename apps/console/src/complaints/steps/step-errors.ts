// What a refused step says, read from the API's coded GraphQL errors (apps/api/src/errors): a
// stale version, field errors to show on their fields, or the domain's message for the form.

export interface ApiError {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly field?: string;
    readonly refusal?: string;
    readonly problems?: readonly { readonly field: string; readonly message: string }[];
  };
}

export interface StepFailure {
  /** Someone else changed the case since it was read (CONFLICT). */
  readonly conflict: boolean;
  /** The message for the form as a whole: the domain's words. */
  readonly message: string | null;
  /** Messages by the form's own field names. */
  readonly fields: Readonly<Record<string, string>>;
}

export const CONFLICT_MESSAGE = 'Someone else changed this case; it has been reloaded.';

/** The GraphQL errors an error carries, whatever wrapped them on the way. */
export function apiErrorsOf(error: unknown): ApiError[] {
  if (error && typeof error === 'object') {
    const holder = error as {
      errors?: unknown;
      graphQLErrors?: unknown;
      body?: { errors?: unknown; graphQLErrors?: unknown };
      cause?: unknown;
    };
    const lists = [
      holder.errors,
      holder.graphQLErrors,
      holder.body?.graphQLErrors,
      holder.body?.errors,
    ];
    for (const list of lists) {
      if (Array.isArray(list) && list.length > 0) return list as ApiError[];
    }
    if ('extensions' in error && 'message' in error) return [error as ApiError];
    if (holder.cause) return apiErrorsOf(holder.cause);
  }
  return [];
}

/**
 * Places each error: on the form field whose name ends the API's field path (`notice.toldOn`,
 * `input.remedies[0].amountPence`), else in the form's message.
 */
export function stepFailureOf(error: unknown, fieldNames: readonly string[]): StepFailure {
  const errors = apiErrorsOf(error);
  if (errors.length === 0) {
    const message = error instanceof Error ? error.message : 'The step could not be recorded.';
    return { conflict: false, message, fields: {} };
  }
  if (errors.some((e) => e.extensions?.code === 'CONFLICT')) {
    return { conflict: true, message: CONFLICT_MESSAGE, fields: {} };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    const problems = e.extensions?.problems?.length
      ? e.extensions.problems
      : [{ field: e.extensions?.field ?? '', message: e.message }];
    for (const problem of problems) {
      const name = formFieldOf(problem.field, fieldNames);
      if (name !== null && fields[name] === undefined) fields[name] = problem.message;
      else if (name === null) general.push(problem.message);
    }
  }
  return { conflict: false, message: general.length > 0 ? general.join(' ') : null, fields };
}

/** The form field an API path names: the longest form name the path ends with. */
export function formFieldOf(path: string, fieldNames: readonly string[]): string | null {
  if (!path) return null;
  const plain = path.replace(/\[(\d+)\]/g, '.$1');
  const matches = fieldNames.filter(
    (name) => plain === name || plain.endsWith(`.${name}`) || plain.startsWith(`${name}.`),
  );
  if (matches.length === 0) return null;
  return matches.reduce((a, b) => (b.length > a.length ? b : a));
}
