// Laws of caseMeasures over random stage 1 histories: a response on time without extensions is on
// time with them; on time needs the acknowledgement on time; and under the Code's own policy, with
// every extension told to the resident and within the Code's maximum, CH02 agrees with the case's
// own deadlines, so the measure and the handler's screen never disagree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/local-date.js';
import { decide } from '../complaints/decide.js';
import { evolve } from '../complaints/evolve.js';
import type { ComplaintCommand, ComplaintState } from '../complaints/complaint.types.js';
import { ctx, logCommand } from '../complaints/casework.fixtures.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import { caseMeasures } from './case-measures.js';

const POLICIES: readonly Policy[] = [
  CODE_2024,
  presetById('seed-000') ?? CODE_2024,
  presetById('seed-004') ?? CODE_2024,
  { ...CODE_2024, id: 'direct', respondWithoutAcknowledgement: true },
];

const history = fc.record({
  policy: fc.nat(POLICIES.length - 1),
  // Any day from 1 April 2026 over two years, at any minute.
  receivedDay: fc.nat(730),
  receivedMinute: fc.nat(24 * 60 - 1),
  acknowledgeAfter: fc.option(fc.nat(12), { nil: null }),
  extensions: fc.array(
    fc.record({ after: fc.nat(20), workingDays: fc.integer({ min: 1, max: 12 }) }),
    {
      maxLength: 3,
    },
  ),
  respondAfter: fc.nat(50),
});

type History = typeof history extends fc.Arbitrary<infer H> ? H : never;

/** The case a history makes: each step tried in turn, only the accepted ones folded in. */
function caseOf(h: History): { state: ComplaintState; policy: Policy } {
  const policy = POLICIES[h.policy] ?? CODE_2024;
  const day = addCalendarDays('2026-04-01', h.receivedDay);
  const receivedAt = new Date(Date.parse(`${day}T00:00:00Z`) + h.receivedMinute * 60_000);
  const at = (days: number, hour = 10) =>
    `${addCalendarDays(day, days)}T${String(hour).padStart(2, '0')}:00:00Z`;
  const steps: [string, ComplaintCommand][] = [];
  if (h.acknowledgeAfter !== null) steps.push([at(h.acknowledgeAfter), { type: 'acknowledge' }]);
  for (const e of h.extensions) {
    steps.push([
      at(e.after, 11),
      {
        type: 'extend',
        workingDays: e.workingDays,
        reason: 'Waiting for the surveyor',
        exceptionalReason: 'The structural engineer is booked for the earliest date offered.',
        notice: {
          toldOn: addCalendarDays(day, e.after),
          method: 'email',
          ombudsmanDetailsGiven: true,
        },
      },
    ]);
  }
  steps.push([at(h.respondAfter, 12), { type: 'respond', outcome: 'upheld', findings: 'Missed.' }]);
  steps.sort((a, b) => a[0].localeCompare(b[0]));
  let state: ComplaintState | null = null;
  for (const [now, command] of [
    [receivedAt.toISOString(), logCommand({ receivedAt: receivedAt.toISOString() })] as const,
    ...steps,
  ]) {
    const later = state === null || now >= state.lastEventAt ? now : state.lastEventAt;
    const result = decide(state, command, ctx(later, { policy }));
    if (result.ok) for (const event of result.value) state = evolve(state, event);
  }
  if (state === null) throw new Error('the case was not logged');
  return { state, policy };
}

describe('caseMeasures over random histories', () => {
  // Random histories run longer than one worked case, the more so on a busy machine.
  it('holds its laws', () => {
    const seen = { responded: 0, late: 0, extended: 0, comparedWithOwn: 0 };
    fc.assert(
      fc.property(history, (h) => {
        const { state, policy } = caseOf(h);
        const m = caseMeasures(state).stage1;
        if (m.respondedOnTimeWithoutExtensions === true) expect(m.respondedOnTime).toBe(true);
        if (m.respondedOnTime === true) expect(m.acknowledgedOnTime).toBe(true);
        expect(m.respondedOnTime === null).toBe(m.respondedOn === null);
        if (m.workingDaysToRespond !== null)
          expect(m.workingDaysToRespond).toBeGreaterThanOrEqual(0);
        expect(m.counted).toBe(true);
        if (m.respondedOn !== null) seen.responded += 1;
        if (m.respondedOnTime === false) seen.late += 1;
        if ((state.stages[0]?.extensions.length ?? 0) > 0) seen.extended += 1;

        const stage = state.stages[0];
        const extended = stage?.extensions.reduce((sum, e) => sum + e.workingDays, 0) ?? 0;
        if (
          policy.id === CODE_2024.id &&
          extended <= CODE_2024.stage1.maxExtensionDays &&
          m.respondedOn
        ) {
          const own = deriveDeadlines(state);
          const ack = own.find((d) => d.kind === 'acknowledge');
          const respond = own.find((d) => d.kind === 'respond');
          const ownOnTime =
            ack?.metOn != null &&
            ack.metOn <= ack.dueOn &&
            respond?.metOn != null &&
            respond.metOn <= respond.dueOn;
          expect(m.respondedOnTime).toBe(ownOnTime);
          seen.comparedWithOwn += 1;
        }
      }),
      { numRuns: 200 },
    );
    // The histories reach what the laws are about: responses on time and late, extensions, and
    // the comparison with the case's own deadlines.
    expect(seen.responded).toBeGreaterThan(80);
    expect(seen.late).toBeGreaterThan(40);
    expect(seen.extended).toBeGreaterThan(40);
    expect(seen.comparedWithOwn).toBeGreaterThan(8);
  }, 30_000);
});
