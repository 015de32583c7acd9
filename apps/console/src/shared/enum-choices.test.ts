// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_KEY_SCOPE_CHOICES } from '../api-keys/api-key.choices';
import { SECURITY_EVENT_KIND_CHOICES } from '../audit/audit.choices';

// The committed SDL: a value the API gains shows here as a choice the console has no words for.
const schema = buildSchema(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);

function valuesOf(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema.`);
  return type
    .getValues()
    .map((value) => value.name)
    .sort();
}

describe.each([
  ['SecurityEventKind', SECURITY_EVENT_KIND_CHOICES],
  ['ApiKeyScope', API_KEY_SCOPE_CHOICES],
])('the console names every %s', (enumName, choices) => {
  it('has one choice for each value, and none the API does not have', () => {
    expect(choices.map((choice) => choice.id).sort()).toEqual(valuesOf(enumName));
  });
});
