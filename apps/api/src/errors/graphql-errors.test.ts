import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import {
  BadUserInputError,
  ConflictError,
  IdempotencyKeyReusedError,
  InvalidPolicyError,
  NotFoundError,
  OperationRefusedError,
  PolicyRefusedError,
  SubscriptionInterruptedError,
} from './app-errors.js';
import { formatErrorForClient, INTERNAL_ERROR_MESSAGE, toGraphQLError } from './graphql-errors.js';

function silentLogger() {
  const logger = pino({ level: 'silent' });
  const error = vi.spyOn(logger, 'error');
  return { logger, error };
}

/** An error as graphql-js wraps one thrown in a resolver, with the stack a client must not see. */
function fromResolver(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['complaint'], originalError: original });
}

function format(error: GraphQLError) {
  const { logger, error: logged } = silentLogger();
  // What Apollo hands formatError when it would include stack traces (NODE_ENV unset).
  const formatted = {
    ...error.toJSON(),
    extensions: { ...error.extensions, stacktrace: (error.originalError?.stack ?? '').split('\n') },
  };
  return { result: formatClient(formatted, error, logger), logged };
}
const formatClient = formatErrorForClient;

describe('AppError → GraphQL error, in one place', () => {
  it.each([
    [
      new BadUserInputError('Give a summary.', 'summary'),
      { code: 'BAD_USER_INPUT', field: 'summary' },
    ],
    [new NotFoundError('complaint', 'CMP-2026-000001'), { code: 'NOT_FOUND' }],
    [new ConflictError('Someone else changed it.', 4), { code: 'CONFLICT', currentVersion: 4 }],
    [
      new PolicyRefusedError({
        code: 'COMPLAINT_ALREADY_ACKNOWLEDGED',
        message: 'Already acknowledged.',
      }),
      { code: 'POLICY_REFUSED', refusal: 'COMPLAINT_ALREADY_ACKNOWLEDGED' },
    ],
    [
      new PolicyRefusedError({
        code: 'INVALID_COMMAND',
        message: 'Give a summary.',
        field: 'summary',
      }),
      { code: 'BAD_USER_INPUT', refusal: 'INVALID_COMMAND', field: 'summary' },
    ],
    [
      new InvalidPolicyError([{ field: 'stage1.respondDays', message: 'Must be at least 1.' }]),
      {
        code: 'BAD_USER_INPUT',
        field: 'stage1.respondDays',
        problems: [{ field: 'stage1.respondDays', message: 'Must be at least 1.' }],
      },
    ],
    [
      new OperationRefusedError('TOO_MANY_ALIASES', 'Too many aliases.', {
        aliases: 51,
        maximumAliases: 50,
      }),
      { code: 'TOO_MANY_ALIASES', aliases: 51, maximumAliases: 50 },
    ],
    [
      new SubscriptionInterruptedError('too-slow', 1000),
      { code: 'SUBSCRIPTION_INTERRUPTED', reason: 'TOO_SLOW' },
    ],
    [
      new SubscriptionInterruptedError('events-missed', 0),
      { code: 'SUBSCRIPTION_INTERRUPTED', reason: 'EVENTS_MISSED' },
    ],
    [
      new IdempotencyKeyReusedError(
        'The key was sent before with another request.',
        'logComplaint',
      ),
      { code: 'IDEMPOTENCY_KEY_REUSED', operation: 'logComplaint' },
    ],
  ])('%s', (error, extensions) => {
    const mapped = toGraphQLError(error);
    expect(mapped.extensions).toMatchObject(extensions);
    expect(mapped.message).toBe(error.message);
    const { result } = format(fromResolver(error));
    expect(result.extensions).toMatchObject(extensions);
    expect(result.extensions).not.toHaveProperty('stacktrace');
  });
});

describe('what a client sees of anything else', () => {
  it('is masked as INTERNAL_SERVER_ERROR, with no stack, and logged', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    const { result, logged } = format(fromResolver(secret));
    expect(result).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      locations: undefined,
      path: ['complaint'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|hunter2|at .*\.ts/);
    expect(logged).toHaveBeenCalledOnce();
    expect(logged.mock.calls[0]?.[0]).toMatchObject({ err: secret });
  });

  it('keeps public GraphQL errors, but never their stack', () => {
    const error = new GraphQLError('Variable "$id" of required type "ID!" was not provided.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const { result, logged } = format(error);
    expect(result.message).toBe(error.message);
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('masks a GraphQL error of ours that carries no public code', () => {
    const { result } = format(
      new GraphQLError('Cannot return null for non-nullable field Complaint.policy.'),
    );
    expect(result.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
