import { describe, expect, it } from 'vitest';
import type { BankHolidaysData } from '../calendar/calendar.types.js';
import type {
  ComplaintState,
  ComplaintStatus,
  Extension,
  Instant,
  StageState,
} from '../complaints/complaint.types.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import type { Policy } from '../policies/policy.types.js';
import { CODE_2024, presetById } from '../policies/presets.js';
import { deadlineStatus } from './deadline-status.js';
import type { Deadline } from './deadline.types.js';
import { deriveDeadlines, MAX_EXPLANATION_LENGTH } from './derive-deadlines.js';

// ---------------------------------------------------------------------------------------------
// A small builder for the states the complaint fold would produce, so these tests stand apart
// from it. Only the fields deadlines read matter; the rest are plausible fillers.

type StageInput = Partial<StageState> & { readonly policy: Policy; readonly startedAt: Instant };

/** A case; an ended status needs `endedAt`, when it ended, as the fold would record it. */
function complaint(
  stages: readonly StageInput[],
  status?: ComplaintStatus,
  endedAt: Instant | null = null,
): ComplaintState {
  const built: StageState[] = stages.map((stage, i) => ({
    stage: i === 0 ? 1 : 2,
    handler: null,
    handlerId: null,
    assignedUserIds: [],
    teamId: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    understanding: null,
    outcomeSought: null,
    clarification: null,
    points: [],
    extensions: [],
    respondedAt: null,
    respondedBy: null,
    outcome: null,
    findings: null,
    remedies: [],
    escalationReason: null,
    lateReason: null,
    ...stage,
  }));
  const last = built.at(-1);
  return {
    id: 'c-1',
    reference: 'C-2026-0001',
    version: 1,
    status:
      status ??
      (last?.respondedAt ? 'responded' : last?.acknowledgedAt ? 'acknowledged' : 'received'),
    stage: last?.stage ?? 1,
    receivedAt: built[0]?.startedAt ?? RECEIVED,
    loggedBy: { kind: 'user', id: 'u-1', name: 'Sam Patel' },
    channel: 'phone',
    complainant: { name: 'Amina Okafor', type: 'tenant' },
    additionalComplainants: [],
    representative: null,
    summary: 'Damp in the bedroom not treated',
    desiredOutcome: null,
    category: 'repairs',
    tenure: 'lcra',
    serviceRequestId: null,
    contractor: null,
    stages: built,
    actions: [],
    remedies: [],
    ombudsman: [],
    lastEventAt: endedAt ?? RECEIVED,
    closedAt: endedAt,
    closeReason: null,
    withdrawnReason: null,
    refusal: null,
    escalationRefusal: null,
    reopenings: [],
    mergedInto: null,
    duplicates: [],
    satisfaction: null,
    lessons: [],
    stage2Review: null,
  };
}

function extension(workingDays: number, reason: string): Extension {
  return {
    at: '2026-11-18T10:00:00Z',
    workingDays,
    reason,
    exceptionalReason: null,
    notice: null,
    fromDueOn: null,
    toDueOn: null,
  };
}

function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`No preset ${id}`);
  return found;
}

/** [stage, kind, dueOn, metOn, provisional] for compact comparison. */
function summary(deadlines: readonly Deadline[]) {
  return deadlines.map((d) => [d.stage, d.kind, d.dueOn, d.metOn, d.provisional]);
}

// Friday 6 November 2026, 10:00 GMT.
const RECEIVED = '2026-11-06T10:00:00Z';
const ACKNOWLEDGED = '2026-11-09T14:00:00Z'; // Mon 9 Nov
const RESPONDED = '2026-11-20T16:00:00Z'; // Fri 20 Nov
const ESCALATED = '2026-12-14T11:00:00Z'; // Mon 14 Dec
const ESCALATION_ACKNOWLEDGED = '2026-12-17T09:00:00Z'; // Thu 17 Dec

// ---------------------------------------------------------------------------------------------

