import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FIELDS } from './operation-limits.js';
import { shapeOf } from './operation-shape.js';

describe('the shape of an operation', () => {
  it('counts depth, aliases and fields, through fragments where they are spread', () => {
    const shape = shapeOf(
      parse(`
        query { a: complaints { nodes { ...C } } b: complaints { nodes { ...C } } }
        fragment C on Complaint { id stages { policy { stage1 { respondDays } } } }
      `),
    );
    expect(shape).toEqual({ depth: 6, aliases: 2, fields: 14, mutationFields: 0 });
  });

  it('counts the writes of a mutation, through fragments at its root', () => {
    const shape = shapeOf(
      parse(`
        mutation { one: withdrawComplaint(id: "1", reason: "r") { id } ...More __typename }
        fragment More on Mutation { two: withdrawComplaint(id: "2", reason: "r") { id } }
      `),
    );
    expect(shape.mutationFields).toBe(2);
  });

  it('is linear however fragments nest, and multiplies by their uses', () => {
    const levels = 30;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : '__typename'} }`,
    ).join('\n');
    const shape = shapeOf(parse(`query { ...F0 }\n${fragments}`));
    expect(shape.fields).toBe(2 ** (levels - 1));
  });

  it('counts the writes of a mutation in linear time however its fragments nest', () => {
    const levels = 60;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Mutation { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'signOut'} }`,
    ).join('\n');
    const shape = shapeOf(parse(`mutation { ...F0 }\n${fragments}`));
    expect(shape.mutationFields).toBe(2 ** (levels - 1));
  });

  it('counts nothing for a cyclic or unknown fragment, which validation refuses next', () => {
    const shape = shapeOf(
      parse(`query { ...A ...Missing } fragment A on Query { ...B } fragment B on Query { ...A }`),
    );
    expect(shape).toEqual({ depth: 0, aliases: 0, fields: 0, mutationFields: 0 });
  });

  it.each([
    ['graphql-js defaults', {}],
    [
      'every option (what codegen tools send)',
      {
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      },
    ],
  ])('of the standard introspection query (%s) is within every limit', (_name, options) => {
    const shape = shapeOf(parse(getIntrospectionQuery(options)));
    expect(shape.depth).toBe(15);
    expect(shape.depth).toBeLessThanOrEqual(MAX_DEPTH);
    expect(shape.aliases).toBe(0);
    expect(shape.fields).toBeLessThanOrEqual(MAX_FIELDS / 4);
  });
});
