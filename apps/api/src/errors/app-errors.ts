import type { ComplaintRefusal, PolicyProblem } from '@redress/domain';

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
  | SubscriptionInterruptedError;

abstract class AppErrorBase extends Error {
  abstract readonly kind: string;
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
    readonly entity: 'complaint' | 'policy' | 'feedback' | 'action',
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

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppErrorBase;
}