describe('deriveDeadlines for a complaint received Fri 6 Nov 2026', () => {
  it.each([
    // id, acknowledge due, respond due, respond provisional
    ['code-2024', '2026-11-13', '2026-11-27', true],
    ['seed-000', '2026-11-11', '2026-11-25', true], // 3 days, then 10 from Wed 11 Nov
    ['seed-001', '2026-11-13', '2026-11-20', false], // 10 from receipt: fixed from the start
    ['seed-002', '2026-11-13', '2026-11-27', true],
    ['seed-003', '2026-11-13', '2026-11-27', true],
    ['seed-004', '2026-11-10', '2026-11-24', true], // 2 days, then 10 from Tue 10 Nov
  ] as const)(
    '%s, not yet acknowledged: acknowledge by %s, respond by %s',
    (id, ack, respond, provisional) => {
      const deadlines = deriveDeadlines(complaint([{ policy: preset(id), startedAt: RECEIVED }]));
      expect(summary(deadlines)).toEqual([
        [1, 'acknowledge', ack, null, false],
        [1, 'respond', respond, null, provisional],
      ]);
    },
  );

  it.each([
    // id, acknowledge due, respond due once acknowledged Mon 9 Nov
    ['code-2024', '2026-11-13', '2026-11-23'],
    ['seed-000', '2026-11-11', '2026-11-23'],
    ['seed-001', '2026-11-13', '2026-11-20'],
    ['seed-002', '2026-11-13', '2026-11-23'],
    ['seed-003', '2026-11-13', '2026-11-23'],
    ['seed-004', '2026-11-10', '2026-11-23'],
  ] as const)('%s, through stage 2 over Christmas', (id, ack, respond) => {
    const policy = preset(id);
    const state = complaint([
      { policy, startedAt: RECEIVED, acknowledgedAt: ACKNOWLEDGED, respondedAt: RESPONDED },
      { policy, startedAt: ESCALATED, acknowledgedAt: ESCALATION_ACKNOWLEDGED },
    ]);
    expect(summary(deriveDeadlines(state))).toEqual([
      [1, 'acknowledge', ack, '2026-11-09', false],
      [1, 'respond', respond, '2026-11-20', false],
      // Every preset acknowledges stage 2 in 5 working days and responds in 20 from then:
      // Christmas Day, Boxing Day (Mon 28 Dec) and New Year's Day are skipped.
      [2, 'acknowledge', '2026-12-21', '2026-12-17', false],
      [2, 'respond', '2027-01-19', null, false],
    ]);
  });
});

