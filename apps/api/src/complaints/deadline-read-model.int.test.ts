// A list page shows each case's next deadline from the read model (complaint.next_due_*), its
// state and working days left judged by the domain in the stage policy's calendar, without
// reading or folding the case's state. Those figures must be the ones the domain's derivation
// from the state gives, on any day: here over the demo data, on days either side of weekends,
// the Christmas bank holidays (25, 26 and 28 Dec 2026) and Easter 2027 (26 and 29 Mar), and at
// either end of a London day in winter and in summer time.
import {
  DEADLINE_STATE_LABELS,
  type ComplaintState,
  type DeadlineState,
  type LocalDate,
} from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/demo-data.js';
import { gqlData } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { READER } from '../test/test-principals.js';
import { fillNextDeadlines } from '../database/migrations/1764720000000-deadline-read-model.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-20T14:30:00Z' });
  await loadDemoData(api.services, api.clock);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const FIELDS = `stage kind dueOn provisional state stateLabel metAt metOn stoppedAt
  workingDaysLeft extendedBy`;

interface Figures {
  readonly stage: number;
  readonly kind: string;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
  readonly state: string;
  readonly stateLabel: string;
  readonly metAt: string | null;
  readonly metOn: LocalDate | null;
  readonly stoppedAt: string | null;
  readonly workingDaysLeft: number | null;
  readonly extendedBy: number;
}

interface Node {
  readonly reference: string;
  readonly nextDeadline: Figures | null;
}

