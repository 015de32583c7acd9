import { describe, expect, it } from 'vitest';
import { allowedSteps } from '../allowed-steps.js';
import type { Actor, ComplaintCommand, ComplaintState } from '../complaint.types.js';
import { decide } from '../decide.js';
import {
  accept,
  AFTER,
  at,
  closedCase,
  context,
  refusalOf,
  refusedCase,
  withdrawnCase,
} from '../decide.fixtures.js';
import { upgradeState, type OlderComplaintState } from '../state-upgrade.js';

const partnerKey: Actor = { kind: 'api-key', id: 'key-portal', name: 'Tenant portal' };

function record(
  state: ComplaintState,
  command: Partial<Extract<ComplaintCommand, { type: 'record-satisfaction' }>>,
) {
  return decide(state, { type: 'record-satisfaction', score: 7, ...command }, AFTER);
}

describe('record-satisfaction', () => {
  it('records the score and comment of a closed case, the comment trimmed', () => {
    const state = accept(
      closedCase(),
      { type: 'record-satisfaction', score: 7, comment: '  Kept informed throughout. ' },
      AFTER,
    );
    expect(state.satisfaction).toEqual({
      score: 7,
      comment: 'Kept informed throughout.',
      at: '2026-12-02T09:00:00.000Z',
    });
    expect(state.status).toBe('closed');
  });

  it('keeps a blank or absent comment as none, and accepts both ends of the scale', () => {
    for (const score of [0, 10]) {
      const state = accept(
        closedCase(),
        { type: 'record-satisfaction', score, comment: '  ' },
        AFTER,
      );
      expect(state.satisfaction).toMatchObject({ score, comment: null });
    }
    const none = accept(closedCase(), { type: 'record-satisfaction', score: 5 }, AFTER);
    expect(none.satisfaction?.comment).toBeNull();
  });

  it('replaces an earlier score with a later one, the history keeping both', () => {
    const first = accept(closedCase(), { type: 'record-satisfaction', score: 4 }, AFTER);
    const later = context('2026-12-03T09:00:00Z');
    const result = decide(first, { type: 'record-satisfaction', score: 9 }, later);
    expect(result.ok && result.value).toMatchObject([{ type: 'satisfaction-recorded', score: 9 }]);
    const second = accept(first, { type: 'record-satisfaction', score: 9 }, later);
    expect(second.satisfaction).toMatchObject({ score: 9, at: '2026-12-03T09:00:00.000Z' });
    expect(second.version).toBe(first.version + 1);
  });

  it('is recorded by a partner key as by a handler (a tenant portal asks the resident)', () => {
    const state = accept(
      closedCase(),
      { type: 'record-satisfaction', score: 8 },
      context('2026-12-02T09:00:00Z', { actor: partnerKey }),
    );
    expect(state.satisfaction?.score).toBe(8);
  });

  it.each([
    ['11', 11],
    ['-1', -1],
    ['a fraction', 6.5],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['text', '7' as unknown as number],
    ['missing', undefined as unknown as number],
  ])('refuses a score that is %s: SATISFACTION_SCORE_INVALID', (_name, score) => {
    expect(refusalOf(record(closedCase(), { score }))).toMatchObject({
      code: 'SATISFACTION_SCORE_INVALID',
      field: 'score',
    });
  });

  it('refuses a comment that is not text', () => {
    expect(refusalOf(record(closedCase(), { comment: 42 as unknown as string }))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'comment',
    });
  });

  it.each([
    ['received', () => at('logged')],
    ['acknowledged', () => at('acknowledged')],
    ['responded', () => at('responded')],
    ['withdrawn', withdrawnCase],
    ['refused', refusedCase],
  ])('refuses a case that is %s, not closed: COMPLAINT_NOT_CLOSED', (status, state) => {
    const refusal = refusalOf(record(state(), {}));
    expect(refusal.code).toBe('COMPLAINT_NOT_CLOSED');
    expect(refusal.message).toContain(`is ${status}, not closed`);
  });

  it('is offered on a closed case only', () => {
    const now = '2026-12-02T12:00:00Z';
    expect(allowedSteps(closedCase(), { now })).toContain('record-satisfaction');
    for (const state of [at('responded'), withdrawnCase(), refusedCase()]) {
      expect(allowedSteps(state, { now })).not.toContain('record-satisfaction');
    }
  });

  it('reads a snapshot from before satisfaction was kept as none recorded', () => {
    const { satisfaction: _s, lessons: _l, ...older } = closedCase();
    const upgraded = upgradeState(older as OlderComplaintState);
    expect(upgraded.satisfaction).toBeNull();
    expect(upgraded.lessons).toEqual([]);
  });
});
