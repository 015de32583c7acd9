import type { ComplaintRefusal, LetterRefusalCode, PolicyProblem } from '@redress/domain';

/**
 * The errors the application layer raises. The GraphQL layer maps each kind to an
 * `extensions.code` in one place (errors/graphql-errors.ts); nothing else reaches a client.
 */
export type AppError =
  | BadUserInputError
  | NotFoundError
  | ConflictError
  | PolicyRefusedError
  | InvalidPolicyError
  | OperationRefusedError
  | SubscriptionInterruptedError
  | UnauthenticatedError
  | ForbiddenError
  | RateLimitedError
  | IdempotencyKeyReusedError
  | LetterRefusedError
  | AttachmentRefusedError
  | AnonymisationRefusedError;

abstract class AppErrorBase extends Error {
  abstract readonly kind: string;
  /**
   * Read by graphql-js when it wraps the error, and so by Apollo: the HTTP status of an answer
   * whose operation was refused as a whole (never of one field's refusal in a partial answer).
   */
  extensions?: { http: { status: number; headers?: Map<string, string> } };
}

/** Input that fails validation before any rule is asked. */
export class BadUserInputError extends AppErrorBase {
  readonly kind = 'bad-user-input' as const;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppErrorBase {
  readonly kind = 'not-found' as const;
  constructor(
    readonly entity:
      | 'complaint'
      | 'policy'
      | 'feedback'
      | 'action'
      | 'user'
      | 'team'
      | 'api-key'
      | 'letter'
      | 'panel-member'
      | 'attachment',
    readonly key: string,
  ) {
    super(`No ${entity} was found with id or reference "${key}".`);
  }
}

/** A stale `expectedVersion`, or a write that lost a race with another. */
export class ConflictError extends AppErrorBase {
  readonly kind = 'conflict' as const;
  constructor(
    message: string,
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

/** The domain refused the step; carries the domain's coded refusal. */
export class PolicyRefusedError extends AppErrorBase {
  readonly kind = 'policy-refused' as const;
  constructor(readonly refusal: ComplaintRefusal) {
    super(refusal.message);
  }
}

export class InvalidPolicyError extends AppErrorBase {
  readonly kind = 'invalid-policy' as const;
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(`The policy is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

/**
 * A subscription ended by the server: its reader fell too far behind ('too-slow'), or the
 * server's own feed of events was cut off and events may have been missed ('events-missed').
 * Either way the subscriber resubscribes and reads what it missed with a query.
 */
export class SubscriptionInterruptedError extends AppErrorBase {
  readonly kind = 'subscription-interrupted' as const;
  constructor(
    readonly reason: 'too-slow' | 'events-missed',
    /** How many values were waiting for it when it was ended. */
    readonly waiting: number,
  ) {
    super(
      reason === 'too-slow'
        ? `This subscription was ended: ${waiting} events were waiting for it to read them. Subscribe again, then read what changed since your last event with the complaints query (orderBy UPDATED_AT).`
        : 'This subscription was ended: the server lost its feed of events for a moment and some may not have reached you. Subscribe again, then read what changed since your last event with the complaints query (orderBy UPDATED_AT).',
    );
  }
}

/** No credentials, or credentials that do not hold (expired, revoked, forged): HTTP 401. */
export class UnauthenticatedError extends AppErrorBase {
  readonly kind = 'unauthenticated' as const;
  constructor(message = 'Sign in first: send Authorization: Bearer <access token or API key>.') {
    super(message);
    this.extensions = { http: { status: 401 } };
  }
}

/**
 * Signed in, but not allowed. `wholeOperation` answers HTTP 403; a field refused within an
 * answer (an analyst asking for personal data) leaves the rest of the answer and its 200.
 */
export class ForbiddenError extends AppErrorBase {
  readonly kind = 'forbidden' as const;
  constructor(
    message: string,
    readonly permission?: string,
    wholeOperation = true,
  ) {
    super(message);
    if (wholeOperation) this.extensions = { http: { status: 403 } };
  }
}

/** Too many attempts or requests: HTTP 429 with Retry-After. */
export class RateLimitedError extends AppErrorBase {
  readonly kind = 'rate-limited' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.extensions = {
      http: {
        status: 429,
        headers: new Map([['retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds)))]]),
      },
    };
  }
}

/**
 * An idempotency key sent again with a different request than the one it was first sent with:
 * HTTP 422. `operation` is what the key was first used for.
 */
export class IdempotencyKeyReusedError extends AppErrorBase {
  readonly kind = 'idempotency-key-reused' as const;
  constructor(
    message: string,
    readonly operation: string,
  ) {
    super(message);
    this.extensions = { http: { status: 422 } };
  }
}

/** Why a letter cannot be composed, issued or delivered as asked. */
export type LetterRefusedCode =
  | Exclude<LetterRefusalCode, 'INVALID_COMMAND'>
  | 'EMAIL_NOT_CONFIGURED'
  | 'NO_EMAIL_ADDRESS'
  | 'LETTER_NOT_FAILED'
  | 'LETTER_NOT_AWAITING_POST';

/**
 * A letter the rules or its delivery refuse: a required part missing (naming it and its Code
 * clause), a step not taken, email asked for where it cannot go.
 */
export class LetterRefusedError extends AppErrorBase {
  readonly kind = 'letter-refused' as const;
  constructor(
    readonly code: LetterRefusedCode,
    message: string,
    readonly detail: {
      readonly part?: string;
      readonly clause?: string;
      readonly missing?: readonly { readonly part: string; readonly clause: string }[];
    } = {},
  ) {
    super(message);
  }
}

/** Why an attachment's bytes are refused, each with its HTTP status. */
export const ATTACHMENT_REFUSALS = {
  ATTACHMENT_EMPTY: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
} as const;
export type AttachmentRefusalCode = keyof typeof ATTACHMENT_REFUSALS;

/**
 * A file that cannot be attached: nothing, too many bytes, or bytes of a type not accepted
 * (`detected` is what they were found to be, `allowed` what is accepted). Nothing was stored.
 */
export class AttachmentRefusedError extends AppErrorBase {
  readonly kind = 'attachment-refused' as const;
  constructor(
    readonly code: AttachmentRefusalCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.extensions = { http: { status: ATTACHMENT_REFUSALS[code] } };
  }
}

/** Why a whole operation is refused before anything of it runs; each answers HTTP 400. */
export type OperationRefusalCode =
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_FIELDS'
  | 'TOO_MANY_MUTATIONS'
  | 'RESPONSE_TOO_LARGE'
  | 'SUBSCRIPTION_OVER_HTTP';

/**
 * An operation over one of the API's limits (apps/api/src/limits), or one HTTP cannot serve:
 * the caller's to change, never a fault of ours. `measures` says by how much (`depth`,
 * `maximumDepth` ...).
 */
export class OperationRefusedError extends AppErrorBase {
  readonly kind = 'operation-refused' as const;
  constructor(
    readonly code: OperationRefusalCode,
    message: string,
    readonly measures: Readonly<Record<string, number>> = {},
  ) {
    super(message);
  }
}

/**
 * Anonymising a resident refused: one of their cases has not ended (ANONYMISATION_REFUSED,
 * with the references of those still open). A resident's cases are anonymised together or
 * not at all, so they still count once among repeat complainants.
 */
export class AnonymisationRefusedError extends AppErrorBase {
  readonly kind = 'anonymisation-refused' as const;
  constructor(
    message: string,
    readonly openReferences: readonly string[],
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppErrorBase;
}
