import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRedressSchema, printRedressSchema } from './schema.js';

const RELEASED_SCHEMA_FILE = fileURLToPath(new URL('../schema.released.graphql', import.meta.url));
const BREAKS_FILE = fileURLToPath(new URL('../schema-breaks.json', import.meta.url));
const RELEASED_HEADER = '# The Redress GraphQL schema as last released';

/** A break of the released schema made on purpose, shipped in `release` and announced there. */
interface DeclaredBreak {
  readonly path: string | null;
  readonly message: string;
  readonly reason: string;
  readonly release: string;
}

interface Verdict {
  /** Breaking changes nobody declared: each one fails the test. */
  readonly undeclared: readonly Change[];
  /** Allowed, but a client written without care for them can trip: listed, never failed. */
  readonly dangerous: readonly Change[];
  /** Declarations that match no change: stale, and would hide a later break at the same place. */
  readonly unmatched: readonly DeclaredBreak[];
}

async function judge(
  released: GraphQLSchema,
  current: GraphQLSchema,
  declared: readonly DeclaredBreak[],
): Promise<Verdict> {
  // No rules: a deprecated field removed is still a removal, and must be declared.
  const changes = await diff(released, current);
  const matches = (change: Change, entry: DeclaredBreak) =>
    entry.message === change.message && entry.path === (change.path ?? null);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    undeclared: breaking.filter((c) => !declared.some((entry) => matches(c, entry))),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    unmatched: declared.filter((entry) => !breaking.some((c) => matches(c, entry))),
  };
}

function describeChange(change: Change): string {
  const why = change.criticality.reason ? `\n      ${change.criticality.reason}` : '';
  return `  ${change.path ?? '(schema)'}: ${change.message}${why}`;
}

function undeclaredMessage(undeclared: readonly Change[]): string {
  const entries = undeclared.map((c) =>
    JSON.stringify({
      path: c.path ?? null,
      message: c.message,
      reason: '<why this cannot be an addition>',
      release: '<x.y.z>',
    }),
  );
  return [
    `The schema breaks what partners were given in the last release (apps/api/schema.released.graphql):`,
    '',
    ...undeclared.map(describeChange),
    '',
    'The schema changes by addition (docs/api.md, "How the schema changes"). Either:',
    '  - keep what was released and add beside it: put the field, argument or enum value back with',
    "    `deprecationReason: 'Use … instead.'` naming its replacement; give a new argument or input",
    '    field a default or make it optional; widen an input type rather than narrow it; or',
    '  - if the break is meant, declare it in apps/api/schema-breaks.json under "breaks", with the',
    "    reason and the release it ships in, and announce it in that release's notes:",
    ...entries.map((entry) => `      ${entry}`),
  ].join('\n');
}

async function readDeclaredBreaks(): Promise<readonly DeclaredBreak[]> {
  const file: unknown = JSON.parse(await readFile(BREAKS_FILE, 'utf8'));
  const breaks = (file as { breaks?: unknown }).breaks;
  if (!Array.isArray(breaks)) throw new Error('apps/api/schema-breaks.json needs a "breaks" list.');
  return breaks.map((entry: Partial<DeclaredBreak>, index) => {
    const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
    if (
      !text(entry.message) ||
      !text(entry.reason) ||
      !/^\d+\.\d+\.\d+$/.test(entry.release ?? '')
    ) {
      throw new Error(
        `apps/api/schema-breaks.json, breaks[${index}]: each break needs the change's "message" (and "path", or null) as the test prints them, a "reason", and the "release" it ships in (x.y.z).`,
      );
    }
    return {
      path: entry.path ?? null,
      message: entry.message as string,
      reason: entry.reason as string,
      release: entry.release as string,
    };
  });
}

