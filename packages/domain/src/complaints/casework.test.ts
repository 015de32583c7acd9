// The case as the investigation learns it: several residents (Code 1.2), a contractor (1.2),
// points raised during the investigation (6.8), and duplicates merged into the case they repeat.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Complainant, ComplaintCommand } from './complaint.types.js';
import { decide } from './decide.js';
import {
  accept,
  acknowledged,
  ctx,
  logCommand,
  logged,
  notice,
  refusal,
  resident,
  responded,
  withAction,
} from './casework.fixtures.js';

describe("several residents (Code 1.2: 'a resident or group of residents')", () => {
  it('logs a complaint from several residents, each recorded', () => {
    const state = logged({
      additionalComplainants: [
        resident('Sam Price'),
        resident('Flat 4 residents', { type: 'residents-group' }),
      ],
    });
    expect(state.complainant.name).toBe('Jordan Price');
    expect(state.additionalComplainants.map((c) => c.name)).toEqual([
      'Sam Price',
      'Flat 4 residents',
    ]);
    expect(logged().additionalComplainants).toEqual([]);
  });

  it('checks each further resident as it checks the first, naming the one at fault', () => {
    const bad = { name: 'Sam Price', type: 'lodger' } as unknown as Complainant;
    const error = refusal(
      null,
      logCommand({ additionalComplainants: [resident('Alex Price'), bad] }),
      ctx('2026-11-06T09:30:00Z'),
    );
    expect(error).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'additionalComplainants[1].type',
    });
    const unnamed = refusal(
      null,
      logCommand({ additionalComplainants: [resident('  ')] }),
      ctx('2026-11-06T09:30:00Z'),
    );
    expect(unnamed).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'additionalComplainants[0].name',
    });
  });

  it('refuses a resident named twice at logging, however the name is typed', () => {
    const error = refusal(
      null,
      logCommand({ additionalComplainants: [resident('Sam Price'), resident(' jordan price ')] }),
      ctx('2026-11-06T09:30:00Z'),
    );
    expect(error).toMatchObject({
      code: 'COMPLAINANT_ALREADY_RECORDED',
      field: 'additionalComplainants[1].name',
    });
  });

  it('names at most 50 residents on one complaint: 49 further at logging, then no more added', () => {
    const others = Array.from({ length: 49 }, (_, i) => resident(`Resident ${i + 1}`));
    const state = logged({ additionalComplainants: others });
    expect(state.additionalComplainants).toHaveLength(49);
    const tooMany = refusal(
      null,
      logCommand({ additionalComplainants: [...others, resident('Resident 50')] }),
      ctx('2026-11-06T09:30:00Z'),
    );
    expect(tooMany).toMatchObject({ code: 'INVALID_COMMAND', field: 'additionalComplainants' });
    const added = refusal(
      state,
      { type: 'add-complainant', complainant: resident('Resident 50') },
      ctx('2026-11-07T09:00:00Z'),
    );
    expect(added.code).toBe('TOO_MANY_COMPLAINANTS');
    expect(added.message).toContain("residents' group");
  });

  it('adds a resident who joins the complaint during the investigation', () => {
    const state = accept(
      acknowledged(),
      { type: 'add-complainant', complainant: resident('Sam Price', { phone: '07700 900123' }) },
      ctx('2026-11-10T09:00:00Z'),
    );
    expect(state.additionalComplainants).toEqual([
      resident('Sam Price', { phone: '07700 900123' }),
    ]);
    expect(state.status).toBe('acknowledged');
  });

  it('refuses to add a resident already named, the first or a further one', () => {
    const state = logged({ additionalComplainants: [resident('Sam Price')] });
    for (const name of ['JORDAN PRICE', 'sam price ']) {
      const error = refusal(
        state,
        { type: 'add-complainant', complainant: resident(name) },
        ctx('2026-11-07T09:00:00Z'),
      );
      expect(error).toMatchObject({
        code: 'COMPLAINANT_ALREADY_RECORDED',
        field: 'complainant.name',
      });
    }
    expect(
      refusal(
        state,
        { type: 'add-complainant', complainant: resident('') },
        ctx('2026-11-07T09:00:00Z'),
      ),
    ).toMatchObject({ code: 'INVALID_COMMAND', field: 'complainant.name' });
  });

  it('refuses to add a resident to an ended case', () => {
    const withdrawn = accept(
      logged(),
      { type: 'withdraw', reason: 'The resident says the repair is done.' },
      ctx('2026-11-07T09:00:00Z'),
    );
    const error = refusal(
      withdrawn,
      { type: 'add-complainant', complainant: resident('Sam Price') },
      ctx('2026-11-08T09:00:00Z'),
    );
    expect(error.code).toBe('COMPLAINT_NOT_OPEN');
  });
});

