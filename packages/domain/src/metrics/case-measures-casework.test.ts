// What a case counts for beyond CH01 and CH02: its actions, compensation, the Ombudsman,
// transactional satisfaction and the resident's key for repeat complainants.
import { describe, expect, it } from 'vitest';
import {
  accept,
  closed,
  ctx,
  paid,
  stage2Responded,
  withAction,
} from '../complaints/casework.fixtures.js';
import type { ComplaintState } from '../complaints/complaint.types.js';
import { caseMeasures } from './case-measures.js';
import { residentKeyOf } from './resident-key.js';

const agree = (state: ComplaintState, actionId: string, dueOn: string) =>
  accept(
    state,
    {
      type: 'agree-action',
      actionId,
      description: 'Replace the extractor fan',
      owner: 'Repairs',
      dueOn,
    },
    ctx('2026-11-16T16:00:00Z'),
  );
const complete = (state: ComplaintState, actionId: string, now: string) =>
  accept(state, { type: 'complete-action', actionId }, ctx(now));

describe('caseMeasures: actions', () => {
  it('judges each action by its due date, and leaves an open one unjudged until it is late', () => {
    // A1 due Fri 27 Nov, done that day: on time. A2 due Fri 27 Nov, done Mon 30 Nov: late.
    // A3 due Wed 31 Mar 2027 (reporting year 2026), still open: not judged, and late from
    // Thu 1 Apr 2027 (a measure asked from that day counts it late).
    let state = agree(agree(withAction(), 'A2', '2026-11-27'), 'A3', '2027-03-31');
    state = complete(state, 'A1', '2026-11-27T17:00:00Z');
    state = complete(state, 'A2', '2026-11-30T09:00:00Z');
    expect(caseMeasures(state).actions).toEqual([
      {
        id: 'A1',
        stage: 1,
        dueOn: '2026-11-27',
        dueYear: 2026,
        completedOn: '2026-11-27',
        onTime: true,
        lateFrom: null,
      },
      {
        id: 'A2',
        stage: 1,
        dueOn: '2026-11-27',
        dueYear: 2026,
        completedOn: '2026-11-30',
        onTime: false,
        lateFrom: null,
      },
      {
        id: 'A3',
        stage: 1,
        dueOn: '2027-03-31',
        dueYear: 2026,
        completedOn: null,
        onTime: null,
        lateFrom: '2027-04-01',
      },
    ]);
  });

  it('reads an action completed late on a summer evening by its London date', () => {
    // Due Fri 4 Jun 2027; completed at 23:30 UTC that day, which is 00:30 BST on Sat 5 Jun.
    const state = agree(withAction(), 'A2', '2027-06-04');
    const done = complete(state, 'A2', '2027-06-04T23:30:00Z');
    expect(caseMeasures(done).actions[1]).toMatchObject({
      dueYear: 2027,
      completedOn: '2027-06-05',
      onTime: false,
    });
  });
});

