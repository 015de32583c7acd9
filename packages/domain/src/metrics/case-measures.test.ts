// CH01 and CH02 of hand-worked cases. Each case's dates are worked out in its comment, counting
// working days in England and Wales (weekends and bank holidays skipped) by the Complaint
// Handling Code's timescales: acknowledge within 5 working days of receipt, respond within 10
// working days of the acknowledgement (stage 1), 20 at stage 2.
import { describe, expect, it } from 'vitest';
import { CODE_2024 } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import { caseMeasures } from './case-measures.js';
import {
  acknowledge,
  caseOf,
  extend,
  respond,
  reviewer,
  andThen,
  withEvent,
} from './measures.fixtures.js';

const stage1 = (state: Parameters<typeof caseMeasures>[0]) => caseMeasures(state).stage1;

describe('caseMeasures: stage 1 by the Code', () => {
  it('counts a response on its due day as on time', () => {
    // Received Mon 2 Nov 2026. Acknowledgement due 5 working days after: 3, 4, 5, 6, 9 Nov, so
    // Mon 9 Nov; acknowledged that day. Response due 10 working days after the acknowledgement:
    // 10-13 Nov (4), 16-20 Nov (9), 23 Nov (10), so Mon 23 Nov; responded that day.
    // Working days to respond: after 2 Nov up to 23 Nov: 3-6 (4), 9-13 (9), 16-20 (14), 23 (15).
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-09T16:00:00Z', acknowledge],
      ['2026-11-23T16:00:00Z', respond('partly-upheld')],
    ]);
    expect(stage1(state)).toEqual({
      stage: 1,
      receivedOn: '2026-11-02',
      receivedYear: 2026,
      counted: true,
      acknowledgedOnTime: true,
      acknowledgeLateFrom: null,
      respondedOn: '2026-11-23',
      respondedYear: 2026,
      respondedOnTime: true,
      respondedOnTimeWithoutExtensions: true,
      workingDaysToRespond: 15,
      outcome: 'partly-upheld',
    });
  });

  it('marks a response late when the acknowledgement was a day late, however quick the response', () => {
    // Received Mon 2 Nov; acknowledgement due Mon 9 Nov, sent Tue 10 Nov: one day late.
    // Responded Thu 12 Nov, well within 10 working days, but CH02 needs both on time.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-10T09:00:00Z', acknowledge],
      ['2026-11-12T09:00:00Z', respond()],
    ]);
    expect(stage1(state)).toMatchObject({
      acknowledgedOnTime: false,
      respondedOnTime: false,
      respondedOnTimeWithoutExtensions: false,
      // After 2 Nov up to 12 Nov: 3-6 (4), 9-12 (8).
      workingDaysToRespond: 8,
    });
  });

  it('marks a response one day after its due date late', () => {
    // Received Mon 2 Nov, acknowledged Wed 4 Nov (on time). Response due 10 working days after
    // 4 Nov: 5, 6 (2), 9-13 (7), 16, 17, 18 (10), so Wed 18 Nov. Responded Thu 19 Nov.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-19T09:00:00Z', respond()],
    ]);
    expect(stage1(state)).toMatchObject({
      acknowledgedOnTime: true,
      respondedOnTime: false,
      respondedOnTimeWithoutExtensions: false,
    });
  });

  it('counts an extension within the Code: on time with extensions, late without', () => {
    // Due Wed 18 Nov as above. Extended by 5 working days, the resident told on Thu 12 Nov:
    // 19, 20, 23, 24, 25 Nov, so due Wed 25 Nov. Responded Mon 23 Nov: on time with the
    // extension, late (after 18 Nov) without it.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-12T09:00:00Z', extend(5, '2026-11-12')],
      ['2026-11-23T09:00:00Z', respond()],
    ]);
    expect(stage1(state)).toMatchObject({
      respondedOnTime: true,
      respondedOnTimeWithoutExtensions: false,
    });
  });

  it("counts extensions only up to the Code's maximum of 10 working days", () => {
    // Due Wed 18 Nov. Extended by 8 (told Thu 12 Nov) to Mon 30 Nov (19, 20, 23-27, 30), then
    // by 7 more with an exceptional reason (told Fri 20 Nov) to Wed 9 Dec (1-4, 7-9 Dec) by the
    // landlord's record. The Code counts 10 in all: 18 Nov + 10 working days = Wed 2 Dec.
    // Responded Fri 4 Dec: on time by the extensions recorded, late by the Code.
    const extended = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-12T09:00:00Z', extend(8, '2026-11-12')],
      ['2026-11-20T09:00:00Z', extend(7, '2026-11-20', 'The structural engineer is booked.')],
    ]);
    const after = (now: string) => stage1(andThen(extended, now, respond()));
    expect(after('2026-12-04T09:00:00Z')).toMatchObject({
      respondedOnTime: false,
      respondedOnTimeWithoutExtensions: false,
    });
    // Responded Wed 2 Dec, the last day the Code's 10 working days allow: on time with them.
    expect(after('2026-12-02T09:00:00Z')).toMatchObject({
      respondedOnTime: true,
      respondedOnTimeWithoutExtensions: false,
    });
  });

  it('does not count an extension the resident is not recorded as told of', () => {
    // Due Wed 18 Nov. An extension of 5 recorded before notices were kept (no notice): the
    // landlord's date is Wed 25 Nov, but nothing shows the resident was told (Code 6.4, 6.5),
    // so the Code's date stays Wed 18 Nov. Responded Mon 23 Nov: late either way.
    const acknowledged = caseOf('2026-11-02T09:00:00Z', [['2026-11-04T09:00:00Z', acknowledge]]);
    const extendedUntold = withEvent(acknowledged, {
      type: 'response-deadline-extended',
      at: '2026-11-12T09:00:00Z',
      actor: { kind: 'user', id: 'user-alex' },
      stage: 1,
      workingDays: 5,
      reason: 'Waiting for the surveyor',
      exceptionalReason: null,
    });
    const state = andThen(extendedUntold, '2026-11-23T09:00:00Z', respond());
    expect(stage1(state)).toMatchObject({
      respondedOnTime: false,
      respondedOnTimeWithoutExtensions: false,
    });
  });
});

