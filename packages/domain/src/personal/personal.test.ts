import { describe, expect, it } from 'vitest';
import type { ComplaintEvent, ComplaintEventType } from '../complaints/complaint-events.js';
import { replay } from '../complaints/evolve.js';
import { caseMeasures } from '../metrics/case-measures.js';
import { residentKeyOf } from '../metrics/resident-key.js';
import { CODE_2024 } from '../policies/presets.js';
import { ANONYMISED, ANONYMISED_NAME, PERSONAL_FIELDS } from './personal-fields.js';
import { anonymisedPart, joinPersonal, splitPersonal } from './split-personal.js';
import {
  anonymisationRefusal,
  retentionCutoff,
  startOfLondonDay,
  yearsBefore,
} from './retention.js';

const actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' } as const;
const at = '2026-11-06T09:30:00.000Z';
const JORDAN = {
  name: 'Jordan Price',
  type: 'tenant',
  email: 'jordan@example.org',
  phone: '07700 900123',
  address: '12 High Street',
  vulnerable: true,
  adjustments: 'Large print, calls after 2pm',
} as const;

// One event of each type, each with its personal fields given: the mapped type makes a new
// event type a compile error here until it is added.
const SAMPLES: { readonly [T in ComplaintEventType]: Extract<ComplaintEvent, { type: T }> } = {
  'complaint-logged': {
    type: 'complaint-logged',
    at,
    actor,
    complaintId: 'c1',
    reference: 'RDR-0001',
    receivedAt: at,
    channel: 'phone',
    complainant: JORDAN,
    additionalComplainants: [{ name: 'Sam Price', type: 'tenant' }],
    representative: { name: 'Ali Khan', role: 'advocate', contact: '0161 000', consentGiven: true },
    summary: 'Damp in the bedroom; my son has asthma.',
    desiredOutcome: 'The damp treated.',
    category: 'repairs',
    tenure: 'lcra',
    serviceRequestId: null,
    policy: CODE_2024,
  },
  'complaint-assigned': { type: 'complaint-assigned', at, actor, stage: 1, handler: 'Alex' },
  'complaint-acknowledged': {
    type: 'complaint-acknowledged',
    at,
    actor,
    stage: 1,
    understanding: 'Jordan says the damp was reported three times.',
    outcomeSought: 'The damp treated.',
    clarification: null,
  },
  'response-deadline-extended': {
    type: 'response-deadline-extended',
    at,
    actor,
    stage: 1,
    workingDays: 10,
    reason: 'Jordan is in hospital until the 20th.',
    exceptionalReason: null,
  },
  'complaint-responded': {
    type: 'complaint-responded',
    at,
    actor,
    stage: 1,
    outcome: 'upheld',
    findings: 'We failed Jordan.',
    remedies: [
      { id: '1.1', kind: 'financial-compensation', description: 'For Jordan', amountPence: 25000 },
    ],
  },
  'escalation-requested': {
    type: 'escalation-requested',
    at,
    actor,
    reason: 'Still damp.',
    lateReason: null,
    policy: CODE_2024,
  },
  'escalation-refused': {
    type: 'escalation-refused',
    at,
    actor,
    reason: 'out-of-time',
    explanation: 'Asked 14 months later.',
    notice: { toldOn: '2026-11-06', method: 'email', ombudsmanDetailsGiven: true },
  },
  'action-agreed': {
    type: 'action-agreed',
    at,
    actor,
    stage: 1,
    actionId: 'a1',
    description: 'Treat the damp at 12 High Street.',
    owner: 'Repairs',
    dueOn: '2026-11-20',
    remedy: null,
  },
  'action-completed': { type: 'action-completed', at, actor, actionId: 'a1', note: 'Done.' },
  'action-update-given': {
    type: 'action-update-given',
    at,
    actor,
    actionId: 'a1',
    update: 'Told Jordan.',
    method: 'phone',
  },
  'remedy-answered': {
    type: 'remedy-answered',
    at,
    actor,
    remedyId: '1.1',
    answer: 'accepted',
    note: 'By phone.',
  },
  'remedy-paid': {
    type: 'remedy-paid',
    at,
    actor,
    remedyId: '1.1',
    amountPence: 25000,
    paidOn: '2026-11-20',
  },
  'complaint-closed': { type: 'complaint-closed', at, actor, reason: 'resolved', automatic: false },
  'complaint-reopened': { type: 'complaint-reopened', at, actor, reason: 'Jordan rang back.' },
  'complaint-withdrawn': { type: 'complaint-withdrawn', at, actor, reason: 'Jordan moved.' },
  'complaint-refused': {
    type: 'complaint-refused',
    at,
    actor,
    reason: 'legal-proceedings',
    explanation: 'Jordan has a claim in court.',
    discretionConsidered: 'Considered.',
  },
  'point-added': { type: 'point-added', at, actor, stage: 1, point: 'Mould on my clothes.' },
  'complainant-added': {
    type: 'complainant-added',
    at,
    actor,
    complainant: { name: 'Sam Price', type: 'tenant', email: 'sam@example.org' },
  },
  'contractor-recorded': {
    type: 'contractor-recorded',
    at,
    actor,
    contractor: { name: 'Acme Repairs', reference: 'J-1' },
  },
  'merged-into': {
    type: 'merged-into',
    at,
    actor,
    intoComplaintId: 'c2',
    intoReference: 'RDR-0002',
  },
  'duplicate-absorbed': {
    type: 'duplicate-absorbed',
    at,
    actor,
    duplicateId: 'c3',
    duplicateReference: 'RDR-0003',
  },
  'referred-to-ombudsman': { type: 'referred-to-ombudsman', at, actor, reference: 'HO-1' },
  'determination-recorded': {
    type: 'determination-recorded',
    at,
    actor,
    reference: 'HO-1',
    determinedOn: '2027-03-01',
    findings: ['maladministration'],
    summary: 'Jordan was let down.',
    orders: [],
  },
  'order-complied': {
    type: 'order-complied',
    at,
    actor,
    reference: 'HO-1',
    orderId: 'o1',
    compliedOn: '2027-03-10',
    note: 'Paid Jordan.',
  },
  'satisfaction-recorded': {
    type: 'satisfaction-recorded',
    at,
    actor,
    score: 7,
    comment: 'Jordan: fine.',
  },
  'lesson-recorded': { type: 'lesson-recorded', at, actor, lesson: 'Check damp reports sooner.' },
  'stage-2-reviewers-recorded': {
    type: 'stage-2-reviewers-recorded',
    at,
    actor,
    reviewers: [{ kind: 'staff', userId: 'u2', name: 'Priya Shah' }],
  },
};