describe('deriveDeadlines: counting', () => {
  it('counts from the London date of receipt, not the UTC one', () => {
    // 23:30 UTC on Thu 9 Jul is 00:30 on Fri 10 Jul in London.
    const state = complaint([{ policy: CODE_2024, startedAt: '2026-07-09T23:30:00Z' }]);
    const [acknowledge] = deriveDeadlines(state);
    expect(acknowledge?.dueOn).toBe('2026-07-17');
    expect(acknowledge?.explanation.from).toBe('2026-07-10');
  });

  it('counts a complaint received on a Saturday as if received the Friday before', () => {
    const saturday = complaint([{ policy: CODE_2024, startedAt: '2026-11-07T11:00:00Z' }]);
    expect(deriveDeadlines(saturday).map((d) => d.dueOn)).toEqual(['2026-11-13', '2026-11-27']);
  });

  it('skips Good Friday and Easter Monday 2027', () => {
    // Seed 004: 2 working days to acknowledge, received Thu 25 Mar 2027.
    const state = complaint([{ policy: preset('seed-004'), startedAt: '2027-03-25T10:00:00Z' }]);
    const [acknowledge, respond] = deriveDeadlines(state);
    expect(acknowledge?.dueOn).toBe('2027-03-31');
    expect(acknowledge?.explanation.text).toBe(
      'Stage 1 acknowledgement due Wed 31 Mar 2027, 2 working days after receipt on ' +
        'Thu 25 Mar 2027: skips Good Friday, Easter Monday and 1 weekend.',
    );
    expect(respond?.dueOn).toBe('2027-04-14');
  });

  it('moves the response date by each extension from the current due date', () => {
    const state = complaint([
      {
        policy: CODE_2024,
        startedAt: RECEIVED,
        acknowledgedAt: ACKNOWLEDGED,
        extensions: [
          extension(5, 'awaiting the surveyor’s report'),
          extension(3, 'contractor delayed'),
        ],
      },
    ]);
    const respond = deriveDeadlines(state)[1];
    // Mon 23 Nov, +5 = Mon 30 Nov, +3 = Thu 3 Dec.
    expect(respond).toMatchObject({ dueOn: '2026-12-03', extendedBy: 8, provisional: false });
    expect(respond?.explanation).toMatchObject({
      rule: '10 working days after acknowledgement',
      from: '2026-11-09',
      fromLabel: 'acknowledgement',
      workingDays: 10,
      extensions: [
        { workingDays: 5, reason: 'awaiting the surveyor’s report' },
        { workingDays: 3, reason: 'contractor delayed' },
      ],
    });
    expect(respond?.explanation.text).toBe(
      'Stage 1 response due Thu 3 Dec 2026, 10 working days after acknowledgement on ' +
        'Mon 9 Nov 2026, extended by 5 working days (awaiting the surveyor’s report) and ' +
        '3 working days (contractor delayed): skips 3 weekends.',
    );
  });

  it('extends across Christmas and New Year', () => {
    const state = complaint([
      {
        policy: CODE_2024,
        startedAt: '2026-12-07T10:00:00Z', // Mon 7 Dec
        acknowledgedAt: '2026-12-08T10:00:00Z', // Tue 8 Dec: respond by Tue 22 Dec
        extensions: [extension(10, 'independent damp survey')],
      },
    ]);
    expect(deriveDeadlines(state)[1]?.dueOn).toBe('2027-01-08');
  });

  it('explains a deadline in words, naming the bank holidays skipped', () => {
    const state = complaint([
      {
        policy: CODE_2024,
        startedAt: RECEIVED,
        acknowledgedAt: ACKNOWLEDGED,
        respondedAt: RESPONDED,
      },
      { policy: CODE_2024, startedAt: ESCALATED, acknowledgedAt: ESCALATION_ACKNOWLEDGED },
    ]);
    const deadlines = deriveDeadlines(state);
    expect(deadlines[0]?.explanation.text).toBe(
      'Stage 1 acknowledgement due Fri 13 Nov 2026, 5 working days after receipt on ' +
        'Fri 6 Nov 2026: skips 1 weekend.',
    );
    expect(deadlines[2]?.explanation).toMatchObject({
      rule: '5 working days after escalation request',
      from: '2026-12-14',
      fromLabel: 'escalation request',
    });
    const respond = deadlines[3];
    expect(respond?.explanation.skipped.map((d) => [d.date, d.kind, d.title])).toEqual([
      ['2026-12-19', 'weekend', 'Saturday'],
      ['2026-12-20', 'weekend', 'Sunday'],
      ['2026-12-25', 'bank-holiday', 'Christmas Day'],
      ['2026-12-26', 'weekend', 'Saturday'],
      ['2026-12-27', 'weekend', 'Sunday'],
      ['2026-12-28', 'bank-holiday', 'Boxing Day'],
      ['2027-01-01', 'bank-holiday', 'New Year’s Day'],
      ['2027-01-02', 'weekend', 'Saturday'],
      ['2027-01-03', 'weekend', 'Sunday'],
      ['2027-01-09', 'weekend', 'Saturday'],
      ['2027-01-10', 'weekend', 'Sunday'],
      ['2027-01-16', 'weekend', 'Saturday'],
      ['2027-01-17', 'weekend', 'Sunday'],
    ]);
    expect(respond?.explanation.text).toBe(
      'Stage 2 response due Tue 19 Jan 2027, 20 working days after acknowledgement on ' +
        'Thu 17 Dec 2026: skips Christmas Day, Boxing Day (substitute day Mon 28 Dec), ' +
        'New Year’s Day and 5 weekends.',
    );
  });

  it("skips the landlord's closure days and names them", () => {
    const closed: Policy = {
      ...CODE_2024,
      id: 'riverside',
      closures: ['2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31'].map((date) => ({
        date,
        title: 'Christmas closure',
      })),
    };
    const state = complaint([
      { policy: closed, startedAt: RECEIVED, acknowledgedAt: ACKNOWLEDGED, respondedAt: RESPONDED },
      { policy: closed, startedAt: ESCALATED, acknowledgedAt: ESCALATION_ACKNOWLEDGED },
    ]);
    const respond = deriveDeadlines(state)[3];
    expect(respond?.dueOn).toBe('2027-01-25');
    // The closure's four days share its name, counted once, in the order first met.
    expect(respond?.explanation.text).toBe(
      'Stage 2 response due Mon 25 Jan 2027, 20 working days after acknowledgement on ' +
        'Thu 17 Dec 2026: skips Christmas closure (4 days), Christmas Day, Boxing Day ' +
        '(substitute day Mon 28 Dec), New Year’s Day and 6 weekends.',
    );
  });

  it('uses newer bank-holiday data when given', () => {
    const holidays: BankHolidaysData = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'State occasion', date: '2026-11-11' }],
      },
    };
    const state = complaint([{ policy: CODE_2024, startedAt: RECEIVED }]);
    const [acknowledge] = deriveDeadlines(state, { holidays });
    expect(acknowledge?.dueOn).toBe('2026-11-16');
    expect(acknowledge?.explanation.text).toContain(': skips State occasion and 2 weekends.');
    expect(deriveDeadlines(state)[0]?.dueOn).toBe('2026-11-13');
  });
});

