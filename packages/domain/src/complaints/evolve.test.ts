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
      representative: null,
      summary: 'Damp',
      desiredOutcome: 'Fix it',
      category: 'repairs',
      tenure: 'lcho',
      serviceRequestId: 'SR-9',
      stages: [
        {
          stage: 1,
          policy: CODE_2024,
          startedAt: '2026-11-06T09:30:00.000Z',
          handler: null,
          handlerId: null,
          teamId: null,
          acknowledgedAt: null,
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
      ombudsman: [],
      lastEventAt: '2026-11-06T10:00:00.000Z',
      closedAt: null,
      closeReason: null,
      withdrawnReason: null,
      refusal: null,
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
      teamId: null,
      acknowledgedAt: '2026-11-19T10:00:00.000Z',
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
        agreedAt: '2026-11-16T15:30:00.000Z',
        completedAt: null,
        note: null,
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
      { reference: 'HOS-1', referredAt: '2026-12-01T10:00:00.000Z' },
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
