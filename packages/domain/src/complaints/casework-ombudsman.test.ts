// The ombudsman's side: a referral (the Housing Ombudsman, or per seed 003 the Local Government
// and Social Care Ombudsman), its determination with findings, orders and recommendations, and
// the landlord's compliance with each, all of it also once the case has ended.
import { describe, expect, it } from 'vitest';
import { presetById } from '../policies/presets.js';
import type { ComplaintCommand, ComplaintState } from './complaint.types.js';
import {
  accept,
  closed,
  ctx,
  logged,
  notice,
  paid,
  refusal,
  responded,
} from './casework.fixtures.js';

const determination = {
  type: 'record-determination',
  reference: 'HOS-2026-123',
  determinedOn: '2026-12-14',
  findings: ['maladministration', 'service-failure'],
  summary: 'The landlord delayed the damp treatment unreasonably.',
  orders: [
    { orderId: 'O1', kind: 'order', description: 'Pay £300 compensation.', dueOn: '2027-01-11' },
    {
      orderId: 'R1',
      kind: 'recommendation',
      description: 'Review the damp policy.',
      dueOn: '2027-03-01',
    },
  ],
} as const satisfies ComplaintCommand;

/** Answered on Mon 16 Nov, the £150 paid the next morning, then closed (Code 7.3). */
function closedPaid(): ComplaintState {
  return closed(paid(responded(), '2026-11-17', '2026-11-17T08:30:00Z'), '2026-11-17T09:00:00Z');
}

function referred(state: ComplaintState = closedPaid()): ComplaintState {
  return accept(
    state,
    { type: 'refer-to-ombudsman', reference: 'HOS-2026-123' },
    ctx('2026-11-20T09:00:00Z'),
  );
}

function determined(state?: ComplaintState): ComplaintState {
  return accept(referred(state), determination, ctx('2026-12-15T09:00:00Z'));
}