const EVENTS = Object.values(SAMPLES) as ComplaintEvent[];

describe('personal fields kept apart from the event', () => {
  it.each(EVENTS.map((event) => [event.type, event] as const))(
    '%s: the body and its part join back into the event as given',
    (_type, event) => {
      const { body, personal } = splitPersonal(event);
      expect(joinPersonal(body, personal)).toEqual(event);
    },
  );

  it.each(EVENTS.map((event) => [event.type, event] as const))(
    '%s: the body holds none of the personal text',
    (_type, event) => {
      const { body, personal } = splitPersonal(event);
      const kept = JSON.stringify(body);
      for (const name of ['Jordan', 'jordan@', '07700', 'High Street', 'asthma', 'Sam', 'Ali']) {
        expect(kept).not.toContain(name);
      }
      const fields = Object.keys(PERSONAL_FIELDS[event.type]);
      expect(Object.keys(personal ?? {}).sort()).toEqual(
        fields.filter((f) => (event as unknown as Record<string, unknown>)[f] != null).sort(),
      );
    },
  );

  it('keeps what the Code and the measures read', () => {
    const { body } = splitPersonal(SAMPLES['complaint-responded']);
    expect(body).toMatchObject({
      stage: 1,
      outcome: 'upheld',
      findings: ANONYMISED,
      remedies: [
        { id: '1.1', kind: 'financial-compensation', amountPence: 25000, description: ANONYMISED },
      ],
    });
    const logged = splitPersonal(SAMPLES['complaint-logged']).body;
    expect(logged).toMatchObject({
      channel: 'phone',
      category: 'repairs',
      tenure: 'lcra',
      complainant: { name: ANONYMISED_NAME, type: 'tenant' },
      representative: { name: ANONYMISED, role: 'advocate', consentGiven: true },
    });
    expect(splitPersonal(SAMPLES['lesson-recorded']).personal).toBeNull();
  });

  it('leaves a field not given as it was, and keeps nothing for it', () => {
    const { body, personal } = splitPersonal({
      ...SAMPLES['complaint-logged'],
      representative: null,
      desiredOutcome: null,
    });
    expect(body).toMatchObject({ representative: null, desiredOutcome: null });
    expect(Object.keys(personal ?? {})).not.toContain('representative');
  });
});