describe('deriveDeadlines: an explanation stays short', () => {
  it('counts the weekends, names the holidays, and is bounded however long the span', () => {
    // The longest span a stage may reach: every extension at its maximum, with long reasons.
    const extensions = Array.from({ length: 120 }, (_, i) =>
      extension(1, `Reason ${i} `.padEnd(2000, 'x')),
    );
    const state = complaint([
      { policy: CODE_2024, startedAt: RECEIVED, acknowledgedAt: ACKNOWLEDGED, extensions },
    ]);
    const respond = deriveDeadlines(state)[1];
    const text = respond?.explanation.text ?? '';
    expect(respond?.dueOn).toBe('2027-05-18');
    expect(text.length).toBeLessThanOrEqual(MAX_EXPLANATION_LENGTH);
    expect(text).toContain('and 117 more extensions of 117 working days');
    expect(text).toMatch(
      /: skips Christmas Day, Boxing Day \(substitute day Mon 28 Dec\), New Year’s Day, Good Friday, Easter Monday, Early May bank holiday and \d+ weekends\.$/,
    );
    expect(text).not.toContain('Saturday');
    // Every day is still listed in the structured explanation: a weekend is its Saturday and
    // Sunday, and this span starts on a Monday and ends on a Tuesday.
    expect(respond?.explanation.skipped.filter((d) => d.kind === 'weekend').length).toBe(
      2 * Number(/ and (\d+) weekends\.$/.exec(text)?.[1]),
    );
  });
});

