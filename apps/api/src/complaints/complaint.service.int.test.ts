import type { Actor, ComplaintState } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import {
  createPgPubSub,
  type ComplaintEventPayload,
  type PgPubSub,
} from '../database/pg-pubsub.js';
import { ConflictError, NotFoundError, PolicyRefusedError } from '../errors/app-errors.js';
import { createServices, type Services } from '../services.js';
import { collect, settle } from '../test/async-collect.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import type { LogComplaintInput } from './complaint.service.js';
import { principalFor, READER } from '../test/test-principals.js';

const handler: Actor = { kind: 'user', id: 'h.jones', name: 'Hannah Jones' };
/** Stage 2 is considered by someone who took no part in stage 1 (Code 6.13). */
const reviewer: Actor = { kind: 'user', id: 'm.patel', name: 'Mo Patel' };
/** The resident told by email on the clock's day, with the Ombudsman's details. */
const told = { toldOn: '2026-03-10', method: 'email', ombudsmanDetailsGiven: true } as const;

// Tuesday 10 March 2026, 10:00 in London (GMT).
const clock = fixedClock('2026-03-10T10:00:00Z');

function complaint(overrides: Partial<LogComplaintInput> = {}): LogComplaintInput {
  return {
    receivedAt: '2026-03-09T09:15:00Z',
    channel: 'phone',
    complainant: {
      name: 'Aisha Rahman',
      type: 'tenant',
      preferredContact: 'email',
      vulnerable: false,
    },
    representative: null,
    summary: 'Damp and mould in the back bedroom, reported three times since November.',
    desiredOutcome: 'Treat the mould and fix the cause',
    category: 'damp-and-mould',
    tenure: 'lcra',
    serviceRequestId: null,
    ...overrides,
  };
}