describe("a contractor (Code 1.2: the complaint is still the landlord's)", () => {
  it('logs the contractor whose service it is about, and the case runs as any other', () => {
    const state = logged({ contractor: { name: ' Acme Damp Ltd ', reference: ' JOB-77 ' } });
    expect(state.contractor).toEqual({ name: 'Acme Damp Ltd', reference: 'JOB-77' });
    const answered = accept(
      accept(state, { type: 'acknowledge' }, ctx('2026-11-09T09:00:00Z')),
      { type: 'respond', outcome: 'upheld', findings: 'Our contractor missed two visits.' },
      ctx('2026-11-16T09:00:00Z'),
    );
    expect(answered.status).toBe('responded');
    expect(logged().contractor).toBeNull();
  });

  it('records the contractor during the investigation, a later record replacing it', () => {
    let state = accept(
      acknowledged(),
      { type: 'record-contractor', contractor: { name: 'Acme Damp Ltd' } },
      ctx('2026-11-10T09:00:00Z'),
    );
    expect(state.contractor).toEqual({ name: 'Acme Damp Ltd', reference: null });
    state = accept(
      state,
      { type: 'record-contractor', contractor: { name: 'Brick & Co', reference: 'BC-1' } },
      ctx('2026-11-11T09:00:00Z'),
    );
    expect(state.contractor).toEqual({ name: 'Brick & Co', reference: 'BC-1' });
  });

  it('takes an empty contractor reference as none, and refuses a nameless contractor citing 1.2', () => {
    const state = logged({ contractor: { name: 'Acme Damp Ltd', reference: '' } });
    expect(state.contractor).toEqual({ name: 'Acme Damp Ltd', reference: null });
    const error = refusal(
      state,
      { type: 'record-contractor', contractor: { name: ' ' } },
      ctx('2026-11-07T09:00:00Z'),
    );
    expect(error).toMatchObject({ code: 'INVALID_COMMAND', field: 'contractor.name' });
    expect(error.message).toContain('Code 1.2');
    const long = refusal(
      null,
      logCommand({ contractor: { name: 'Acme', reference: 'x'.repeat(101) } }),
      ctx('2026-11-06T09:30:00Z'),
    );
    expect(long).toMatchObject({ code: 'INVALID_COMMAND', field: 'contractor.reference' });
  });
});

describe('a point raised during the investigation (Code 6.8)', () => {
  it('joins the open stage, before or after the acknowledgement', () => {
    let state = accept(
      logged(),
      { type: 'add-point', point: 'The extractor fan is broken too.' },
      ctx('2026-11-07T09:00:00Z'),
    );
    state = accept(state, { type: 'acknowledge' }, ctx('2026-11-09T09:00:00Z'));
    state = accept(
      state,
      { type: 'add-point', point: 'Mould on the new carpet.' },
      ctx('2026-11-10T09:00:00Z'),
    );
    expect(state.stages[0]?.points).toEqual([
      { point: 'The extractor fan is broken too.', at: '2026-11-07T09:00:00.000Z' },
      { point: 'Mould on the new carpet.', at: '2026-11-10T09:00:00.000Z' },
    ]);
  });

  it('joins stage 2 once escalated, leaving stage 1 as it was', () => {
    let state = accept(responded(), { type: 'request-escalation' }, ctx('2026-11-18T10:00:00Z'));
    state = accept(
      state,
      { type: 'add-point', point: 'The compensation was not paid.' },
      ctx('2026-11-19T10:00:00Z'),
    );
    expect(state.stages[1]?.points.map((p) => p.point)).toEqual(['The compensation was not paid.']);
    expect(state.stages[0]?.points).toEqual([]);
  });

  it('is refused once the stage is answered (POINT_AFTER_RESPONSE), and when blank', () => {
    const error = refusal(
      responded(),
      { type: 'add-point', point: 'And the boiler.' },
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(error.code).toBe('POINT_AFTER_RESPONSE');
    expect(error.message).toContain('6.8');
    expect(
      refusal(logged(), { type: 'add-point', point: ' ' }, ctx('2026-11-07T09:00:00Z')),
    ).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'point',
    });
  });
});

