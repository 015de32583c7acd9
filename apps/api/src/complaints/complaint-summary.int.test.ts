// A list screen's page is read from the read model's columns alone, without each case's state,
// when it asks for nothing else. Two things must hold for that to be safe: what the columns say
// is what the state says, and the page reads the states whenever a field it asks for needs them.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/demo-data.js';
import { COMPILE_AFTER_RUNS } from '../graphql-execution.js';
import { gqlData } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { SUMMARY_FIELDS } from './complaint.mapper.js';
import { summaryOf } from './complaint.repository.js';
import type { ListedComplaint } from './complaint.service.js';
import { READER } from '../test/test-principals.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-20T14:30:00Z' });
  // Every status, stage, channel and tenure, with representatives, referrals and conversions.
  await loadDemoData(api.services, api.clock);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function everyComplaint(): Promise<ListedComplaint[]> {
  const all: ListedComplaint[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await api.services.complaints.list(
      READER,
      {},
      { field: 'receivedAt', direction: 'asc' },
      { first: 200, withState: true, ...(after ? { after } : {}) },
    );
    all.push(...page.nodes);
    if (!page.hasNextPage || page.endCursor === null) return all;
    after = page.endCursor;
  }
}

describe("a complaint's summary, read from the columns", () => {
  it('is the one its state makes, for every demo complaint', async () => {
    const complaints = await everyComplaint();
    expect(complaints.length).toBeGreaterThan(300);
    const differing = complaints.filter(({ summary, state }) => {
      if (!state) throw new Error(`${summary.reference} was read without its state`);
      return !isDeepStrictEqual(summary, summaryOf(state, summary.updatedAt));
    });
    expect(differing.map((c) => c.summary.reference)).toEqual([]);
    // The columns that are often empty are filled somewhere, or the comparison proves little.
    const summaries = complaints.map((c) => c.summary);
    expect(summaries.some((s) => s.closedAt !== null && s.closeReason !== null)).toBe(true);
    expect(summaries.some((s) => s.withdrawnReason !== null)).toBe(true);
    expect(summaries.some((s) => s.assignee !== null)).toBe(true);
    expect(summaries.some((s) => s.stage === 2)).toBe(true);
  });
});

// Every field the columns answer, as a selection (events has fields of its own).
// The fields that are objects (read by id through a loader, not from the state) are asked for
// with their own fields.
const OBJECT_SELECTIONS: Readonly<Record<string, string>> = {
  assignedTo: 'assignedTo { id name }',
  team: 'team { id name }',
};
const SUMMARY_SELECTION = [...SUMMARY_FIELDS]
  .filter((f) => f !== 'events')
  .map((f) => OBJECT_SELECTIONS[f] ?? f)
  .join('\n');

interface PageQuery {
  readonly selection: string;
  /** e.g. `($withActions: Boolean!)` */
  readonly variableDefinitions?: string;
  readonly fragments?: string;
  readonly variables?: Record<string, unknown>;
}

/**
 * The page's answer, and whether its SQL read the states (`c.state`). Sent until it has run both
 * interpreted and compiled (graphql-execution.ts): each run must read and answer the same.
 */
async function page(query: PageQuery | string) {
  const {
    selection,
    variableDefinitions = '',
    fragments = '',
    variables = {},
  } = typeof query === 'string' ? { selection: query } : query;
  const document = `query ${variableDefinitions} {
      complaints(first: 200, orderBy: { field: RECEIVED_AT, direction: DESC }) { ${selection} }
    }
    ${fragments}`;
  const runs: { nodes: Record<string, unknown>[]; readStates: boolean }[] = [];
  for (let run = 0; run < COMPILE_AFTER_RUNS; run += 1) {
    let data: { complaints: { nodes?: Record<string, unknown>[] } } | undefined;
    const statements = await statementsDuring(api.dataSource, async () => {
      data = await gqlData(api.url, document, variables);
    });
    runs.push({
      nodes: data?.complaints.nodes ?? [],
      readStates: statements.some((sql) => /\bc\.state\b/.test(sql)),
    });
  }
  const [first, ...later] = runs;
  if (!first) throw new Error('The page was not sent.');
  for (const run of later) expect(run).toEqual(first);
  return first;
}

describe('a page of complaints', () => {
  it('asking for the summary alone reads no state, and answers what a page with states does', async () => {
    const summaryOnly = await page(
      `nodes { ${SUMMARY_SELECTION} complainant { name vulnerable } }`,
    );
    const withStates = await page(
      `nodes { ${SUMMARY_SELECTION} complainant { name vulnerable } desiredOutcome }`,
    );
    expect(summaryOnly.readStates).toBe(false);
    expect(withStates.readStates).toBe(true);
    expect(summaryOnly.nodes.length).toBeGreaterThan(200 - 1);
    expect(summaryOnly.nodes).toEqual(
      withStates.nodes.map(({ desiredOutcome: _desiredOutcome, ...rest }) => rest),
    );
  });

  const DEADLINES = 'fragment Deadlines on Complaint { deadlines { dueOn state } }';
  const WITH_ACTIONS = '($withActions: Boolean!)';
  const ACTIONS_IF = 'nodes { id actions @include(if: $withActions) { id } }';

  it.each<[string, boolean, PageQuery]>([
    ['a state field', true, { selection: 'nodes { id deadlines { dueOn } }' }],
    ['a state field through edges', true, { selection: 'edges { node { id stages { number } } }' }],
    [
      'a complainant field the columns lack',
      true,
      { selection: 'nodes { complainant { name email } }' },
    ],
    ['a named fragment', true, { selection: 'nodes { id ...Deadlines }', fragments: DEADLINES }],
    ['an inline fragment', true, { selection: 'nodes { id ... on Complaint { policy { id } } }' }],
    [
      'an alias of a state field',
      true,
      { selection: 'nodes { id due: nextDeadline { explanation } }' },
    ],
    [
      "the next deadline's stored fields (the read model's)",
      false,
      { selection: 'nodes { id next: nextDeadline { dueOn state workingDaysLeft } }' },
    ],
    [
      'a field a variable includes',
      true,
      {
        selection: ACTIONS_IF,
        variableDefinitions: WITH_ACTIONS,
        variables: { withActions: true },
      },
    ],
    [
      'summary fields under aliases',
      false,
      { selection: 'nodes { key: id ref: reference who: complainant { name } }' },
    ],
    ['the events, read by id', false, { selection: 'nodes { id events { version type } }' }],
    [
      'a state field skipped',
      false,
      { selection: 'nodes { id deadlines @skip(if: true) { dueOn } }' },
    ],
    [
      'a field a variable leaves out',
      false,
      {
        selection: ACTIONS_IF,
        variableDefinitions: WITH_ACTIONS,
        variables: { withActions: false },
      },
    ],
    [
      'the count and page info alone',
      false,
      { selection: 'totalCount pageInfo { hasNextPage endCursor }' },
    ],
  ])('with %s: reads the states: %s', async (_case, readsStates, query) => {
    const answer = await page(query);
    expect(answer.readStates).toBe(readsStates);
    // Whichever way it was read, every node carries what was asked (gqlData fails on errors).
    if (query.selection.startsWith('nodes')) expect(answer.nodes.length).toBeGreaterThan(100);
  });
});
