import { createPubSub } from '@graphql-yoga/subscription';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildRedressSchema } from '../schema.js';

/**
 * Operations deliberately open to anyone, with the reason. None yet: sign-in is not built, so
 * every operation is guarded and the guard (authChecker) lets every actor through.
 */
const PUBLIC_OPERATIONS: readonly string[] = [];

describe('every operation passes through the one authorisation check', () => {
  it('marks each query, mutation and subscription @Authorized()', async () => {
    await buildRedressSchema({ pubSub: createPubSub() });
    const storage = getMetadataStorage();
    const operations = [
      ...storage.queries.map((op) => ({ kind: 'Query', op })),
      ...storage.mutations.map((op) => ({ kind: 'Mutation', op })),
      ...storage.subscriptions.map((op) => ({ kind: 'Subscription', op })),
    ];
    expect(operations.length).toBeGreaterThan(20);
    const unguarded = operations
      .filter(
        ({ op }) =>
          !storage.authorizedFields.some(
            (field) => field.target === op.target && field.fieldName === op.methodName,
          ),
      )
      .map(({ kind, op }) => `${kind}.${op.schemaName}`)
      .filter((name) => !PUBLIC_OPERATIONS.includes(name));
    expect(unguarded, 'Add @Authorized() to these, or list them as public with a reason').toEqual(
      [],
    );
  });
});
