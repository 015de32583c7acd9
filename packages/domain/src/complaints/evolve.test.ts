import { describe, expect, it } from 'vitest';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import type { Actor, ComplaintEvent, ComplaintLogged, ComplaintState } from './complaint.types.js';
import { evolve, replay } from './evolve.js';

const actor: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
const seed004 = presetById('seed-004') as Policy;

const logged: ComplaintLogged = {
  type: 'complaint-logged',
  at: '2026-11-06T10:00:00.000Z',
  actor,
  complaintId: 'C-1',
  reference: 'RDR-1',
  receivedAt: '2026-11-06T09:30:00.000Z',
  channel: 'email',
  complainant: { name: 'Jordan Price', type: 'tenant' },
  representative: null,
  summary: 'Damp',
  desiredOutcome: 'Fix it',
  category: 'repairs',
  tenure: 'lcho',
  serviceRequestId: 'SR-9',
  policy: CODE_2024,
};

// A whole history, hand-written so that these tests do not lean on `decide`.
const history: readonly ComplaintEvent[] = [
  logged,
  { type: 'complaint-assigned', at: '2026-11-06T11:00:00.000Z', actor, stage: 1, handler: 'Alex' },
  { type: 'complaint-acknowledged', at: '2026-11-09T09:00:00.000Z', actor, stage: 1 },
  {
    type: 'response-deadline-extended',
    at: '2026-11-12T09:00:00.000Z',
    actor,
    stage: 1,
    workingDays: 3,
    reason: 'Survey',
    exceptionalReason: null,
  },
  {
    type: 'complaint-responded',
    at: '2026-11-16T15:00:00.000Z',
    actor,
    stage: 1,
    outcome: 'partly-upheld',
    findings: 'Missed twice',
    remedies: [{ kind: 'apology', description: 'Sorry', amountPence: null }],
  },
  {
    type: 'action-agreed',
    at: '2026-11-16T15:30:00.000Z',
    actor,
    stage: 1,
    actionId: 'A1',
    description: 'Treat the damp',
    owner: 'Repairs',
    dueOn: '2026-11-27',
    remedy: 'action-on-delay',
  },
  {
    type: 'escalation-requested',
    at: '2026-11-18T10:00:00.000Z',
    actor,
    reason: 'Still damp',
    lateReason: null,
    policy: seed004,
  },
  { type: 'complaint-assigned', at: '2026-11-18T11:00:00.000Z', actor, stage: 2, handler: 'Priya' },
  { type: 'action-completed', at: '2026-11-19T09:00:00.000Z', actor, actionId: 'A1', note: 'Done' },
  { type: 'complaint-acknowledged', at: '2026-11-19T10:00:00.000Z', actor, stage: 2 },
  {
    type: 'complaint-responded',
    at: '2026-11-30T10:00:00.000Z',
    actor,
    stage: 2,
    outcome: 'upheld',
    findings: 'Fell short',
    remedies: [],
  },
  { type: 'referred-to-ombudsman', at: '2026-12-01T10:00:00.000Z', actor, reference: 'HOS-1' },
  {
    type: 'complaint-closed',
    at: '2026-12-02T10:00:00.000Z',
    actor,
    reason: 'resolved',
    automatic: false,
  },
];

function replayed(count: number): ComplaintState {
  const state = replay(history.slice(0, count));
  if (!state) throw new Error('empty history');
  return state;
}