describe("the ombudsman's side: referral, determination, compliance with its orders", () => {
  it('refers to the Housing Ombudsman by default, or to the Local Government and Social Care Ombudsman (seed 003)', () => {
    expect(referred().ombudsman).toEqual([
      {
        reference: 'HOS-2026-123',
        ombudsman: 'housing-ombudsman',
        referredAt: '2026-11-20T09:00:00.000Z',
        determination: null,
        orders: [],
      },
    ]);
    const seed003 = presetById('seed-003');
    if (!seed003) throw new Error('no preset seed-003');
    const state = accept(
      responded(seed003),
      {
        type: 'refer-to-ombudsman',
        reference: 'LGSCO 26 001 234',
        ombudsman: 'local-government-ombudsman',
      },
      ctx('2026-11-20T09:00:00Z'),
    );
    expect(state.ombudsman[0]).toMatchObject({
      reference: 'LGSCO 26 001 234',
      ombudsman: 'local-government-ombudsman',
    });
    const other = {
      type: 'refer-to-ombudsman',
      reference: 'X-1',
      ombudsman: 'parliamentary',
    } as unknown as ComplaintCommand;
    expect(refusal(responded(), other, ctx('2026-11-20T09:00:00Z'))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'ombudsman',
    });
  });

  it('records a determination: its findings, summary, and orders and recommendations with due dates', () => {
    const referral = determined().ombudsman[0];
    expect(referral?.determination).toEqual({
      determinedOn: '2026-12-14',
      findings: ['maladministration', 'service-failure'],
      summary: 'The landlord delayed the damp treatment unreasonably.',
      recordedAt: '2026-12-15T09:00:00.000Z',
    });
    expect(referral?.orders).toEqual([
      {
        id: 'O1',
        kind: 'order',
        description: 'Pay £300 compensation.',
        dueOn: '2027-01-11',
        compliedOn: null,
        note: null,
      },
      {
        id: 'R1',
        kind: 'recommendation',
        description: 'Review the damp policy.',
        dueOn: '2027-03-01',
        compliedOn: null,
        note: null,
      },
    ]);
    const lowerCase = accept(
      referred(),
      { ...determination, reference: 'hos-2026-123', orders: [] },
      ctx('2026-12-15T09:00:00Z'),
    );
    expect(lowerCase.ombudsman[0]?.determination?.findings).toHaveLength(2);
  });

  it('refuses a determination on an unknown referral, a second one, and one with impossible dates', () => {
    const at = ctx('2026-12-15T09:00:00Z');
    expect(refusal(responded(), determination, at)).toMatchObject({
      code: 'REFERRAL_NOT_FOUND',
      field: 'reference',
    });
    expect(refusal(referred(), { ...determination, reference: 'HOS-9' }, at).message).toContain(
      'HOS-2026-123',
    );
    expect(refusal(determined(), determination, ctx('2026-12-16T09:00:00Z'))).toMatchObject({
      code: 'DETERMINATION_ALREADY_RECORDED',
    });
    for (const determinedOn of ['2026-11-19', '2026-12-16', '2026-12-32']) {
      expect(
        refusal(referred(), { ...determination, determinedOn }, at),
        determinedOn,
      ).toMatchObject({
        code: 'INVALID_COMMAND',
        field: 'determinedOn',
      });
    }
    const early = { ...determination.orders[0], dueOn: '2026-12-13' };
    expect(refusal(referred(), { ...determination, orders: [early] }, at)).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'orders[0].dueOn',
    });
    const twice = [determination.orders[0], { ...determination.orders[1], orderId: 'O1' }];
    expect(refusal(referred(), { ...determination, orders: twice }, at)).toMatchObject({
      field: 'orders[1].orderId',
    });
    expect(refusal(referred(), { ...determination, findings: [] }, at)).toMatchObject({
      field: 'findings',
    });
    expect(refusal(referred(), { ...determination, summary: ' ' }, at)).toMatchObject({
      field: 'summary',
    });
  });

  it('refuses findings or orders that are not lists, naming the field, rather than failing', () => {
    const at = ctx('2026-12-15T09:00:00Z');
    const shapes: [Record<string, unknown>, string][] = [
      [{ findings: 'maladministration' }, 'findings'],
      [{ findings: ['maladministration', 'negligence'] }, 'findings'],
      [{ orders: { orderId: 'O1' } }, 'orders'],
      [{ orders: [null] }, 'orders[0]'],
      [{ orders: [{ ...determination.orders[0], kind: 'request' }] }, 'orders[0].kind'],
    ];
    for (const [change, field] of shapes) {
      const command = { ...determination, ...change } as unknown as ComplaintCommand;
      expect(refusal(referred(), command, at), field).toMatchObject({
        code: 'INVALID_COMMAND',
        field,
      });
    }
  });

  it('records compliance with each order, once, from the determination to today', () => {
    const comply = (orderId: string, compliedOn: string): ComplaintCommand => ({
      type: 'record-order-compliance',
      reference: 'HOS-2026-123',
      orderId,
      compliedOn,
      note: 'Paid by bank transfer.',
    });
    const state = accept(determined(), comply('O1', '2027-01-05'), ctx('2027-01-06T09:00:00Z'));
    expect(state.ombudsman[0]?.orders[0]).toMatchObject({
      compliedOn: '2027-01-05',
      note: 'Paid by bank transfer.',
    });
    expect(state.ombudsman[0]?.orders[1]?.compliedOn).toBeNull();
    const later = ctx('2027-01-07T09:00:00Z');
    expect(refusal(state, comply('O1', '2027-01-06'), later)).toMatchObject({
      code: 'ORDER_ALREADY_COMPLIED',
      field: 'orderId',
    });
    expect(refusal(state, comply('O7', '2027-01-06'), later)).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      field: 'orderId',
    });
    expect(
      refusal(referred(), comply('O1', '2026-12-20'), ctx('2026-12-21T09:00:00Z')),
    ).toMatchObject({
      code: 'DETERMINATION_NOT_RECORDED',
    });
    for (const compliedOn of ['2026-12-13', '2027-01-08']) {
      expect(refusal(state, comply('R1', compliedOn), later), compliedOn).toMatchObject({
        code: 'INVALID_COMMAND',
        field: 'compliedOn',
      });
    }
  });

  it('takes every step of the ombudsman’s side on a case that ended, however it ended', () => {
    const withdrawn = accept(
      logged(),
      { type: 'withdraw', reason: 'The resident went to the Ombudsman.' },
      ctx('2026-11-07T09:00:00Z'),
    );
    const refused = accept(
      logged(),
      {
        type: 'refuse',
        reason: 'legal-proceedings',
        explanation: 'The matter is before the county court, which will decide it.',
        notice: { ...notice, toldOn: '2026-11-07' },
      },
      ctx('2026-11-07T09:00:00Z'),
    );
    const ends = { closed: closedPaid(), withdrawn, refused };
    for (const [how, ended] of Object.entries(ends)) {
      expect(ended.status, how).toBe(how);
      const state = accept(
        determined(ended),
        {
          type: 'record-order-compliance',
          reference: 'HOS-2026-123',
          orderId: 'O1',
          compliedOn: '2027-01-05',
        },
        ctx('2027-01-06T09:00:00Z'),
      );
      expect(state.status, how).toBe(how);
      expect(state.ombudsman[0]?.orders[0]?.compliedOn, how).toBe('2027-01-05');
    }
  });
});