describe('caseMeasures: what CH01 counts', () => {
  it('counts a withdrawn complaint: it was received and taken on', () => {
    // Received Mon 2 Nov, acknowledged Wed 4 Nov, withdrawn Fri 6 Nov before any response.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-06T09:00:00Z', { type: 'withdraw', reason: 'Sorted out with the contractor' }],
    ]);
    const measures = caseMeasures(state);
    expect(measures.stage1).toMatchObject({
      counted: true,
      acknowledgedOnTime: true,
      respondedOn: null,
      respondedOnTime: null,
      respondedOnTimeWithoutExtensions: null,
      workingDaysToRespond: null,
    });
    expect(measures.withdrawnYear).toBe(2026);
    expect(measures.refusedYear).toBeNull();
  });

  it('keeps an acknowledgement missed before the case was withdrawn as late', () => {
    // Received Mon 2 Nov; acknowledgement due Mon 9 Nov; withdrawn Wed 11 Nov unacknowledged.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-11T09:00:00Z', { type: 'withdraw', reason: 'No longer wanted' }],
    ]);
    expect(stage1(state)).toMatchObject({ acknowledgedOnTime: false, acknowledgeLateFrom: null });
  });

  it('leaves an acknowledgement not yet made unjudged, late from the day after it is due', () => {
    // Received Mon 2 Nov, nothing since: due Mon 9 Nov, and caseMeasures has no "today"; a
    // measure asked on Tue 10 Nov or later counts it late.
    expect(stage1(caseOf('2026-11-02T09:00:00Z'))).toMatchObject({
      acknowledgedOnTime: null,
      acknowledgeLateFrom: '2026-11-10',
    });
  });

  it('has nothing late of a case withdrawn before its acknowledgement was due', () => {
    // Received Mon 2 Nov; withdrawn Wed 4 Nov, before the acknowledgement's Mon 9 Nov.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', { type: 'withdraw', reason: 'No longer wanted' }],
    ]);
    expect(stage1(state)).toMatchObject({ acknowledgedOnTime: null, acknowledgeLateFrom: null });
  });

  it('does not count a complaint refused under section 2 of the Code', () => {
    // Received Mon 2 Nov 2026, refused Wed 4 Nov 2026 (reporting year 2026/27).
    const state = caseOf('2026-11-02T09:00:00Z', [
      [
        '2026-11-04T09:00:00Z',
        {
          type: 'refuse',
          reason: 'separate-policy',
          explanation: 'Parking permits are handled under the parking policy.',
          notice: { toldOn: '2026-11-04', method: 'email', ombudsmanDetailsGiven: true },
        },
      ],
    ]);
    const measures = caseMeasures(state);
    expect(measures.stage1.counted).toBe(false);
    expect(measures.refusedYear).toBe(2026);
    expect(measures.withdrawnYear).toBeNull();
  });

  it('does not count a duplicate merged into another case', () => {
    const state = caseOf('2026-11-02T09:00:00Z', [
      [
        '2026-11-03T09:00:00Z',
        { type: 'merge-into', intoComplaintId: 'C-2026-0009', intoReference: 'RDR-0009' },
      ],
    ]);
    expect(stage1(state).counted).toBe(false);
  });
});