describe('an anonymised case', () => {
  const events: ComplaintEvent[] = [
    SAMPLES['complaint-logged'],
    SAMPLES['complaint-acknowledged'],
    SAMPLES['complaint-responded'],
    SAMPLES['complaint-closed'],
  ];

  it('keeps its dates, stages, outcome and measures, and a key that counts the resident once', () => {
    const anonymised = events.map((event) => {
      const { body } = splitPersonal(event);
      return joinPersonal(body, anonymisedPart(body, 'k-1'));
    });
    const before = replay(events);
    const after = replay(anonymised);
    if (before === null || after === null) throw new Error('no state');
    expect(after.complainant).toEqual({
      name: ANONYMISED_NAME,
      type: 'tenant',
      anonymousKey: 'k-1',
    });
    expect(after.status).toBe(before.status);
    expect(after.closedAt).toBe(before.closedAt);
    const { residentKey: keyBefore, ...measuresBefore } = caseMeasures(before);
    const { residentKey: keyAfter, ...measuresAfter } = caseMeasures(after);
    expect(measuresAfter).toEqual(measuresBefore);
    expect(keyBefore).toBe('email:jordan@example.org');
    expect(keyAfter).toBe('anonymous:k-1');
    expect(JSON.stringify(after)).not.toMatch(/Jordan|asthma|High Street/);
  });

  it('cannot be made while the case is open', () => {
    const open = replay(events.slice(0, 2));
    const closed = replay(events);
    if (open === null || closed === null) throw new Error('no state');
    expect(anonymisationRefusal(open)).toMatch(/RDR-0001 is still open/);
    expect(anonymisationRefusal(closed)).toBeNull();
  });

  it('counts a resident anonymised by key once, whoever they were', () => {
    expect(residentKeyOf({ name: ANONYMISED_NAME, type: 'tenant', anonymousKey: 'k-1' })).toBe(
      'anonymous:k-1',
    );
  });
});

describe('the retention period', () => {
  it('counts whole years back, 29 February falling to the 28th', () => {
    expect(yearsBefore('2032-12-03', 6)).toBe('2026-12-03');
    expect(yearsBefore('2030-02-28', 2)).toBe('2028-02-28');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
  });

  it('begins a London day at midnight GMT or 23:00 UTC in summer time', () => {
    expect(startOfLondonDay('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfLondonDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
  });

  it('is past for a case that ended on or before the day six years ago', () => {
    // On 3 December 2032 a case that ended on 3 December 2026 (any time, London) is past it.
    const cutoff = retentionCutoff('2032-12-03', 6);
    expect(cutoff).toBe('2026-12-04T00:00:00.000Z');
    expect('2026-12-03T23:59:59.000Z' < cutoff).toBe(true);
    expect('2026-12-04T00:00:00.000Z' < cutoff).toBe(false);
    // In summer the London day starts an hour earlier in UTC.
    expect(retentionCutoff('2032-07-01', 6)).toBe('2026-07-01T23:00:00.000Z');
  });

  it('refuses a period that is not a whole number of years', () => {
    expect(() => retentionCutoff('2032-12-03', 0)).toThrow(RangeError);
    expect(() => retentionCutoff('2032-12-03', 1.5)).toThrow(RangeError);
  });
});