describe('caseMeasures: compensation, the Ombudsman and satisfaction', () => {
  it('adds up compensation offered at both stages and what was paid', () => {
    // Offered £150 at stage 1 and £50 at stage 2 (£200 = 20,000p); paid the £150.
    const state = paid(stage2Responded(), '2026-12-01', '2026-12-01T09:00:00Z');
    const measures = caseMeasures(state);
    expect(measures.compensationOfferedPence).toBe(20000);
    expect(measures.compensationPaidPence).toBe(15000);
  });

  it('has none of each on a case without them', () => {
    const measures = caseMeasures(withAction());
    expect(measures.compensationPaidPence).toBe(0);
    expect(measures.ombudsmanReferredYear).toBeNull();
    expect(measures.ombudsmanFindings).toEqual([]);
    expect(measures.satisfactionScore).toBeNull();
    expect(measures.satisfactionYear).toBeNull();
  });

  it("takes the latest referral's year, the latest determination's findings and the latest score", () => {
    // Closed Tue 17 Nov 2026 once the £150 was paid (remedies followed through, Code 7.3).
    let state = closed(
      paid(
        complete(withAction(), 'A1', '2026-11-17T08:00:00Z'),
        '2026-11-17',
        '2026-11-17T08:30:00Z',
      ),
      '2026-11-17T09:00:00Z',
    );
    // Referred Fri 20 Nov 2026 (year 2026) and determined Mon 14 Dec; referred again, to a
    // second reference, on Thu 1 Apr 2027 (year 2027), determined Mon 3 May 2027.
    state = accept(
      state,
      { type: 'refer-to-ombudsman', reference: 'HOS-1' },
      ctx('2026-11-20T09:00:00Z'),
    );
    state = accept(
      state,
      {
        type: 'record-determination',
        reference: 'HOS-1',
        determinedOn: '2026-12-14',
        findings: ['maladministration', 'service-failure'],
        summary: 'The landlord delayed the damp treatment unreasonably.',
      },
      ctx('2026-12-15T09:00:00Z'),
    );
    expect(caseMeasures(state)).toMatchObject({
      ombudsmanReferredYear: 2026,
      ombudsmanFindings: ['maladministration', 'service-failure'],
    });
    // Satisfaction recorded on Wed 31 Mar 2027 at 13:00 BST: year 2026.
    state = accept(state, { type: 'record-satisfaction', score: 4 }, ctx('2027-03-31T12:00:00Z'));
    expect(caseMeasures(state)).toMatchObject({ satisfactionScore: 4, satisfactionYear: 2026 });
    state = accept(
      state,
      { type: 'refer-to-ombudsman', reference: 'HOS-2' },
      ctx('2027-04-01T09:00:00Z'),
    );
    state = accept(
      state,
      {
        type: 'record-determination',
        reference: 'HOS-2',
        determinedOn: '2027-05-03',
        findings: ['reasonable-redress'],
        summary: 'The redress offered was reasonable.',
      },
      ctx('2027-05-04T09:00:00Z'),
    );
    expect(caseMeasures(state)).toMatchObject({
      ombudsmanReferredYear: 2027,
      ombudsmanFindings: ['reasonable-redress'],
    });

    // The latest score replaces the earlier; its year is that of the later recording (5 May).
    state = accept(state, { type: 'record-satisfaction', score: 8 }, ctx('2027-05-05T12:00:00Z'));
    expect(caseMeasures(state)).toMatchObject({ satisfactionScore: 8, satisfactionYear: 2027 });
  });
});

describe('the resident key', () => {
  it('uses the email address, trimmed and lower-cased', () => {
    const key = residentKeyOf({
      name: 'Jordan Price',
      type: 'tenant',
      email: ' Jordan.Price@Example.org ',
      phone: '07700 900123',
    });
    expect(key).toBe('email:jordan.price@example.org');
  });

  it('else the phone digits, +44 read as the leading 0', () => {
    const a = residentKeyOf({
      name: 'Jordan Price',
      type: 'tenant',
      email: '  ',
      phone: '+44 (0)7700 900-123',
    });
    const b = residentKeyOf({ name: 'J. Price', type: 'tenant', phone: '07700900123' });
    const c = residentKeyOf({ name: 'J. Price', type: 'tenant', phone: '0044 7700 900123' });
    expect(a).toBe('phone:07700900123');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('else the name and address, normalised', () => {
    expect(
      residentKeyOf({
        name: '  Jordan  PRICE ',
        type: 'tenant',
        address: '12, High Street\nLeeds',
      }),
    ).toBe('name:jordan price|12 high street leeds');
    expect(residentKeyOf({ name: 'Jordan Price', type: 'tenant' })).toBe('name:jordan price|');
  });

  it("is the case's complainant's", () => {
    expect(caseMeasures(withAction()).residentKey).toBe('name:jordan price|');
  });
});