const mergeInto: ComplaintCommand = {
  type: 'merge-into',
  intoComplaintId: 'C-2026-0002',
  intoReference: ' RDR-0002 ',
};

describe('merging a duplicate into the case it duplicates', () => {
  it('ends the duplicate, naming the case that answers for it, and keeps its events', () => {
    const before = acknowledged();
    const state = accept(before, mergeInto, ctx('2026-11-10T09:00:00Z'));
    expect(state.status).toBe('merged');
    expect(state.closedAt).toBe('2026-11-10T09:00:00.000Z');
    expect(state.closeReason).toBeNull();
    expect(state.mergedInto).toEqual({ id: 'C-2026-0002', reference: 'RDR-0002' });
    expect(state.version).toBe(before.version + 1);
    expect(state.stages).toEqual(before.stages);
  });

  it('is refused while agreed actions are open, or compensation offered is unpaid (Code 7.3)', () => {
    const open = refusal(withAction(), mergeInto, ctx('2026-11-17T09:00:00Z'));
    expect(open.code).toBe('MERGE_WITH_OPEN_ACTIONS');
    expect(open.message).toContain('Treat the damp');
    const owed = refusal(responded(), mergeInto, ctx('2026-11-17T09:00:00Z'));
    expect(owed).toMatchObject({ code: 'MERGE_WITH_OPEN_ACTIONS', field: 'remedies' });
    expect(owed.message).toContain('1.2');
    const paid = accept(
      responded(),
      { type: 'pay-remedy', remedyId: '1.2', amountPence: 15000, paidOn: '2026-11-17' },
      ctx('2026-11-17T09:00:00Z'),
    );
    expect(accept(paid, mergeInto, ctx('2026-11-17T10:00:00Z')).status).toBe('merged');
  });

  it('is refused into itself, and for a case that already answers for duplicates', () => {
    const self = refusal(
      logged(),
      { type: 'merge-into', intoComplaintId: 'C-2026-0001', intoReference: 'RDR-0001' },
      ctx('2026-11-07T09:00:00Z'),
    );
    expect(self).toMatchObject({ code: 'INVALID_COMMAND', field: 'intoComplaintId' });
    const survivor = accept(
      logged(),
      { type: 'absorb-duplicate', duplicateId: 'C-2026-0003', duplicateReference: 'RDR-0003' },
      ctx('2026-11-07T09:00:00Z'),
    );
    const chain = refusal(survivor, mergeInto, ctx('2026-11-08T09:00:00Z'));
    expect(chain.code).toBe('MERGE_CHAIN');
    expect(chain.message).toContain('RDR-0003');
  });

  it('lists each duplicate on the case that absorbs it, once', () => {
    const absorb: ComplaintCommand = {
      type: 'absorb-duplicate',
      duplicateId: 'C-2026-0003',
      duplicateReference: ' RDR-0003 ',
    };
    const state = accept(acknowledged(), absorb, ctx('2026-11-10T09:00:00Z'));
    expect(state.duplicates).toEqual([
      { id: 'C-2026-0003', reference: 'RDR-0003', at: '2026-11-10T09:00:00.000Z' },
    ]);
    expect(state.status).toBe('acknowledged');
    expect(refusal(state, absorb, ctx('2026-11-11T09:00:00Z'))).toMatchObject({
      code: 'DUPLICATE_ALREADY_MERGED',
      field: 'duplicateId',
    });
    expect(
      refusal(state, { ...absorb, duplicateId: 'C-2026-0001' }, ctx('2026-11-11T09:00:00Z')),
    ).toMatchObject({ code: 'INVALID_COMMAND', field: 'duplicateId' });
  });

  it('leaves a merged case refusing every step, re-opening included, naming the case it went into', () => {
    const state = accept(logged(), mergeInto, ctx('2026-11-07T09:00:00Z'));
    const later = ctx('2026-11-09T09:00:00Z');
    const steps: Record<Exclude<ComplaintCommand['type'], 'log'>, ComplaintCommand> = {
      assign: { type: 'assign', handler: 'Alex Morgan', handlerId: 'user-alex' },
      acknowledge: { type: 'acknowledge' },
      extend: { type: 'extend', workingDays: 2, reason: 'Waiting for the surveyor', notice },
      'add-point': { type: 'add-point', point: 'And the fan.' },
      respond: { type: 'respond', outcome: 'upheld', findings: 'Missed visits.' },
      'request-escalation': { type: 'request-escalation' },
      'refuse-escalation': {
        type: 'refuse-escalation',
        reason: 'out-of-time',
        explanation: 'You asked eight months after our answer.',
        notice,
      },
      'agree-action': {
        type: 'agree-action',
        actionId: 'A1',
        description: 'Fix',
        owner: 'Repairs',
        dueOn: '2026-11-30',
      },
      'complete-action': { type: 'complete-action', actionId: 'A1' },
      'update-on-action': {
        type: 'update-on-action',
        actionId: 'A1',
        update: 'Booked.',
        method: 'email',
      },
      'answer-remedy': { type: 'answer-remedy', remedyId: '1.1', answer: 'accepted' },
      'pay-remedy': { type: 'pay-remedy', remedyId: '1.1', amountPence: 100, paidOn: '2026-11-09' },
      close: { type: 'close' },
      'auto-close': { type: 'auto-close' },
      reopen: { type: 'reopen', reason: 'The resident says this is a different matter.' },
      withdraw: { type: 'withdraw', reason: 'No longer needed.' },
      refuse: {
        type: 'refuse',
        reason: 'legal-proceedings',
        explanation: 'The matter is before the county court.',
        notice,
      },
      'add-complainant': { type: 'add-complainant', complainant: resident('Sam Price') },
      'record-contractor': { type: 'record-contractor', contractor: { name: 'Acme' } },
      'merge-into': {
        type: 'merge-into',
        intoComplaintId: 'C-2026-0009',
        intoReference: 'RDR-0009',
      },
      'absorb-duplicate': {
        type: 'absorb-duplicate',
        duplicateId: 'C-2026-0009',
        duplicateReference: 'RDR-0009',
      },
      'refer-to-ombudsman': { type: 'refer-to-ombudsman', reference: 'HOS-1' },
      'record-determination': {
        type: 'record-determination',
        reference: 'HOS-1',
        determinedOn: '2026-11-09',
        findings: ['maladministration'],
        summary: 'Delay.',
      },
      'record-order-compliance': {
        type: 'record-order-compliance',
        reference: 'HOS-1',
        orderId: 'O1',
        compliedOn: '2026-11-09',
      },
      'record-satisfaction': { type: 'record-satisfaction', score: 8 },
      'record-lesson': {
        type: 'record-lesson',
        lesson: 'Repairs should be booked while the resident is on the phone.',
      },
      'record-stage-2-reviewers': {
        type: 'record-stage-2-reviewers',
        reviewers: [{ kind: 'staff', userId: 'user-dana', name: 'Dana Reid' }],
      },
    };
    for (const command of Object.values(steps)) {
      const error = refusal(state, command, later);
      expect(error.code, command.type).toBe('COMPLAINT_NOT_OPEN');
      expect(error.message, command.type).toContain('merged into RDR-0002');
    }
    expect(refusal(state, logCommand(), later).code).toBe('COMPLAINT_ALREADY_LOGGED');
  });
});