describe('ComplaintService', () => {
  let db: TestDatabase;
  let pubsub: PgPubSub;
  let services: Services;

  beforeAll(async () => {
    db = await createTestDatabase();
    pubsub = createPgPubSub(db.dataSource, db.listener);
    await pubsub.ready;
    services = createServices(db.dataSource, { clock, pubsub });
  });

  afterAll(async () => {
    await pubsub?.close();
    await db?.close();
  });

  async function stored(id: string) {
    const [row] = (await db.dataSource.query(
      'SELECT version, status, stage, assignee, next_due_on, next_due_kind, stage1_outcome, open_actions, closed_at FROM complaint WHERE id = $1',
      [id],
    )) as Array<Record<string, unknown>>;
    const events = (await db.dataSource.query(
      'SELECT version, type, actor_id FROM complaint_event WHERE complaint_id = $1 ORDER BY version',
      [id],
    )) as Array<{ version: number; type: string; actor_id: string }>;
    const deadlines = (await db.dataSource.query(
      'SELECT stage, kind, due_on, met_at IS NOT NULL AS met FROM complaint_deadline WHERE complaint_id = $1 ORDER BY stage, kind',
      [id],
    )) as Array<{ stage: number; kind: string; due_on: string; met: boolean }>;
    return { row, events, deadlines };
  }

  async function expectConsistent(state: ComplaintState) {
    const { row, events } = await stored(state.id);
    expect(row?.version).toBe(state.version);
    expect(row?.status).toBe(state.status);
    expect(events.map((e) => e.version)).toEqual(
      Array.from({ length: state.version }, (_, i) => i + 1),
    );
  }

  it('logs a complaint: one event, the read model, its deadlines and a reference', async () => {
    const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
    expect(state.reference).toMatch(/^CMP-2026-\d{6}$/);
    expect(state.version).toBe(1);
    const { row, events, deadlines } = await stored(state.id);
    expect(events).toEqual([{ version: 1, type: 'complaint-logged', actor_id: 'h.jones' }]);
    expect(row).toMatchObject({ status: 'received', stage: 1, next_due_kind: 'acknowledge' });
    // Received Monday 9 March: 5 working days -> Monday 16 March.
    expect(deadlines).toEqual([
      { stage: 1, kind: 'acknowledge', due_on: '2026-03-16', met: false },
      expect.objectContaining({ stage: 1, kind: 'respond', met: false }),
    ]);
    expect(row?.next_due_on).toBe('2026-03-16');
    expect((await services.complaints.findByReference(READER, state.reference))?.state.id).toBe(
      state.id,
    );
  });

  it('persists every step of a two-stage case, events and read model together', async () => {
    const logged = await services.complaints.log(complaint(), { by: principalFor(handler) });
    const id = logged.state.id;
    const run = async (
      command: Parameters<Services['complaints']['execute']>[1],
      actor: Actor = handler,
    ) => {
      const before = (await services.complaints.findById(READER, id))?.state.version ?? 0;
      const { state } = await services.complaints.execute(id, command, {
        by: principalFor(actor),
        expectedVersion: before,
      });
      await expectConsistent(state);
      return state;
    };

    await run({ type: 'assign', handler: 'h.jones' });
    expect((await run({ type: 'acknowledge' })).status).toBe('acknowledged');
    await run({
      type: 'extend',
      workingDays: 5,
      reason: 'Waiting for a damp survey',
      notice: told,
    });
    expect((await stored(id)).row).toMatchObject({ next_due_kind: 'respond' });
    await run({
      type: 'respond',
      outcome: 'upheld',
      findings: 'Repairs were missed twice.',
      remedies: [{ kind: 'apology', description: 'We are sorry.' }],
    });
    expect((await stored(id)).row).toMatchObject({
      status: 'responded',
      stage1_outcome: 'upheld',
      next_due_on: null,
    });
    await run({
      type: 'agree-action',
      actionId: 'a1',
      description: 'Mould wash and anti-mould paint',
      owner: 'repairs',
      dueOn: '2026-03-20',
    });
    expect((await stored(id)).row).toMatchObject({ open_actions: 1 });
    await run({ type: 'complete-action', actionId: 'a1', note: 'Done' });
    expect(
      (await run({ type: 'request-escalation', reason: 'The cause was not fixed' })).stage,
    ).toBe(2);
    await run({ type: 'assign', handler: 'm.patel' });
    await run({ type: 'acknowledge' }, reviewer);
    await run({ type: 'respond', outcome: 'partly-upheld', findings: 'Survey done.' }, reviewer);
    await run({ type: 'refer-to-ombudsman', reference: 'HOS-202603-0042' });
    const state = await run({ type: 'close' });
    expect(state.status).toBe('closed');
    const { row, deadlines } = await stored(id);
    expect(row).toMatchObject({ status: 'closed', stage: 2, assignee: 'm.patel', open_actions: 0 });
    expect(row?.closed_at).toBeInstanceOf(Date);
    expect(deadlines.map((d) => [d.stage, d.kind, d.met])).toEqual([
      [1, 'acknowledge', true],
      [1, 'respond', true],
      [2, 'acknowledge', true],
      [2, 'respond', true],
    ]);

    const events = (await services.complaints.eventsFor([id])).get(id) ?? [];
    expect(events.map((e) => e.type)).toEqual([
      'complaint-logged',
      'complaint-assigned',
      'complaint-acknowledged',
      'response-deadline-extended',
      'complaint-responded',
      'action-agreed',
      'action-completed',
      'escalation-requested',
      'complaint-assigned',
      'complaint-acknowledged',
      'complaint-responded',
      'referred-to-ombudsman',
      'complaint-closed',
    ]);
    expect(events[0]?.actor).toEqual(handler);
    expect(Number(events[1]?.position)).toBeGreaterThan(Number(events[0]?.position));
  });

  it('refuses a stale expectedVersion with the current version, and writes nothing', async () => {
    const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
    await services.complaints.execute(
      state.id,
      { type: 'acknowledge' },
      { by: principalFor(handler), expectedVersion: 1 },
    );
    const attempt = services.complaints.execute(
      state.id,
      { type: 'assign', handler: 'someone' },
      { by: principalFor(handler), expectedVersion: 1 },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ currentVersion: 2 });
    expect((await stored(state.id)).events).toHaveLength(2);
  });

  it('lets only one of two writers at the same version through', async () => {
    const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
    const results = await Promise.allSettled([
      services.complaints.execute(
        state.id,
        { type: 'assign', handler: 'a' },
        { by: principalFor(handler), expectedVersion: 1 },
      ),
      services.complaints.execute(
        state.id,
        { type: 'assign', handler: 'b' },
        { by: principalFor(handler), expectedVersion: 1 },
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConflictError);
    expect((await stored(state.id)).events).toHaveLength(2);
  });

  it('writes nothing when the domain refuses a step', async () => {
    const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
    const attempt = services.complaints.execute(
      state.id,
      { type: 'close' },
      { by: principalFor(handler) },
    );
    await expect(attempt).rejects.toBeInstanceOf(PolicyRefusedError);
    await expect(attempt).rejects.toMatchObject({ refusal: { code: 'CLOSE_BEFORE_RESPONSE' } });
    const after = await stored(state.id);
    expect(after.events).toHaveLength(1);
    expect(after.row?.version).toBe(1);
  });

  it('says which complaint or policy was not found', async () => {
    await expect(
      services.complaints.execute(
        '00000000-0000-4000-8000-000000000000',
        { type: 'acknowledge' },
        { by: principalFor(handler) },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      services.complaints.execute(
        'not-a-uuid',
        { type: 'acknowledge' },
        { by: principalFor(handler) },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      services.complaints.log(complaint(), {
        by: principalFor(handler),
        policyId: 'no-such-policy',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('ends cases by withdrawal and refusal, clearing what is due', async () => {
    const a = await services.complaints.log(complaint(), { by: principalFor(handler) });
    const withdrawn = await services.complaints.execute(
      a.state.id,
      { type: 'withdraw', reason: 'Resolved by the repair' },
      { by: principalFor(handler) },
    );
    expect(withdrawn.state.status).toBe('withdrawn');
    expect((await stored(a.state.id)).row).toMatchObject({
      status: 'withdrawn',
      next_due_on: null,
    });
    expect((await stored(a.state.id)).deadlines).toEqual([]);

    const b = await services.complaints.log(complaint(), { by: principalFor(handler) });
    const refused = await services.complaints.execute(
      b.state.id,
      {
        type: 'refuse',
        reason: 'legal-proceedings',
        explanation: 'A disrepair claim has been issued about the same damp.',
        notice: told,
      },
      { by: principalFor(handler) },
    );
    expect(refused.state.status).toBe('refused');
    await expectConsistent(refused.state);
  });

  describe('list', () => {
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (const [i, category] of ['repairs', 'anti-social-behaviour', 'repairs'].entries()) {
        const { state } = await services.complaints.log(
          complaint({
            category,
            receivedAt: `2026-02-0${i + 2}T10:00:00Z`,
            complainant: { name: `Listed Person ${i}`, type: 'tenant' },
            summary: i === 1 ? 'Noise from the flat above every night' : 'Boiler broken again',
          }),
          { by: principalFor(handler) },
        );
        ids.push(state.id);
      }
    });

    it('filters by the keys given, and counts the whole match with the page', async () => {
      const page = await services.complaints.list(
        READER,
        { category: 'repairs', receivedTo: '2026-02-28' },
        { field: 'receivedAt', direction: 'asc' },
        { first: 1 },
      );
      expect((await page.count()).count).toBe(2);
      expect(page.nodes.map((n) => n.summary.id)).toEqual([ids[0]]);
      expect(page.hasNextPage).toBe(true);
      const next = await services.complaints.list(
        READER,
        { category: 'repairs', receivedTo: '2026-02-28' },
        { field: 'receivedAt', direction: 'asc' },
        { first: 1, after: page.endCursor ?? '' },
      );
      expect(next.nodes.map((n) => n.summary.id)).toEqual([ids[2]]);
      expect((await next.count()).count).toBe(2);
      expect(next.hasNextPage).toBe(false);
      expect(next.hasPreviousPage).toBe(true);
      const byOffset = await services.complaints.list(
        READER,
        { category: 'repairs', receivedTo: '2026-02-28' },
        { field: 'receivedAt', direction: 'asc' },
        { first: 5, offset: 1 },
      );
      expect(byOffset.nodes.map((n) => n.summary.id)).toEqual([ids[2]]);
    });

    it('finds words and word beginnings in names, summaries and references', async () => {
      const byWords = await services.complaints.list(
        READER,
        { text: 'noise flat' },
        { field: 'receivedAt', direction: 'desc' },
        { first: 10 },
      );
      expect(byWords.nodes.map((n) => n.summary.id)).toEqual([ids[1]]);
      const byPrefix = await services.complaints.list(
        READER,
        { text: 'listed pers' },
        { field: 'reference', direction: 'asc' },
        { first: 10 },
      );
      expect((await byPrefix.count()).count).toBe(3);
      const reference =
        (await services.complaints.findById(READER, ids[0] ?? ''))?.state.reference ?? '';
      const byReference = await services.complaints.list(
        READER,
        { text: reference.toLowerCase() },
        { field: 'receivedAt', direction: 'desc' },
        { first: 10 },
      );
      expect(byReference.nodes.map((n) => n.summary.id)).toEqual([ids[0]]);
    });

    it('knows what is overdue on today’s London date, and what is due before a day', async () => {
      const overdue = await services.complaints.list(
        READER,
        { overdue: true },
        { field: 'nextDueOn', direction: 'asc' },
        { first: 200 },
      );
      // Received on 2, 3 and 4 February and never acknowledged: the acknowledgements fell due
      // on 9, 10 and 11 February (5 working days), so by 10 March all three are overdue.
      expect(overdue.nodes.map((n) => n.summary.id)).toEqual(expect.arrayContaining(ids));
      for (const node of overdue.nodes) expect(node.summary.status).not.toBe('closed');
      // ... and all three fell due before the 12th.
      const dueSoon = await services.complaints.list(
        READER,
        { dueBefore: '2026-02-12', status: ['received'] },
        { field: 'nextDueOn', direction: 'asc' },
        { first: 200 },
      );
      expect(dueSoon.nodes.map((n) => n.summary.id)).toEqual(ids);
    });

    it('pages through everything in order with cursors, whatever the order field', async () => {
      for (const field of ['receivedAt', 'nextDueOn', 'reference', 'updatedAt'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const all = await services.complaints.list(
            READER,
            {},
            { field, direction },
            { first: 200 },
          );
          const seen: string[] = [];
          let after: string | undefined;
          for (;;) {
            const page = await services.complaints.list(
              READER,
              {},
              { field, direction },
              {
                first: 2,
                ...(after ? { after } : {}),
              },
            );
            seen.push(...page.nodes.map((n) => n.summary.id));
            if (!page.hasNextPage) break;
            after = page.endCursor ?? undefined;
          }
          expect(seen).toEqual(all.nodes.map((n) => n.summary.id));
          expect((await all.count()).count).toBe(seen.length);
        }
      }
    });

    it('fetches the events of many cases in one call', async () => {
      const events = await services.complaints.eventsFor([...ids, 'not-a-uuid']);
      for (const id of ids) expect(events.get(id)?.map((e) => e.version)).toEqual([1]);
      expect(events.get('not-a-uuid')).toEqual([]);
    });
  });

  describe('NOTIFY', () => {
    it('a subscriber hears the events of a committed write, in order', async () => {
      const heard = collect(pubsub.subscribe('COMPLAINT_EVENT'));
      try {
        const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
        await services.complaints.execute(
          state.id,
          { type: 'acknowledge' },
          { by: principalFor(handler) },
        );
        await heard.until((items) => items.filter((e) => e.complaintId === state.id).length === 2);
        const mine = heard.items.filter((e: ComplaintEventPayload) => e.complaintId === state.id);
        expect(mine.map((e) => [e.version, e.type])).toEqual([
          [1, 'complaint-logged'],
          [2, 'complaint-acknowledged'],
        ]);
      } finally {
        await heard.stop();
      }
    });

    it('a subscriber hears nothing of a write that rolled back or was refused', async () => {
      const heard = collect(pubsub.subscribe('COMPLAINT_EVENT'));
      try {
        const { state } = await services.complaints.log(complaint(), { by: principalFor(handler) });
        await heard.until((items) => items.some((e) => e.complaintId === state.id));
        const rolledBack = db.dataSource.transaction(async (manager) => {
          await pubsub.notify(manager, 'COMPLAINT_EVENT', [
            {
              complaintId: state.id,
              version: 99,
              type: 'complaint-closed',
              position: '0',
              at: clock.now().toISOString(),
            },
          ]);
          throw new Error('roll back');
        });
        await expect(rolledBack).rejects.toThrow('roll back');
        await expect(
          services.complaints.execute(state.id, { type: 'close' }, { by: principalFor(handler) }),
        ).rejects.toBeInstanceOf(PolicyRefusedError);
        await services.complaints.execute(
          state.id,
          { type: 'acknowledge' },
          { by: principalFor(handler) },
        );
        await heard.until((items) =>
          items.some((e) => e.complaintId === state.id && e.version === 2),
        );
        await settle();
        expect(heard.items.filter((e) => e.complaintId === state.id).map((e) => e.version)).toEqual(
          [1, 2],
        );
      } finally {
        await heard.stop();
      }
    });
  });
});