/** Every case's next deadline as a list page serves it, and whether a page read any state. */
async function servedPages(): Promise<{ nodes: Node[]; readStates: boolean }> {
  const nodes: Node[] = [];
  let readStates = false;
  let after: string | null = null;
  for (;;) {
    let data:
      | {
          complaints: {
            nodes: Node[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }
      | undefined;
    const statements = await statementsDuring(api.dataSource, async () => {
      data = await gqlData(
        api.url,
        `query ($after: String) {
          complaints(first: 200, after: $after, orderBy: { field: RECEIVED_AT, direction: ASC }) {
            nodes { reference nextDeadline { ${FIELDS} } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { after },
      );
    });
    readStates ||= statements.some((sql) => /\bc\.state\b/.test(sql));
    if (!data) throw new Error('No page came back.');
    nodes.push(...data.complaints.nodes);
    if (!data.complaints.pageInfo.hasNextPage) return { nodes, readStates };
    after = data.complaints.pageInfo.endCursor;
  }
}

/** Every case's state, read through the service. */
async function everyState(): Promise<ComplaintState[]> {
  const states: ComplaintState[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await api.services.complaints.list(
      READER,
      {},
      { field: 'receivedAt', direction: 'asc' },
      { first: 200, withState: true, ...(after ? { after } : {}) },
    );
    for (const node of page.nodes) {
      if (!node.state) throw new Error(`${node.summary.reference} came without its state`);
      states.push(node.state);
    }
    if (!page.hasNextPage || page.endCursor === null) return states;
    after = page.endCursor;
  }
}

/** The domain's answer: derive every deadline from the state, judge it now, take the earliest open. */
function derivedNext(state: ComplaintState): Figures | null {
  const open = api.services.complaints
    .deadlinesOf(state)
    .filter((d) => d.metAt === null && d.stoppedAt === null)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const next = open[0];
  if (!next) return null;
  return {
    stage: next.stage,
    kind: next.kind.toUpperCase(),
    dueOn: next.dueOn,
    provisional: next.provisional,
    state: next.state.toUpperCase().replaceAll('-', '_'),
    stateLabel: DEADLINE_STATE_LABELS[next.state],
    metAt: next.metAt,
    metOn: next.metOn,
    stoppedAt: next.stoppedAt,
    workingDaysLeft: next.workingDaysLeft,
    extendedBy: next.extendedBy,
  };
}

// Instants, each a "today" in London: before, on and after the Christmas and Easter bank
// holidays, over weekends, and near midnight in GMT and in BST.
const TODAYS = [
  '2026-11-20T14:30:00Z', // Fri
  '2026-11-22T10:00:00Z', // Sun
  '2026-11-23T09:00:00Z', // Mon
  '2026-11-24T09:00:00Z', // Tue
  '2026-12-23T23:59:00Z', // Wed, late: still the 23rd in London (GMT)
  '2026-12-24T00:00:30Z', // Thu, the 24th
  '2026-12-25T12:00:00Z', // Christmas Day
  '2026-12-26T12:00:00Z', // Sat, Boxing Day
  '2026-12-28T09:00:00Z', // Mon, Boxing Day's substitute
  '2026-12-29T09:00:00Z', // Tue, the first working day after
  '2027-03-25T16:00:00Z', // Thu before Good Friday
  '2027-03-26T12:00:00Z', // Good Friday
  '2027-03-29T12:00:00Z', // Easter Monday (in BST)
  '2027-03-29T23:30:00Z', // 00:30 on Tue 30 Mar in London
];

describe('the next deadline of a list page, from the read model', () => {
  it.each(TODAYS)('is the domain derivation, figure for figure, at %s', async (now) => {
    api.clock.set(now);
    const [served, states] = [await servedPages(), await everyState()];
    // Served from the columns: no page read a state.
    expect(served.readStates).toBe(false);
    const derived = new Map(states.map((s) => [s.reference, derivedNext(s)]));
    expect(served.nodes.length).toBe(states.length);
    expect(served.nodes.length).toBeGreaterThan(300);
    const differing = served.nodes.filter(
      (node) => JSON.stringify(node.nextDeadline) !== JSON.stringify(derived.get(node.reference)),
    );
    expect(
      differing.map((node) => ({
        reference: node.reference,
        served: node.nextDeadline,
        derived: derived.get(node.reference),
      })),
    ).toEqual([]);
    // The comparison covers the states that matter on such a day, or it proves little.
    const seen = new Set<DeadlineState | string>(
      served.nodes.flatMap((n) => (n.nextDeadline ? [n.nextDeadline.state] : [])),
    );
    expect(seen.has('OVERDUE')).toBe(true);
    expect(served.nodes.some((n) => n.nextDeadline === null)).toBe(true);
  });

  it('covers every state over the days compared, extensions and stage 2 among them', async () => {
    // Which states a day shows depends on the demo's dates; over the days compared, each must.
    const states = new Set<string>();
    let extended = false;
    let atStage2 = false;
    for (const today of TODAYS) {
      api.clock.set(today);
      const { nodes } = await servedPages();
      for (const n of nodes) if (n.nextDeadline) states.add(n.nextDeadline.state);
      extended ||= nodes.some((n) => (n.nextDeadline?.extendedBy ?? 0) > 0);
      atStage2 ||= nodes.some((n) => n.nextDeadline?.stage === 2);
    }
    expect([...states].sort()).toEqual(['DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'PENDING']);
    expect(extended).toBe(true);
    expect(atStage2).toBe(true);
  });

  it("reads the states when a page asks for the next deadline's explanation, and explains it as the domain does", async () => {
    api.clock.set(TODAYS[6] as string);
    let data: { complaints: { nodes: { reference: string; nextDeadline: unknown }[] } } | undefined;
    const statements = await statementsDuring(api.dataSource, async () => {
      data = await gqlData(
        api.url,
        `{ complaints(first: 200, orderBy: { field: NEXT_DUE_ON, direction: ASC }) {
            nodes { reference nextDeadline { dueOn state explanation skippedDays { date kind title } } }
          } }`,
      );
    });
    expect(statements.some((sql) => /\bc\.state\b/.test(sql))).toBe(true);
    const nodes = data?.complaints.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(100);
    for (const node of nodes.slice(0, 40)) {
      const record = await api.services.complaints.findByReference(READER, node.reference);
      if (!record) throw new Error(`${node.reference} not found`);
      const next = derivedNext(record.state);
      const deadline = api.services.complaints
        .deadlinesOf(record.state)
        .find((d) => d.stage === next?.stage && d.kind.toUpperCase() === next?.kind);
      expect(node.nextDeadline).toEqual(
        deadline
          ? {
              dueOn: deadline.dueOn,
              state: deadline.state.toUpperCase().replaceAll('-', '_'),
              explanation: deadline.explanation.text,
              skippedDays: deadline.explanation.skipped.map(({ date, kind, title }) => ({
                date,
                kind: kind.toUpperCase().replaceAll('-', '_'),
                title,
              })),
            }
          : null,
      );
    }
  });
});

describe('the migration that adds the next deadline to the read model', () => {
  it('fills the rows written before it as the write path writes them', async () => {
    const COLUMNS = `id, next_due_on::text, next_due_kind, next_due_stage, next_due_provisional,
      next_due_extended_by, next_due_policy_id, next_due_policy_version`;
    const written: unknown[] = await api.dataSource.query(
      `SELECT ${COLUMNS} FROM complaint ORDER BY id`,
    );
    const runner = api.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(
        `UPDATE complaint SET next_due_provisional = NULL, next_due_extended_by = NULL,
                next_due_policy_id = NULL, next_due_policy_version = NULL`,
      );
      await fillNextDeadlines(runner);
      const filled: unknown[] = await runner.query(`SELECT ${COLUMNS} FROM complaint ORDER BY id`);
      expect(filled).toEqual(written);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