describe('casework steps sent by a caller outside TypeScript', () => {
  it('refuse whatever shape their fields take, and never throw', () => {
    const value = fc.anything({ withBigInt: true, withNullPrototype: true });
    const fields = fc.record(
      {
        complainant: value,
        contractor: value,
        additionalComplainants: fc.oneof(value, fc.array(value)),
        intoComplaintId: value,
        intoReference: value,
        duplicateId: value,
        duplicateReference: value,
        point: value,
        actionId: value,
        update: value,
        method: value,
        remedyId: value,
        answer: value,
        amountPence: value,
      },
      { requiredKeys: [] },
    );
    const types = [
      'log',
      'add-complainant',
      'record-contractor',
      'merge-into',
      'absorb-duplicate',
      'add-point',
      'update-on-action',
      'answer-remedy',
      'pay-remedy',
      'agree-action',
    ] as const;
    const states = [logged(), responded(), withAction()];
    fc.assert(
      fc.property(fc.constantFrom(...types), fields, fc.nat(2), (type, more, index) => {
        const base = type === 'log' ? logCommand() : { type };
        const command = { ...base, ...more } as unknown as ComplaintCommand;
        const result = decide(
          type === 'log' ? null : (states[index] ?? null),
          command,
          ctx('2026-11-20T09:00:00Z'),
        );
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
