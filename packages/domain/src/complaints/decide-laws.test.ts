import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ComplaintCommand, ComplaintState } from './complaint.types.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { told, seed, context, logCommand, accept, refuseCommand } from './decide.fixtures.js';

// ---------------------------------------------------------------------------------------------
// Laws over any sequence of steps, accepted or not.

const handlers = ['Alex Morgan', 'alex morgan', 'Priya Shah'] as const;
// Steps that end a case are drawn less often, so that runs reach stage 2 and its rules.
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 6 });
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 1 });
const arbitraryCommand: fc.Arbitrary<ComplaintCommand> = fc.oneof(
  often(fc.constantFrom(...handlers).map((handler) => ({ type: 'assign', handler }) as const)),
  often(fc.constant({ type: 'acknowledge' } as const)),
  often(
    fc.record({
      type: fc.constant('extend' as const),
      workingDays: fc.integer({ min: -1, max: 12 }),
      reason: fc.constantFrom('Survey', ''),
      exceptionalReason: fc.constantFrom(
        null,
        'Insurer',
        'The insurer must survey the block first.',
      ),
      notice: fc.constantFrom(null, told('2026-11-09'), told('2026-11-20')),
    }),
  ),
  often(fc.constant({ type: 'respond', outcome: 'upheld', findings: 'Found' } as const)),
  often(
    fc.record({
      type: fc.constant('request-escalation' as const),
      reason: fc.constantFrom(null, 'Unhappy'),
      lateReason: fc.constantFrom(null, 'Was away'),
    }),
  ),
  often(
    fc.record({
      type: fc.constant('agree-action' as const),
      actionId: fc.constantFrom('A1', 'A2'),
      description: fc.constant('Fix'),
      owner: fc.constant('Repairs'),
      dueOn: fc.constantFrom('2026-11-01', '2027-06-30'),
    }),
  ),
  often(
    fc.constantFrom('A1', 'A2').map((actionId) => ({ type: 'complete-action', actionId }) as const),
  ),
  rarely(fc.constant({ type: 'close' } as const)),
  rarely(fc.constant({ type: 'auto-close' } as const)),
  rarely(fc.constant({ type: 'withdraw', reason: 'Sorted' } as const)),
  rarely(fc.constant(refuseCommand({ notice: told('2026-11-09') }))),
  often(
    fc
      .constantFrom('HOS-1', 'HOS-2')
      .map((reference) => ({ type: 'refer-to-ombudsman', reference }) as const),
  ),
);

describe('decide and evolve: laws', () => {
  it('never throw, count every event, keep two stages, independence and the closing rules', () => {
    const policies = ['code-2024', 'seed-000', 'seed-001', 'seed-004'].map(seed);
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(fc.tuple(arbitraryCommand, fc.integer({ min: 0, max: 4 * 24 * 60 })), {
          minLength: 10,
          maxLength: 40,
        }),
        (policyInForce, steps) => {
          let state: ComplaintState = accept(
            null,
            logCommand(),
            context('2026-11-06T09:30:00Z', { policy: policyInForce }),
          );
          let count = 1;
          let minutes = Date.parse('2026-11-06T09:30:00Z') / 60_000;
          for (const [command, gap] of steps) {
            minutes += gap;
            const now = new Date(minutes * 60_000).toISOString();
            const result = decide(state, command, context(now, { policy: policyInForce }));
            if (!result.ok) {
              expect(result.error.message.length).toBeGreaterThan(20);
              continue;
            }
            const before = state;
            for (const event of result.value) state = evolve(state, event);
            count += result.value.length;

            expect(state.version).toBe(count);
            expect(state.stages.length).toBeLessThanOrEqual(2);
            const [stage1, stage2] = state.stages;
            if (stage2?.handler && stage1?.handler && stage2.policy.independentStage2Handler) {
              expect(stage2.handler.toLowerCase()).not.toBe(stage1.handler.toLowerCase());
            }
            for (const stage of state.stages) {
              const max =
                stage.stage === 1
                  ? stage.policy.stage1.maxExtensionDays
                  : stage.policy.stage2.maxExtensionDays;
              const used = stage.extensions.reduce((sum, e) => sum + e.workingDays, 0);
              if (stage.extensions.every((e) => e.exceptionalReason === null)) {
                expect(used).toBeLessThanOrEqual(max);
              }
            }
            if (state.status === 'closed' && before.status !== 'closed') {
              const closingPolicy = state.stages[state.stages.length - 1]?.policy;
              if (closingPolicy?.closing.requireActionsComplete) {
                expect(state.actions.filter((a) => a.completedAt === null)).toEqual([]);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
