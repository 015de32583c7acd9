import { createPubSub } from '@graphql-yoga/subscription';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@redress/domain';
import { buildRedressSchema } from '../schema.js';
import { PUBLIC_OPERATIONS } from './public-operations.js';

describe('every operation passes through the one authorisation check', () => {
  it('guards each query, mutation and subscription with one named permission, or lists it as public', async () => {
    await buildRedressSchema({ pubSub: createPubSub() });
    const storage = getMetadataStorage();
    const operations = [
      ...storage.queries.map((op) => ({ kind: 'Query', op })),
      ...storage.mutations.map((op) => ({ kind: 'Mutation', op })),
      ...storage.subscriptions.map((op) => ({ kind: 'Subscription', op })),
    ];
    expect(operations.length).toBeGreaterThan(30);
    const known = new Set<string>(PERMISSIONS);
    const table = operations.map(({ kind, op }) => {
      const name = `${kind}.${op.schemaName}`;
      const guards = storage.authorizedFields.filter(
        (field) => field.target === op.target && field.fieldName === op.methodName,
      );
      const permissions = guards.flatMap((guard) => guard.roles as string[]);
      return { name, permissions, public: Object.hasOwn(PUBLIC_OPERATIONS, name) };
    });
    // The table a reviewer reads: every operation and what it needs.
    console.log(
      table
        .map((row) => `${row.name}: ${row.public ? 'public' : row.permissions.join(', ')}`)
        .sort()
        .join('\n'),
    );
    const unguarded = table.filter((row) => !row.public && row.permissions.length !== 1);
    expect(
      unguarded.map((row) => row.name),
      'Guard these with @RequirePermission(...), or list them in auth/public-operations.ts with a reason',
    ).toEqual([]);
    const unknown = table.filter((row) => row.permissions.some((p) => !known.has(p)));
    expect(
      unknown.map((row) => row.name),
      'A permission named here is not in PERMISSIONS',
    ).toEqual([]);
    const guardedPublic = table.filter((row) => row.public && row.permissions.length > 0);
    expect(guardedPublic.map((row) => row.name)).toEqual([]);
    // The public list names only operations that exist, exactly the ones the issue allows.
    expect(Object.keys(PUBLIC_OPERATIONS).sort()).toEqual(
      table
        .filter((row) => row.public)
        .map((row) => row.name)
        .sort(),
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
