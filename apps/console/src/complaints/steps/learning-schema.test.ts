// @vitest-environment node
// The learning forms' mutations and the case page's query against the committed schema: a
// field or argument the API does not have fails here, before a browser meets it.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_PAGE_QUERY } from '../show/complaint-query';
import { LEARNING_FORMS } from './learning-forms';

const sdl = readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

const problems = (document: string) =>
  validate(schema, parse(document)).map((error) => error.message);

describe('the learning steps fit the schema', () => {
  it.each(LEARNING_FORMS.map((d) => [d.step, d.mutation] as const))('%s', (_step, mutation) => {
    expect(problems(mutation)).toEqual([]);
  });

  it("the case page's query, satisfaction and lessons with it", () => {
    expect(COMPLAINT_PAGE_QUERY).toMatch(/satisfaction \{/);
    expect(problems(COMPLAINT_PAGE_QUERY)).toEqual([]);
  });
});
