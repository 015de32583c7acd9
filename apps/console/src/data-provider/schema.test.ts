// @vitest-environment node
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildList, buildMany, buildMutation, buildOne } from './build-query';
import { RESOURCES } from './resources';

// The committed SDL the API serves: a query the builder writes that does not fit it fails here,
// before any browser does.
const sdl = readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

function problems(query: string): string[] {
  return validate(schema, parse(query)).map((error) => error.message);
}

/** Whether the variables the builder sends coerce to the operation's declared types. */
function variableProblems(query: string, variables: Record<string, unknown>): string[] {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return (coerced.errors ?? []).map((error) => error.message);
}

describe.each(Object.values(RESOURCES))('$resource queries fit the schema', (description) => {
  it('getList', () => {
    const sortField = Object.keys(description.list.sortFields)[0];
    for (const sortOrder of ['ASC', 'DESC']) {
      const built = buildList(description, { page: 2, perPage: 25, sortField, sortOrder });
      expect(problems(built.query)).toEqual([]);
      expect(variableProblems(built.query, built.variables)).toEqual([]);
    }
  });
  it('getMany', () => {
    expect(problems(buildMany(description, ['1']).query)).toEqual([]);
  });
  it('getOne', () => {
    expect(problems(buildOne(description, '1').query)).toEqual([]);
  });
  // Only what the API has a mutation for is built, so only that is checked.
  if (description.create)
    it('create', () => {
      expect(problems(buildMutation(description, 'create', {})!.query)).toEqual([]);
    });
  if (description.update)
    it('update', () => {
      expect(problems(buildMutation(description, 'update', {}, '1')!.query)).toEqual([]);
    });
});