describe('the schema evolves by addition', () => {
  let releasedText: string;
  let verdict: Verdict;

  beforeAll(async () => {
    releasedText = await readFile(RELEASED_SCHEMA_FILE, 'utf8');
    // Built from the code, not read from schema.graphql: this is the schema the API serves, even
    // when someone forgot to regenerate the file (schema.test.ts catches that separately). Printed
    // and parsed again so both sides are read from SDL alike: compared as built, an enum default
    // shows its internal value and a scalar loses its @specifiedBy, and both look like changes.
    const built = await buildRedressSchema({ pubSub: createPubSub() });
    const current = buildSchema(printRedressSchema(built));
    verdict = await judge(buildSchema(releasedText), current, await readDeclaredBreaks());
  });

  it('breaks nothing of the released schema, unless the break is declared', () => {
    if (verdict.dangerous.length > 0) {
      // Allowed (a new enum value, a new optional argument), but worth a reviewer's look.
      console.warn(
        `Dangerous but allowed changes since the released schema:\n${verdict.dangerous.map(describeChange).join('\n')}`,
      );
    }
    // Compared as one line per change, so the diff under the message stays short.
    expect(
      verdict.undeclared.map((c) => `${c.path ?? '(schema)'}: ${c.message}`),
      undeclaredMessage(verdict.undeclared),
    ).toEqual([]);
  });

  it('declares only breaks the code makes', () => {
    expect(
      verdict.unmatched,
      'apps/api/schema-breaks.json declares breaks the schema does not make (or whose message changed): remove them, or copy the path and message again from the failing test.',
    ).toEqual([]);
  });

  it('keeps the released file saying what it is', () => {
    expect(
      releasedText.startsWith(RELEASED_HEADER),
      'apps/api/schema.released.graphql lost its header: at a release, copy schema.graphql below the header lines rather than over them (see CONTRIBUTING.md).',
    ).toBe(true);
  });
});

describe('judging a change against the released schema', () => {
  const RELEASED_EXAMPLE = `
    enum Status { OPEN CLOSED }
    type Complaint { id: ID! reference: String! status: Status! }
    type Query { complaint(id: ID!): Complaint }
    type Mutation { assignComplaint(id: ID!, handler: String!): Complaint! }
  `;
  const released = buildSchema(RELEASED_EXAMPLE);
  const removal: DeclaredBreak = {
    path: 'Complaint.reference',
    message: "Field 'reference' was removed from object type 'Complaint'",
    reason: 'Replaced by Complaint.ref.',
    release: '0.2.0',
  };

  it.each([
    ['a field removed', 'reference: String!', '', ['Complaint.reference']],
    [
      'an argument made required',
      'complaint(id: ID!)',
      'complaint(id: ID!, stage: Int!)',
      ['Query.complaint.stage'],
    ],
    ['an output field made nullable', 'status: Status!', 'status: Status', ['Complaint.status']],
    ['an enum value removed', 'OPEN CLOSED', 'OPEN', ['Status.CLOSED']],
    [
      'a required argument made optional',
      'handler: String!',
      'handler: String, assigneeId: ID',
      [],
    ],
    ['a nullable field added', 'status: Status!', 'status: Status! assignedTo: ID', []],
    [
      'a field deprecated',
      'reference: String!',
      'reference: String! @deprecated(reason: "Use ref.")',
      [],
    ],
  ])('%s', async (_name, from, to, breaks) => {
    const current = buildSchema(printReleasedWith(from, to));
    const { undeclared } = await judge(released, current, []);
    expect(undeclared.map((c) => c.path)).toEqual(breaks);
  });

  it('lets a declared break through, and only that one', async () => {
    const current = buildSchema(
      printReleasedWith('reference: String!', '').replace('OPEN CLOSED', 'OPEN'),
    );
    const verdict = await judge(released, current, [removal]);
    expect(verdict.undeclared.map((c) => c.path)).toEqual(['Status.CLOSED']);
    expect(verdict.unmatched).toEqual([]);
  });

  it('reports a declaration that matches no change', async () => {
    const verdict = await judge(released, released, [removal]);
    expect(verdict.unmatched).toEqual([removal]);
  });

  it('lists an added enum value as dangerous, not breaking', async () => {
    const current = buildSchema(printReleasedWith('OPEN CLOSED', 'OPEN CLOSED WITHDRAWN'));
    const verdict = await judge(released, current, []);
    expect(verdict.undeclared).toEqual([]);
    expect(verdict.dangerous.map((c) => c.path)).toEqual(['Status.WITHDRAWN']);
  });

  function printReleasedWith(from: string, to: string): string {
    if (!RELEASED_EXAMPLE.includes(from)) throw new Error(`the example schema has no "${from}"`);
    return RELEASED_EXAMPLE.replace(from, to);
  }
});
