// Putting things right, followed through (Code 6.6, 7.1, 7.3): updates to the resident on
// outstanding actions, the remedies of a response by id, the resident's answer to each, and
// payments of compensation, on an open case or a closed one.
import { describe, expect, it } from 'vitest';
import type {
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  Instant,
} from './complaint.types.js';
import { presetById } from '../policies/presets.js';
import { autoCloseDueOn } from './closing-windows.js';
import { decide } from './decide.js';
import { replay } from './evolve.js';
import {
  accept,
  closed,
  ctx,
  logCommand,
  notWaiting,
  refusal,
  responded,
  stage2Responded,
  withAction,
} from './casework.fixtures.js';

describe('updates to the resident on outstanding actions (Code 6.6, 7.3)', () => {
  const update = (text: string): ComplaintCommand => ({
    type: 'update-on-action',
    actionId: 'A1',
    update: text,
    method: 'phone',
  });

  it('records each update on an open action, in order', () => {
    let state = accept(
      withAction(),
      update('The surveyor visits on Monday.'),
      ctx('2026-11-18T09:00:00Z'),
    );
    state = accept(
      state,
      update('The damp treatment is booked for the 25th.'),
      ctx('2026-11-23T09:00:00Z'),
    );
    expect(state.actions[0]?.updates).toEqual([
      { at: '2026-11-18T09:00:00.000Z', update: 'The surveyor visits on Monday.', method: 'phone' },
      {
        at: '2026-11-23T09:00:00.000Z',
        update: 'The damp treatment is booked for the 25th.',
        method: 'phone',
      },
    ]);
    expect(state.actions[0]?.completedAt).toBeNull();
  });

  it('records an update on an action still open after the case closed', () => {
    const state = closed(withAction(notWaiting), '2026-11-17T09:00:00Z');
    expect(state.status).toBe('closed');
    const next = accept(
      state,
      update('The contractor comes on Friday.'),
      ctx('2026-11-18T09:00:00Z'),
    );
    expect(next.actions[0]?.updates).toHaveLength(1);
    expect(next.status).toBe('closed');
  });

  it('refuses an update on a completed action, or on an action the case does not have', () => {
    const done = accept(
      withAction(),
      { type: 'complete-action', actionId: 'A1' },
      ctx('2026-11-20T09:00:00Z'),
    );
    expect(refusal(done, update('Done.'), ctx('2026-11-21T09:00:00Z'))).toMatchObject({
      code: 'ACTION_ALREADY_COMPLETED',
      field: 'actionId',
    });
    const unknown = refusal(
      withAction(),
      { type: 'update-on-action', actionId: 'A9', update: 'Booked.', method: 'email' },
      ctx('2026-11-18T09:00:00Z'),
    );
    expect(unknown).toMatchObject({ code: 'ACTION_NOT_FOUND', field: 'actionId' });
    expect(unknown.message).toContain('A1');
  });

  it('needs what the resident was told, and how', () => {
    expect(refusal(withAction(), update(' '), ctx('2026-11-18T09:00:00Z'))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'update',
    });
    const pigeon = {
      type: 'update-on-action',
      actionId: 'A1',
      update: 'Booked.',
      method: 'pigeon',
    };
    expect(
      refusal(withAction(), pigeon as unknown as ComplaintCommand, ctx('2026-11-18T09:00:00Z')),
    ).toMatchObject({ code: 'INVALID_COMMAND', field: 'method' });
  });
});

function agree(
  more: Partial<Extract<ComplaintCommand, { type: 'agree-action' }>>,
): ComplaintCommand {
  return {
    type: 'agree-action',
    actionId: 'A2',
    description: 'Send the apology letter',
    owner: 'Complaints team',
    dueOn: '2026-11-20',
    ...more,
  };
}

function pay(amountPence: number, paidOn: string, remedyId = '1.2'): ComplaintCommand {
  return { type: 'pay-remedy', remedyId, amountPence, paidOn };
}