describe('evolve', () => {
  it('creates the case from the log, stage 1 starting at receipt under the logged policy', () => {
    expect(evolve(null, logged)).toEqual({
      id: 'C-1',
      reference: 'RDR-1',
      version: 1,
      status: 'received',
      stage: 1,
      receivedAt: '2026-11-06T09:30:00.000Z',
      loggedBy: actor,
      channel: 'email',
      complainant: { name: 'Jordan Price', type: 'tenant' },
      additionalComplainants: [],
      representative: null,
      summary: 'Damp',
      desiredOutcome: 'Fix it',
      category: 'repairs',
      tenure: 'lcho',
      serviceRequestId: 'SR-9',
      contractor: null,
      stages: [
        {
          stage: 1,
          policy: CODE_2024,
          startedAt: '2026-11-06T09:30:00.000Z',
          handler: null,
          handlerId: null,
          teamId: null,
          acknowledgedAt: null,
          assignedUserIds: [],
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
        },
      ],
      actions: [],
      remedies: [],
      ombudsman: [],
      lastEventAt: '2026-11-06T10:00:00.000Z',
      closedAt: null,
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
    });
  });

  it.each([
    [1, 'received', 1],
    [2, 'received', 1],
    [3, 'acknowledged', 1],
    [4, 'acknowledged', 1],
    [5, 'responded', 1],
    [6, 'responded', 1],
    [7, 'received', 2],
    [8, 'received', 2],
    [9, 'received', 2],
    [10, 'acknowledged', 2],
    [11, 'responded', 2],
    [12, 'responded', 2],
    [13, 'closed', 2],
  ] as const)('after %i events: version %i, %s at stage %i', (count, status, stage) => {
    const state = replayed(count);
    expect(state.version).toBe(count);
    expect(state.status).toBe(status);
    expect(state.stage).toBe(stage);
    expect(state.lastEventAt).toBe(history[count - 1]?.at);
  });

  it('keeps what happened at stage 1 when stage 2 opens with its own policy', () => {
    const state = replayed(history.length);
    const [stage1, stage2] = state.stages;
    expect(stage1).toMatchObject({
      policy: CODE_2024,
      handler: 'Alex',
      acknowledgedAt: '2026-11-09T09:00:00.000Z',
      extensions: [
        {
          at: '2026-11-12T09:00:00.000Z',
          workingDays: 3,
          reason: 'Survey',
          exceptionalReason: null,
          // An event from before notices were kept.
          notice: null,
        },
      ],
      respondedAt: '2026-11-16T15:00:00.000Z',
      outcome: 'partly-upheld',
      findings: 'Missed twice',
      remedies: [{ kind: 'apology', description: 'Sorry', amountPence: null }],
    });
    expect(stage2).toEqual({
      stage: 2,
      policy: seed004,
      startedAt: '2026-11-18T10:00:00.000Z',
      handler: 'Priya',
      handlerId: null,
      assignedUserIds: [],
      teamId: null,
      acknowledgedAt: '2026-11-19T10:00:00.000Z',
      acknowledgedBy: actor,
      // An acknowledgement from before the complaint definition was kept.
      understanding: null,
      outcomeSought: null,
      clarification: null,
      points: [],
      extensions: [],
      respondedAt: '2026-11-30T10:00:00.000Z',
      respondedBy: actor,
      outcome: 'upheld',
      findings: 'Fell short',
      remedies: [],
      escalationReason: 'Still damp',
      lateReason: null,
    });
  });

  it('follows an action from agreement to completion', () => {
    expect(replayed(6).actions).toEqual([
      {
        id: 'A1',
        stage: 1,
        description: 'Treat the damp',
        owner: 'Repairs',
        dueOn: '2026-11-27',
        remedy: 'action-on-delay',
        remedyId: null,
        agreedAt: '2026-11-16T15:30:00.000Z',
        completedAt: null,
        note: null,
        updates: [],
      },
    ]);
    expect(replayed(9).actions[0]).toMatchObject({
      completedAt: '2026-11-19T09:00:00.000Z',
      note: 'Done',
    });
  });

  it('records Ombudsman referrals without changing the status', () => {
    const state = replayed(12);
    expect(state.ombudsman).toEqual([
      {
        reference: 'HOS-1',
        // An event from before the LGSCO could be named: the Housing Ombudsman.
        ombudsman: 'housing-ombudsman',
        referredAt: '2026-12-01T10:00:00.000Z',
        determination: null,
        orders: [],
      },
    ]);
    expect(state.status).toBe('responded');
  });

  it('ends the case on closing, withdrawal or refusal, each with its own record', () => {
    expect(replayed(history.length)).toMatchObject({
      status: 'closed',
      closedAt: '2026-12-02T10:00:00.000Z',
      closeReason: 'resolved',
      withdrawnReason: null,
      refusal: null,
    });
    const withdrawn = evolve(replayed(3), {
      type: 'complaint-withdrawn',
      at: '2026-11-10T09:00:00.000Z',
      actor,
      reason: 'Sorted informally',
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      closedAt: '2026-11-10T09:00:00.000Z',
      closeReason: null,
      withdrawnReason: 'Sorted informally',
    });
    const refused = evolve(replayed(1), {
      type: 'complaint-refused',
      at: '2026-11-07T09:00:00.000Z',
      actor,
      reason: 'over-12-months-old',
      explanation: 'The repair was in 2024.',
    });
    expect(refused).toMatchObject({
      status: 'refused',
      closedAt: '2026-11-07T09:00:00.000Z',
      refusal: { reason: 'over-12-months-old', explanation: 'The repair was in 2024.' },
    });
  });

  it('keeps the complaint definition set out on acknowledgement (Code 5.6)', () => {
    const state = evolve(replayed(2), {
      type: 'complaint-acknowledged',
      at: '2026-11-09T09:00:00.000Z',
      actor,
      stage: 1,
      understanding: 'Damp in the bedroom since August',
      outcomeSought: null,
      clarification: 'Asked whether the hallway is affected too',
    });
    expect(state.stages[0]).toMatchObject({
      acknowledgedBy: actor,
      understanding: 'Damp in the bedroom since August',
      outcomeSought: null,
      clarification: 'Asked whether the hallway is affected too',
    });
  });

  it('re-opens a case closed after stage 1 at stage 2 when the resident escalates (Code 6.10)', () => {
    const closed = evolve(replayed(6), {
      type: 'complaint-closed',
      at: '2026-11-17T10:00:00.000Z',
      actor,
      reason: 'resolved',
      automatic: false,
    });
    const escalated = evolve(closed, {
      type: 'escalation-requested',
      at: '2026-11-20T10:00:00.000Z',
      actor,
      reason: null,
      lateReason: null,
      policy: seed004,
      reopened: true,
    });
    expect(escalated).toMatchObject({
      status: 'received',
      stage: 2,
      closedAt: null,
      closeReason: null,
    });
    expect(escalated.stages[0]).toEqual(closed.stages[0]);
    expect(escalated.stages[1]).toMatchObject({ escalationReason: null, policy: seed004 });
  });

  it('closes a case whose escalation was refused, keeping the decision (Code 5.11)', () => {
    const notice = { toldOn: '2026-11-20', method: 'letter', ombudsmanDetailsGiven: true } as const;
    const refused = evolve(replayed(6), {
      type: 'escalation-refused',
      at: '2026-11-20T10:00:00.000Z',
      actor,
      reason: 'legal-proceedings',
      explanation: 'The matter is now before the county court.',
      notice,
    });
    expect(refused).toMatchObject({
      status: 'closed',
      stage: 1,
      closedAt: '2026-11-20T10:00:00.000Z',
      closeReason: 'escalation-refused',
      escalationRefusal: {
        reason: 'legal-proceedings',
        explanation: 'The matter is now before the county court.',
        at: '2026-11-20T10:00:00.000Z',
        notice,
      },
    });
  });

  it('re-opens an ended case where it stood, keeping why', () => {
    const withdrawn = evolve(replayed(3), {
      type: 'complaint-withdrawn',
      at: '2026-11-10T09:00:00.000Z',
      actor,
      reason: 'Sorted informally',
    });
    const reopened = evolve(withdrawn, {
      type: 'complaint-reopened',
      at: '2026-11-11T09:00:00.000Z',
      actor,
      reason: 'The resident rang: the damp came back overnight.',
    });
    expect(reopened).toMatchObject({
      status: 'acknowledged',
      stage: 1,
      closedAt: null,
      withdrawnReason: null,
      reopenings: [
        {
          at: '2026-11-11T09:00:00.000Z',
          reason: 'The resident rang: the damp came back overnight.',
        },
      ],
    });
    const closed = evolve(replayed(history.length), {
      type: 'complaint-reopened',
      at: '2026-12-03T10:00:00.000Z',
      actor,
      reason: 'The Ombudsman asked us to look again at the remedy.',
    });
    expect(closed).toMatchObject({
      status: 'responded',
      stage: 2,
      closedAt: null,
      closeReason: null,
    });
  });

  it('marks an automatic close as such', () => {
    const state = evolve(replayed(5), {
      type: 'complaint-closed',
      at: '2026-12-20T00:00:00.000Z',
      actor: { kind: 'system', id: 'redress' },
      reason: 'escalation-window-lapsed',
      automatic: true,
    });
    expect(state).toMatchObject({ status: 'closed', closeReason: 'escalation-window-lapsed' });
  });

  it('leaves the state it was given untouched', () => {
    const before = replayed(5);
    const snapshot: unknown = JSON.parse(JSON.stringify(before));
    evolve(before, history[5] as ComplaintEvent);
    expect(before).toEqual(snapshot);
  });

  it('refuses a corrupt history: a step before the log, a second log, a stage never opened', () => {
    expect(() => evolve(null, history[1] as ComplaintEvent)).toThrow(/needs a logged complaint/);
    expect(() => evolve(replayed(1), logged)).toThrow(/already logged/);
    expect(() =>
      evolve(replayed(1), { type: 'complaint-acknowledged', at: logged.at, actor, stage: 2 }),
    ).toThrow(/has no stage 2/);
  });
});

describe('replay', () => {
  it('is null for no events and the fold of evolve otherwise', () => {
    expect(replay([])).toBeNull();
    let state: ComplaintState | null = null;
    for (const event of history) state = evolve(state, event);
    expect(replay(history)).toEqual(state);
  });
});