describe('deriveDeadlines: the response clock', () => {
  it('before acknowledgement, counts the response from the acknowledgement due date, provisionally', () => {
    const respond = deriveDeadlines(complaint([{ policy: CODE_2024, startedAt: RECEIVED }]))[1];
    expect(respond).toMatchObject({ dueOn: '2026-11-27', provisional: true, metAt: null });
    expect(respond?.explanation).toMatchObject({
      from: '2026-11-13',
      fromLabel: 'acknowledgement due date (provisional)',
    });
    expect(respond?.explanation.text).toBe(
      'Stage 1 response due Fri 27 Nov 2026 (provisional), 10 working days after the ' +
        'acknowledgement due date, Fri 13 Nov 2026, until the complaint is acknowledged: ' +
        'skips 2 weekends.',
    );
  });

  it('once acknowledged on time, counts from the acknowledgement (Code 6.3)', () => {
    const early = complaint([
      { policy: CODE_2024, startedAt: RECEIVED, acknowledgedAt: '2026-11-10T09:00:00Z' },
    ]);
    expect(summary(deriveDeadlines(early))).toEqual([
      [1, 'acknowledge', '2026-11-13', '2026-11-10', false],
      [1, 'respond', '2026-11-24', null, false],
    ]);
  });

  it('acknowledged late, keeps the response date counted from the acknowledgement due date', () => {
    // Counting from the late acknowledgement would give Mon 30 Nov: the response would gain the
    // days the acknowledgement lost, and an overdue response could turn pending again.
    const late = complaint([
      { policy: CODE_2024, startedAt: RECEIVED, acknowledgedAt: '2026-11-16T09:00:00Z' },
    ]);
    expect(summary(deriveDeadlines(late))).toEqual([
      [1, 'acknowledge', '2026-11-13', '2026-11-16', false],
      [1, 'respond', '2026-11-27', null, false],
    ]);
  });

  it('on a receipt clock, counts the response from receipt whenever the acknowledgement comes', () => {
    const policy = preset('seed-001');
    const before = deriveDeadlines(complaint([{ policy, startedAt: RECEIVED }]))[1];
    const after = deriveDeadlines(
      complaint([{ policy, startedAt: RECEIVED, acknowledgedAt: '2026-11-12T10:00:00Z' }]),
    )[1];
    for (const respond of [before, after]) {
      expect(respond).toMatchObject({ dueOn: '2026-11-20', provisional: false });
      expect(respond?.explanation).toMatchObject({
        rule: '10 working days after receipt',
        from: '2026-11-06',
        fromLabel: 'receipt',
      });
    }
  });

  it('on a receipt clock at stage 2, counts from the escalation request', () => {
    const policy: Policy = {
      ...CODE_2024,
      stage2: { ...CODE_2024.stage2, responseClock: 'receipt' },
    };
    const state = complaint([
      { policy, startedAt: RECEIVED, acknowledgedAt: ACKNOWLEDGED, respondedAt: RESPONDED },
      { policy, startedAt: ESCALATED, acknowledgedAt: ESCALATION_ACKNOWLEDGED },
    ]);
    // 20 working days after Mon 14 Dec, Christmas skipped.
    expect(deriveDeadlines(state)[3]).toMatchObject({
      dueOn: '2027-01-14',
      explanation: { fromLabel: 'escalation request', from: '2026-12-14' },
    });
  });

  it('lets a response meet the acknowledgement too where the policy allows responding without one', () => {
    const policy: Policy = { ...CODE_2024, respondWithoutAcknowledgement: true };
    const state = complaint([{ policy, startedAt: RECEIVED, respondedAt: '2026-11-11T12:00:00Z' }]);
    const deadlines = deriveDeadlines(state);
    expect(summary(deadlines)).toEqual([
      [1, 'acknowledge', '2026-11-13', '2026-11-11', false],
      [1, 'respond', '2026-11-27', '2026-11-11', false],
    ]);
    expect(deadlines[1]?.explanation.fromLabel).toBe(
      'acknowledgement due date (no separate acknowledgement)',
    );
  });

  it('does not count a response as the acknowledgement where the policy asks for both', () => {
    const state = complaint([
      { policy: CODE_2024, startedAt: RECEIVED, respondedAt: '2026-11-11T12:00:00Z' },
    ]);
    expect(deriveDeadlines(state)[0]?.metAt).toBeNull();
  });

  it('counts each stage with the policy version in force when it began', () => {
    const v2: Policy = {
      ...CODE_2024,
      version: 2,
      stage1: { ...CODE_2024.stage1, acknowledgeDays: 2 },
      stage2: { ...CODE_2024.stage2, respondDays: 15 },
    };
    const state = complaint([
      {
        policy: CODE_2024,
        startedAt: RECEIVED,
        acknowledgedAt: ACKNOWLEDGED,
        respondedAt: RESPONDED,
      },
      { policy: v2, startedAt: ESCALATED, acknowledgedAt: ESCALATION_ACKNOWLEDGED },
    ]);
    expect(deriveDeadlines(state).map((d) => d.dueOn)).toEqual([
      '2026-11-13', // stage 1 keeps version 1's 5 days
      '2026-11-23',
      '2026-12-21',
      '2027-01-12', // 15 working days after Thu 17 Dec
    ]);
  });
});

