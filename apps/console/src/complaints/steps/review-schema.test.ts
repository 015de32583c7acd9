// @vitest-environment node
// The stage 2 review form's mutation and the two lists it reads, against the committed schema.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_PAGE_QUERY } from '../show/complaint-query';
import { REVIEW_FORMS } from './review-forms';
import { STEP_FORMS } from './step-forms';

const sdl = readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

describe('the stage 2 review form', () => {
  it('fits the schema: the mutation and the two lists it reads', async () => {
    const [definition] = REVIEW_FORMS;
    expect(STEP_FORMS.get('record-stage-2-reviewers')).toBe(definition);
    const loads: string[] = [];
    const spy = (query: string) => {
      loads.push(query);
      return Promise.resolve(
        query.includes('usersPage') ? { usersPage: { nodes: [] } } : { reviewPanelMembers: [] },
      );
    };
    for (const field of definition!.fields) await field.loadChoices?.(spy);
    for (const document of [definition!.mutation, ...loads]) {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    }
    expect(loads).toHaveLength(2);
  });

  it("the case page's query, with the stage 2 reviewers", () => {
    expect(COMPLAINT_PAGE_QUERY).toMatch(/stage2Reviewers \{/);
    expect(validate(schema, parse(COMPLAINT_PAGE_QUERY)).map((e) => e.message)).toEqual([]);
  });
});