describe('caseMeasures: stage 2', () => {
  // Stage 1: received Mon 2 Nov, acknowledged Wed 4 Nov, responded Mon 16 Nov (due 18 Nov).
  // Escalation requested Wed 18 Nov. Stage 2 acknowledgement due 5 working days after: 19, 20,
  // 23, 24, 25 Nov, so Wed 25 Nov; acknowledged Thu 19 Nov. Response due 20 working days after
  // 19 Nov: 20 (1), 23-27 (6), 30 Nov-4 Dec (11), 7-11 Dec (16), 14-17 Dec (20): Thu 17 Dec.
  const escalated = () =>
    caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-16T09:00:00Z', respond('not-upheld')],
      ['2026-11-18T10:00:00Z', { type: 'request-escalation', reason: 'The damp is back.' }],
      ['2026-11-19T10:00:00Z', acknowledge, reviewer],
    ]);

  it('counts an escalation answered on time', () => {
    // Responded Thu 17 Dec, the due day. Working days after 18 Nov up to 17 Dec: 19, 20 (2),
    // 23-27 (7), 30 Nov-4 Dec (12), 7-11 Dec (17), 14-17 Dec (21).
    const state = andThen(escalated(), '2026-12-17T09:00:00Z', respond('upheld'), reviewer);
    const measures = caseMeasures(state);
    expect(measures.stage1).toMatchObject({ counted: true, respondedOnTime: true });
    expect(measures.stage2).toEqual({
      stage: 2,
      receivedOn: '2026-11-18',
      receivedYear: 2026,
      counted: true,
      acknowledgedOnTime: true,
      acknowledgeLateFrom: null,
      respondedOn: '2026-12-17',
      respondedYear: 2026,
      respondedOnTime: true,
      respondedOnTimeWithoutExtensions: true,
      workingDaysToRespond: 21,
      outcome: 'upheld',
    });
  });

  it('marks an escalation answered the day after its due date late', () => {
    // Responded Fri 18 Dec, one working day after Thu 17 Dec.
    const state = andThen(escalated(), '2026-12-18T09:00:00Z', respond('upheld'), reviewer);
    expect(caseMeasures(state).stage2).toMatchObject({
      acknowledgedOnTime: true,
      respondedOnTime: false,
      respondedOnTimeWithoutExtensions: false,
    });
  });

  it('has no stage 2 when the escalation was refused', () => {
    const responded = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-04T09:00:00Z', acknowledge],
      ['2026-11-16T09:00:00Z', respond('not-upheld')],
    ]);
    const refused = andThen(responded, '2026-11-18T10:00:00Z', {
      type: 'refuse-escalation',
      reason: 'legal-proceedings',
      explanation: 'The matter is now before the county court.',
      notice: { toldOn: '2026-11-18', method: 'letter', ombudsmanDetailsGiven: true },
    });
    expect(caseMeasures(refused).stage2).toBeNull();
    expect(caseMeasures(refused).stage1.counted).toBe(true);
  });
});

