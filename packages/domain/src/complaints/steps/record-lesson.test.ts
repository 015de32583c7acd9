import { describe, expect, it } from 'vitest';
import { allowedSteps } from '../allowed-steps.js';
import type { ComplaintState } from '../complaint.types.js';
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
import { MIN_REASON_LENGTH } from '../decision.js';

const LESSON = 'Book the surveyor while the resident is on the phone.';

describe('record-lesson', () => {
  it('keeps lessons in the order recorded, trimmed, with when', () => {
    const first = accept(
      at('acknowledged'),
      { type: 'record-lesson', lesson: ` ${LESSON} ` },
      AFTER,
    );
    const second = accept(
      first,
      { type: 'record-lesson', lesson: 'Damp reports go to the surveyor, not the repairs line.' },
      context('2026-12-03T09:00:00Z'),
    );
    expect(second.lessons).toEqual([
      { lesson: LESSON, at: '2026-12-02T09:00:00.000Z' },
      {
        lesson: 'Damp reports go to the surveyor, not the repairs line.',
        at: '2026-12-03T09:00:00.000Z',
      },
    ]);
    expect(second.status).toBe('acknowledged');
  });

  it.each<[string, () => ComplaintState]>([
    ['received', () => at('logged')],
    ['responded', () => at('responded')],
    ['closed', closedCase],
    ['withdrawn', withdrawnCase],
    ['refused', refusedCase],
  ])('is recorded and offered on a case that is %s', (_status, state) => {
    const s = state();
    expect(accept(s, { type: 'record-lesson', lesson: LESSON }, AFTER).lessons).toHaveLength(1);
    expect(allowedSteps(s, { now: '2026-12-02T12:00:00Z' })).toContain('record-lesson');
  });

  it('is not recorded on a merged case: its steps are recorded on the case it went into', () => {
    const merged = accept(
      at('logged'),
      { type: 'merge-into', intoComplaintId: 'C-2026-0099', intoReference: 'RDR-0099' },
      context('2026-12-01T12:00:00Z'),
    );
    expect(refusalOf(decide(merged, { type: 'record-lesson', lesson: LESSON }, AFTER)).code).toBe(
      'COMPLAINT_NOT_OPEN',
    );
    expect(allowedSteps(merged, { now: '2026-12-02T12:00:00Z' })).not.toContain('record-lesson');
  });

  it.each([
    ['empty', ''],
    ['blank', '     '],
    ['too short', 'Be quicker.'],
    ['one long word', 'x'.repeat(MIN_REASON_LENGTH + 5)],
    ['not text', 42 as unknown as string],
    ['missing', undefined as unknown as string],
  ])('refuses a lesson that is %s: INVALID_COMMAND on lesson', (_name, lesson) => {
    const refusal = refusalOf(decide(at('acknowledged'), { type: 'record-lesson', lesson }, AFTER));
    expect(refusal).toMatchObject({ code: 'INVALID_COMMAND', field: 'lesson' });
    expect(refusal.message).toContain(`at least ${MIN_REASON_LENGTH} characters and three words`);
  });
});
