import { describe, expect, it } from 'vitest';
import { CODE_2024 } from '../policies/presets.js';
import type { Actor, ComplaintCommand, ComplaintState, Instant } from './complaint.types.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { type OlderComplaintState, upgradeState } from './state-upgrade.js';

const alex: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
const priya: Actor = { kind: 'user', id: 'user-priya', name: 'Priya Shah' };

function fold(steps: readonly [Instant, ComplaintCommand, Actor][]): ComplaintState {
  let state: ComplaintState | null = null;
  for (const [now, command, actor] of steps) {
    const result = decide(state, command, { now, actor, policy: CODE_2024 });
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    for (const event of result.value) state = evolve(state, event);
  }
  if (state === null) throw new Error('nothing folded');
  return state;
}

/** What a snapshot written before these fields existed holds: the same state without them. */
function asWrittenBefore(state: ComplaintState): OlderComplaintState {
  const {
    additionalComplainants: _a,
    contractor: _c,
    remedies: _r,
    escalationRefusal: _e,
    reopenings: _o,
    mergedInto: _m,
    duplicates: _d,
    ...rest
  } = state;
  return {
    ...rest,
    stages: state.stages.map(
      ({
        acknowledgedBy: _b,
        understanding: _u,
        outcomeSought: _s,
        clarification: _l,
        points: _p,
        assignedUserIds: _g,
        ...stage
      }) => ({
        ...stage,
        extensions: stage.extensions.map(({ notice: _n, ...extension }) => extension),
        remedies: stage.remedies.map(({ id: _i, ...remedy }) => remedy),
      }),
    ),
    actions: state.actions.map(({ remedyId: _i, updates: _u, ...action }) => action),
    ombudsman: state.ombudsman.map(
      ({ ombudsman: _w, determination: _t, orders: _o2, ...referral }) => referral,
    ),
  };
}

describe('upgradeState: a snapshot folded by an earlier release', () => {
  const history: [Instant, ComplaintCommand, Actor][] = [
    [
      '2026-11-06T09:30:00Z',
      {
        type: 'log',
        complaintId: 'C-1',
        reference: 'CMP-2026-000001',
        receivedAt: '2026-11-06T09:30:00Z',
        channel: 'phone',
        complainant: { name: 'Jordan Price', type: 'tenant' },
        summary: 'Damp in the bedroom, reported three times.',
        desiredOutcome: 'The damp treated for good.',
        category: 'repairs',
        tenure: 'lcra',
      },
      alex,
    ],
    ['2026-11-09T09:00:00Z', { type: 'acknowledge' }, alex],
    [
      '2026-11-16T15:00:00Z',
      {
        type: 'respond',
        outcome: 'partly-upheld',
        findings: 'Two visits were missed.',
        remedies: [
          { kind: 'apology', description: 'We apologise.' },
          { kind: 'financial-compensation', description: 'For the delay', amountPence: 15000 },
        ],
      },
      alex,
    ],
    ['2026-11-17T10:00:00Z', { type: 'refer-to-ombudsman', reference: 'HOS-1' }, priya],
  ];

  it('reads as today’s fold of the same events, remedies numbered as decide numbers them', () => {
    const today = fold(history);
    const upgraded = upgradeState(asWrittenBefore(today));
    // What the old fold never recorded (who acknowledged, the definition) is unknown: null.
    expect(upgraded).toEqual({
      ...today,
      stages: today.stages.map((stage) => ({
        ...stage,
        acknowledgedBy: null,
        understanding: null,
        outcomeSought: null,
        clarification: null,
      })),
    });
    expect(upgraded.remedies.map((r) => [r.id, r.kind, r.offeredAt])).toEqual([
      ['1.1', 'apology', '2026-11-16T15:00:00.000Z'],
      ['1.2', 'financial-compensation', '2026-11-16T15:00:00.000Z'],
    ]);
  });

  it('leaves a state folded today as it is', () => {
    const today = fold(history);
    expect(upgradeState(today)).toEqual(today);
  });
});