describe('caseMeasures: years and calendars', () => {
  it('places a complaint received before 31 March and answered after it in two years', () => {
    // Received Mon 22 Mar 2027 (GMT), acknowledged Tue 23 Mar. Response due 10 working days
    // after 23 Mar, skipping Good Friday 26 Mar and Easter Monday 29 Mar: 24, 25 (2), 30, 31
    // (4), 1, 2 Apr (6), 5-8 Apr (10), so Thu 8 Apr. Responded Wed 7 Apr at 10:00 BST: on time
    // (without the Easter holidays it would have been due Tue 6 Apr, and late).
    // Working days after 22 Mar up to 7 Apr: 23-25 (3), 30, 31 (5), 1, 2 (7), 5-7 (10).
    const state = caseOf('2027-03-22T09:00:00Z', [
      ['2027-03-23T09:00:00Z', acknowledge],
      ['2027-04-07T09:00:00Z', respond()],
    ]);
    expect(stage1(state)).toMatchObject({
      receivedOn: '2027-03-22',
      receivedYear: 2026,
      respondedOn: '2027-04-07',
      respondedYear: 2027,
      respondedOnTime: true,
      workingDaysToRespond: 10,
    });
  });

  it('reads a receipt at 23:30 UTC on 31 March as 1 April in London: year 2027', () => {
    // 2027-03-31T23:30Z is 00:30 BST on Thu 1 Apr. Acknowledgement due 5 working days after
    // 1 Apr: 2, 5, 6, 7, 8 Apr, so Thu 8 Apr; acknowledged that day.
    const state = caseOf('2027-03-31T23:30:00Z', [['2027-04-08T09:00:00Z', acknowledge]]);
    expect(stage1(state)).toMatchObject({
      receivedOn: '2027-04-01',
      receivedYear: 2027,
      acknowledgedOnTime: true,
    });
  });

  it('skips Christmas, Boxing Day (substitute) and New Year in the counting', () => {
    // Received Mon 14 Dec 2026; acknowledgement due 15-18 (4), 21 (5): Mon 21 Dec, sent then.
    // Response due 10 working days after 21 Dec: 22, 23, 24 (3), not 25 (Christmas Day) nor 28
    // (Boxing Day, substitute), 29, 30, 31 (6), not 1 Jan, 4-7 Jan (10): Thu 7 Jan 2027.
    const onTheDay = caseOf('2026-12-14T09:00:00Z', [
      ['2026-12-21T09:00:00Z', acknowledge],
      ['2027-01-07T09:00:00Z', respond()],
    ]);
    // Working days after 14 Dec up to 7 Jan: 15-18 (4), 21-24 (8), 29-31 (11), 4-7 Jan (15).
    expect(stage1(onTheDay)).toMatchObject({ respondedOnTime: true, workingDaysToRespond: 15 });
    const dayLate = caseOf('2026-12-14T09:00:00Z', [
      ['2026-12-21T09:00:00Z', acknowledge],
      ['2027-01-08T09:00:00Z', respond()],
    ]);
    expect(stage1(dayLate).respondedOnTime).toBe(false);
  });

  it("holds a quicker landlord to the Code's timescales in the landlord's own calendar", () => {
    // The landlord acknowledges in 3 working days and responds in 8, and closes 29-31 Dec.
    // Received Mon 14 Dec 2026. Its own acknowledgement date is Thu 17 Dec; the Code's is Mon
    // 21 Dec, so an acknowledgement on Mon 21 Dec is on time for CH02. Code response due 10
    // working days after 21 Dec, skipping 25 and 28 Dec, the closure 29-31 Dec and 1 Jan: 22,
    // 23, 24 (3), 4-8 Jan (8), 11, 12 Jan (10): Tue 12 Jan. Responded Mon 11 Jan: on time,
    // though later than the landlord's own date.
    const landlord: Policy = {
      ...CODE_2024,
      id: 'landlord-quick',
      stage1: { ...CODE_2024.stage1, acknowledgeDays: 3, respondDays: 8 },
      closures: ['2026-12-29', '2026-12-30', '2026-12-31'].map((date) => ({
        date,
        title: 'Christmas closure',
      })),
    };
    const state = caseOf(
      '2026-12-14T09:00:00Z',
      [
        ['2026-12-21T09:00:00Z', acknowledge],
        ['2027-01-11T09:00:00Z', respond()],
      ],
      { policy: landlord },
    );
    // Working days in the landlord's calendar after 14 Dec up to 11 Jan: 15-18 (4), 21-24 (8),
    // 4-8 Jan (13), 11 Jan (14).
    expect(stage1(state)).toMatchObject({
      acknowledgedOnTime: true,
      respondedOnTime: true,
      respondedOnTimeWithoutExtensions: true,
      workingDaysToRespond: 14,
    });
  });

  it('lets a response stand for the acknowledgement where the policy allows one without', () => {
    // Received Mon 2 Nov, answered Fri 6 Nov with no acknowledgement first: within the 5 working
    // days for the acknowledgement (due Mon 9 Nov), and for the response (due 23 Nov).
    const direct: Policy = { ...CODE_2024, id: 'direct', respondWithoutAcknowledgement: true };
    const state = caseOf('2026-11-02T09:00:00Z', [['2026-11-06T09:00:00Z', respond()]], {
      policy: direct,
    });
    expect(stage1(state)).toMatchObject({ acknowledgedOnTime: true, respondedOnTime: true });
  });
});
