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

  // type-graphql resolves the fields of a type marked `simpleResolvers` without its middleware
  // stack, the authorisation check included: a role put on one of them would never be checked.
  it('puts no role or middleware on a field of a type resolved without them', async () => {
    await buildRedressSchema({ pubSub: createPubSub() });
    const storage = getMetadataStorage();
    const simple = new Set<unknown>(
      storage.objectTypes.filter((type) => type.simpleResolvers === true).map((t) => t.target),
    );
    expect(simple.size).toBeGreaterThan(0);
    const guarded = [
      ...storage.authorizedFields.map((f) => ({ target: f.target, name: f.fieldName })),
      ...storage.authorizedResolver.map((r) => ({ target: r.target, name: '(class)' })),
      ...storage.middlewares.map((m) => ({ target: m.target, name: m.fieldName })),
      ...storage.resolverMiddlewares.map((m) => ({ target: m.target, name: '(class)' })),
    ]
      .filter(({ target }) => simple.has(target))
      .map(({ target, name }) => `${(target as { name: string }).name}.${name}`);
    expect(
      guarded,
      'Move these to a field resolver, or drop simpleResolvers from their type',
    ).toEqual([]);
  });
});