describe('remedies followed through (Code 7.1, 7.3)', () => {
  it('numbers the remedies of a response by stage: 1.1, 1.2, then 2.1 at stage 2', () => {
    const state = stage2Responded();
    expect(state.remedies.map((r) => [r.id, r.stage, r.kind, r.amountPence])).toEqual([
      ['1.1', 1, 'apology', null],
      ['1.2', 1, 'financial-compensation', 15000],
      ['2.1', 2, 'financial-compensation', 5000],
    ]);
    expect(state.remedies[0]).toMatchObject({
      offeredAt: '2026-11-16T15:00:00.000Z',
      answer: null,
      payments: [],
    });
    expect(state.stages.map((s) => s.remedies.map((r) => r.id))).toEqual([['1.1', '1.2'], ['2.1']]);
  });

  it('links an action to the remedy it delivers, taking the remedy’s kind', () => {
    const state = accept(responded(), agree({ remedyId: '1.1' }), ctx('2026-11-16T16:00:00Z'));
    expect(state.actions[0]).toMatchObject({ id: 'A2', remedyId: '1.1', remedy: 'apology' });
    const same = accept(
      responded(),
      agree({ remedyId: '1.1', remedy: 'apology' }),
      ctx('2026-11-16T16:00:00Z'),
    );
    expect(same.actions[0]?.remedyId).toBe('1.1');
    expect(
      accept(responded(), agree({}), ctx('2026-11-16T16:00:00Z')).actions[0]?.remedyId,
    ).toBeNull();
  });

  it('refuses an action of another kind than its remedy, an unknown remedy, and a declined one', () => {
    const wrongKind = refusal(
      responded(),
      agree({ remedyId: '1.1', remedy: 'policy-change' }),
      ctx('2026-11-16T16:00:00Z'),
    );
    expect(wrongKind).toMatchObject({ code: 'INVALID_COMMAND', field: 'remedy' });
    const unknown = refusal(responded(), agree({ remedyId: '1.3' }), ctx('2026-11-16T16:00:00Z'));
    expect(unknown).toMatchObject({ code: 'REMEDY_NOT_FOUND', field: 'remedyId' });
    expect(unknown.message).toContain('1.1, 1.2');
    const asNumber = { ...agree({}), remedyId: 1.2 } as unknown as ComplaintCommand;
    expect(refusal(responded(), asNumber, ctx('2026-11-16T16:00:00Z'))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'remedyId',
    });
    const declined = accept(
      responded(),
      { type: 'answer-remedy', remedyId: '1.1', answer: 'declined' },
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(
      refusal(declined, agree({ remedyId: '1.1' }), ctx('2026-11-17T10:00:00Z')),
    ).toMatchObject({
      code: 'REMEDY_DECLINED',
      field: 'remedyId',
    });
  });

  it('records the resident accepting or declining each remedy, once', () => {
    let state = accept(
      responded(),
      { type: 'answer-remedy', remedyId: '1.1', answer: 'accepted', note: 'Thanked us by phone.' },
      ctx('2026-11-17T09:00:00Z'),
    );
    state = accept(
      state,
      { type: 'answer-remedy', remedyId: '1.2', answer: 'declined' },
      ctx('2026-11-17T10:00:00Z'),
    );
    expect(state.remedies.map((r) => r.answer)).toEqual([
      { answer: 'accepted', at: '2026-11-17T09:00:00.000Z', note: 'Thanked us by phone.' },
      { answer: 'declined', at: '2026-11-17T10:00:00.000Z', note: null },
    ]);
    const twice = refusal(
      state,
      { type: 'answer-remedy', remedyId: '1.1', answer: 'declined' },
      ctx('2026-11-18T09:00:00Z'),
    );
    expect(twice).toMatchObject({ code: 'REMEDY_ALREADY_ANSWERED', field: 'remedyId' });
    expect(
      refusal(
        state,
        { type: 'answer-remedy', remedyId: '2.1', answer: 'accepted' },
        ctx('2026-11-18T09:00:00Z'),
      ).code,
    ).toBe('REMEDY_NOT_FOUND');
    const maybe = {
      type: 'answer-remedy',
      remedyId: '1.1',
      answer: 'maybe',
    } as unknown as ComplaintCommand;
    expect(refusal(responded(), maybe, ctx('2026-11-18T09:00:00Z'))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'answer',
    });
  });

  it('pays compensation in parts that add up to no more than was offered (Code 7.1)', () => {
    let state = accept(responded(), pay(10000, '2026-11-16'), ctx('2026-11-17T09:00:00Z'));
    state = accept(state, pay(5000, '2026-11-17'), ctx('2026-11-17T10:00:00Z'));
    expect(state.remedies[1]?.payments).toEqual([
      { amountPence: 10000, paidOn: '2026-11-16', at: '2026-11-17T09:00:00.000Z' },
      { amountPence: 5000, paidOn: '2026-11-17', at: '2026-11-17T10:00:00.000Z' },
    ]);
    const over = refusal(state, pay(1, '2026-11-18'), ctx('2026-11-18T09:00:00Z'));
    expect(over).toMatchObject({ code: 'PAYMENT_OVER_REMEDY', field: 'amountPence' });
    expect(over.message).toContain('£150.00');
    const atOnce = refusal(responded(), pay(15001, '2026-11-17'), ctx('2026-11-17T09:00:00Z'));
    expect(atOnce.code).toBe('PAYMENT_OVER_REMEDY');
  });

  it('pays only compensation, in whole pence, dated from the offer to the day it is recorded', () => {
    const apology = refusal(
      responded(),
      pay(100, '2026-11-17', '1.1'),
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(apology).toMatchObject({ code: 'REMEDY_NOT_PAYABLE', field: 'remedyId' });
    const atNow = ctx('2026-11-17T09:00:00Z');
    expect(refusal(responded(), pay(100, '2026-11-15'), atNow)).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'paidOn',
    });
    expect(refusal(responded(), pay(100, '2026-11-18'), atNow)).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'paidOn',
    });
    expect(refusal(responded(), pay(100, '2026-11-31'), atNow)).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'paidOn',
    });
    for (const amount of [0, -5, 12.5]) {
      expect(refusal(responded(), pay(amount, '2026-11-17'), atNow)).toMatchObject({
        code: 'INVALID_COMMAND',
        field: 'amountPence',
      });
    }
    expect(refusal(responded(), pay(100, '2026-11-17', '9.9'), atNow).code).toBe(
      'REMEDY_NOT_FOUND',
    );
  });

  it('refuses to pay compensation the resident declined', () => {
    const state = accept(
      responded(),
      { type: 'answer-remedy', remedyId: '1.2', answer: 'declined' },
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(refusal(state, pay(100, '2026-11-17'), ctx('2026-11-17T10:00:00Z'))).toMatchObject({
      code: 'REMEDY_DECLINED',
      field: 'remedyId',
    });
  });

  it('follows remedies through after the case closed (Code 7.3): answered, paid, stage 2’s too', () => {
    // Under a policy that lets a case close before its remedies are delivered.
    let state = closed(responded(notWaiting), '2026-11-17T09:00:00Z');
    state = accept(
      state,
      { type: 'answer-remedy', remedyId: '1.2', answer: 'accepted' },
      ctx('2026-11-18T09:00:00Z'),
    );
    state = accept(state, pay(15000, '2026-11-18'), ctx('2026-11-18T10:00:00Z'));
    expect(state.status).toBe('closed');
    expect(state.remedies[1]?.payments).toHaveLength(1);
    let stage2 = closed(stage2Responded(notWaiting), '2026-12-01T09:00:00Z');
    stage2 = accept(stage2, pay(5000, '2026-12-01', '2.1'), ctx('2026-12-01T10:00:00Z'));
    expect(stage2.remedies[2]?.payments[0]?.amountPence).toBe(5000);
  });

  it('Code 7.3: refuses to close while compensation offered is unpaid, naming each remedy and amount', () => {
    const unpaid = refusal(responded(), { type: 'close' }, ctx('2026-11-17T09:00:00Z'));
    expect(unpaid.code).toBe('CLOSE_WITH_REMEDY_UNPAID');
    expect(unpaid.message).toContain('Remedy 1.2 (£150.00 of compensation) is unpaid.');
    expect(unpaid.message).toContain('Code 7.3');
    expect(unpaid.message).toMatch(/record the payment, or that the resident declined it/);
    const both = refusal(stage2Responded(), { type: 'close' }, ctx('2026-12-01T09:00:00Z'));
    expect(both.code).toBe('CLOSE_WITH_REMEDY_UNPAID');
    expect(both.message).toContain(
      'Remedies 1.2 (£150.00 of compensation), 2.1 (£50.00 of compensation) are unpaid.',
    );
  });

  it('Code 7.3: closes once the compensation is paid in full', () => {
    const paid = accept(responded(), pay(15000, '2026-11-17'), ctx('2026-11-17T09:00:00Z'));
    const state = closed(paid, '2026-11-17T09:30:00Z');
    expect(state).toMatchObject({ status: 'closed', closeReason: 'resolved' });
  });

  it('Code 7.3: closes once the resident declines the compensation', () => {
    const declined = accept(
      responded(),
      { type: 'answer-remedy', remedyId: '1.2', answer: 'declined' },
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(closed(declined, '2026-11-17T09:30:00Z').status).toBe('closed');
  });

  it('Code 7.3: refuses to close after a part payment, saying how much is paid', () => {
    let state = accept(responded(), pay(5000, '2026-11-17'), ctx('2026-11-17T09:00:00Z'));
    const part = refusal(state, { type: 'close' }, ctx('2026-11-17T09:30:00Z'));
    expect(part.code).toBe('CLOSE_WITH_REMEDY_UNPAID');
    expect(part.message).toContain('Remedy 1.2 (£150.00 of compensation, £50.00 paid) is unpaid.');
    state = accept(state, pay(10000, '2026-11-18'), ctx('2026-11-18T09:00:00Z'));
    expect(closed(state, '2026-11-18T09:30:00Z').status).toBe('closed');
  });

  it('closes with compensation unpaid under a policy that does not wait for remedies', () => {
    expect(notWaiting.closing.requireActionsComplete).toBe(false);
    const state = closed(responded(notWaiting), '2026-11-17T09:00:00Z');
    expect(state.status).toBe('closed');
    expect(state.remedies[1]?.payments).toEqual([]);
  });

  it('Code 7.3: under seed 000, closes automatically only once the compensation is paid', () => {
    // Answered Mon 16 Nov 2026: the resident has until Mon 14 Dec to ask for stage 2.
    const seed000 = presetById('seed-000');
    if (!seed000) throw new Error('no preset seed-000');
    const redress = { kind: 'system', id: 'redress' } as const;
    const state = responded(seed000);
    expect(autoCloseDueOn(state)).toBeNull();
    const waiting = refusal(
      state,
      { type: 'auto-close' },
      ctx('2026-12-15T09:00:00Z', { actor: redress }),
    );
    expect(waiting.code).toBe('AUTO_CLOSE_NOT_DUE');
    expect(waiting.message).toContain('Remedy 1.2 (£150.00 of compensation) is unpaid.');
    expect(waiting.message).toContain('Code 7.3');
    const settled = accept(state, pay(15000, '2026-12-15'), ctx('2026-12-15T10:00:00Z'));
    expect(autoCloseDueOn(settled)).toBe('2026-12-15');
    const ended = accept(
      settled,
      { type: 'auto-close' },
      ctx('2026-12-15T10:30:00Z', { actor: redress }),
    );
    expect(ended).toMatchObject({
      status: 'closed',
      closeReason: 'escalation-window-lapsed',
    });
  });

  it('numbers the remedies of a history recorded before they had ids as decide does now', () => {
    const history: ComplaintEvent[] = [];
    let state: ComplaintState | null = null;
    const steps: [ComplaintCommand, Instant][] = [
      [logCommand(), '2026-11-06T09:30:00Z'],
      [{ type: 'acknowledge' }, '2026-11-09T09:00:00Z'],
      [
        {
          type: 'respond',
          outcome: 'upheld',
          findings: 'Missed visits.',
          remedies: [
            { kind: 'apology', description: 'Sorry.' },
            { kind: 'financial-compensation', description: 'Delay', amountPence: 2000 },
          ],
        },
        '2026-11-16T09:00:00Z',
      ],
    ];
    for (const [command, now] of steps) {
      const result = decide(state, command, ctx(now));
      if (!result.ok) throw new Error(result.error.message);
      history.push(...result.value);
      state = replay(history);
    }
    const old = history.map((event) =>
      event.type === 'complaint-responded'
        ? { ...event, remedies: event.remedies.map(({ id: _id, ...rest }) => rest) }
        : event,
    );
    expect(
      old.some((e) => e.type === 'complaint-responded' && e.remedies.every((r) => !('id' in r))),
    ).toBe(true);
    const fromOld = replay(old);
    expect(fromOld?.remedies).toEqual(state?.remedies);
    expect(fromOld?.stages[0]?.remedies.map((r) => r.id)).toEqual(['1.1', '1.2']);
    expect(
      accept(fromOld, pay(2000, '2026-11-16'), ctx('2026-11-16T10:00:00Z')).remedies[1]?.payments,
    ).toHaveLength(1);
  });
});