describe('deriveDeadlines: cases that stop', () => {
  it('keeps both deadlines of a responded stage with their met dates', () => {
    const state = complaint(
      [
        {
          policy: CODE_2024,
          startedAt: RECEIVED,
          acknowledgedAt: ACKNOWLEDGED,
          respondedAt: RESPONDED,
        },
      ],
      'closed',
      '2026-11-24T10:00:00Z',
    );
    expect(summary(deriveDeadlines(state))).toEqual([
      [1, 'acknowledge', '2026-11-13', '2026-11-09', false],
      [1, 'respond', '2026-11-23', '2026-11-20', false],
    ]);
  });

  it('drops the deadlines a withdrawn complaint had not met and were not yet due', () => {
    // Respond by Mon 23 Nov; withdrawn Thu 12 Nov.
    const state = complaint(
      [{ policy: CODE_2024, startedAt: RECEIVED, acknowledgedAt: ACKNOWLEDGED }],
      'withdrawn',
      '2026-11-12T10:00:00Z',
    );
    expect(summary(deriveDeadlines(state))).toEqual([
      [1, 'acknowledge', '2026-11-13', '2026-11-09', false],
    ]);
  });

  it('drops every deadline of a complaint refused before acknowledgement was due', () => {
    // Acknowledge by Fri 13 Nov; refused Mon 9 Nov.
    const state = complaint([{ policy: CODE_2024, startedAt: RECEIVED }], 'refused', ACKNOWLEDGED);
    expect(deriveDeadlines(state)).toEqual([]);
  });

  it('drops a deadline whose due day is the day the case ended: it was not yet late', () => {
    const state = complaint(
      [{ policy: CODE_2024, startedAt: RECEIVED }],
      'refused',
      '2026-11-13T16:00:00Z',
    );
    expect(deriveDeadlines(state)).toEqual([]);
  });

  it.each(['refused', 'withdrawn', 'merged'] as const)(
    'Code 2.1: keeps, as missed, a deadline already late when the case was %s',
    (status) => {
      // Acknowledge by Fri 13 Nov, never done; the case ended Tue 17 Nov. The provisional
      // response (due Fri 27 Nov) was not yet late, and goes.
      const endedAt = '2026-11-17T10:00:00.000Z';
      const state = complaint([{ policy: CODE_2024, startedAt: RECEIVED }], status, endedAt);
      const deadlines = deriveDeadlines(state);
      expect(deadlines).toHaveLength(1);
      expect(deadlines[0]).toMatchObject({
        stage: 1,
        kind: 'acknowledge',
        dueOn: '2026-11-13',
        metAt: null,
        stoppedAt: endedAt,
      });
      const calendar = calendarForPolicy(CODE_2024);
      // Missed whenever it is read, and nothing is left to do.
      for (const now of ['2026-11-17T12:00:00Z', '2027-06-01T12:00:00Z']) {
        expect(deadlineStatus(deadlines[0] as Deadline, now, calendar, 2)).toEqual({
          state: 'missed',
          workingDaysLeft: null,
        });
      }
    },
  );

  it('sets no stoppedAt on the deadlines of an open or closed case', () => {
    const open = complaint([{ policy: CODE_2024, startedAt: RECEIVED }]);
    expect(deriveDeadlines(open).map((d) => d.stoppedAt)).toEqual([null, null]);
  });

  it('keeps stage 1 and drops stage 2 when withdrawn during stage 2 before acknowledgement', () => {
    const state = complaint(
      [
        {
          policy: CODE_2024,
          startedAt: RECEIVED,
          acknowledgedAt: ACKNOWLEDGED,
          respondedAt: RESPONDED,
        },
        { policy: CODE_2024, startedAt: ESCALATED },
      ],
      'withdrawn',
      '2026-12-16T10:00:00Z',
    );
    expect(deriveDeadlines(state).map((d) => [d.stage, d.kind])).toEqual([
      [1, 'acknowledge'],
      [1, 'respond'],
    ]);
  });

  it('gives deadlines whose states a handler can read: a late acknowledgement is missed, and buys the response no time', () => {
    const state = complaint([
      { policy: CODE_2024, startedAt: RECEIVED, acknowledgedAt: '2026-11-16T09:00:00Z' },
    ]);
    const calendar = calendarForPolicy(CODE_2024);
    const states = deriveDeadlines(state).map((d) =>
      deadlineStatus(d, '2026-11-25T10:00:00Z', calendar, CODE_2024.warningDays),
    );
    expect(states).toEqual([
      { state: 'missed', workingDaysLeft: null },
      { state: 'due-soon', workingDaysLeft: 2 },
    ]);
    const respond = deriveDeadlines(state)[1];
    expect(respond?.dueOn).toBe('2026-11-27');
    expect(respond?.explanation.fromLabel).toBe('acknowledgement due date (acknowledged late)');
    expect(respond?.explanation.text).toMatch(/as the acknowledgement on Mon 16 Nov 2026 was late/);
  });
});
