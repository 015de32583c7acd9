import { describe, expect, it } from 'vitest';
import {
  at,
  closedCase,
  refusedCase,
  withdrawnCase,
  type Point,
} from '../complaints/decide.fixtures.js';
import type { ComplaintState } from '../complaints/complaint.types.js';
import { isEnded } from '../complaints/status.js';
import type { Deadline } from './deadline.types.js';
import { deriveDeadlines } from './derive-deadlines.js';
import { nextDeadline, type NextDeadlineCandidate } from './next-deadline.js';

const candidate = (
  stage: 1 | 2,
  kind: 'acknowledge' | 'respond',
  dueOn: string,
  more: Partial<NextDeadlineCandidate> = {},
): NextDeadlineCandidate => ({ stage, kind, dueOn, metAt: null, stoppedAt: null, ...more });

describe('nextDeadline', () => {
  it('takes the earliest unmet deadline that has not stopped', () => {
    const deadlines = [
      candidate(1, 'acknowledge', '2026-11-13', { metAt: '2026-11-09T09:00:00Z' }),
      candidate(1, 'respond', '2026-11-20', { stoppedAt: '2026-11-25T09:00:00Z' }),
      candidate(2, 'respond', '2026-12-18'),
      candidate(2, 'acknowledge', '2026-11-27'),
    ];
    expect(nextDeadline('acknowledged', deadlines)).toBe(deadlines[3]);
  });

  it('breaks a tie of due dates by stage, then the acknowledgement before the response', () => {
    const s2ack = candidate(2, 'acknowledge', '2026-11-27');
    const s1respond = candidate(1, 'respond', '2026-11-27');
    const s1ack = candidate(1, 'acknowledge', '2026-11-27');
    // Whatever order they come in.
    expect(nextDeadline('received', [s2ack, s1respond, s1ack])).toBe(s1ack);
    expect(nextDeadline('received', [s1respond, s2ack])).toBe(s1respond);
    expect(nextDeadline('received', [s1respond, s1ack])).toBe(s1ack);
  });

  it('has none for an ended case, nor when everything is met', () => {
    const open = [candidate(1, 'respond', '2026-11-20')];
    for (const status of ['closed', 'withdrawn', 'refused', 'merged'] as const) {
      expect(nextDeadline(status, open)).toBeUndefined();
    }
    expect(
      nextDeadline('responded', [
        candidate(1, 'respond', '2026-11-20', { metAt: '2026-11-19T10:00:00Z' }),
      ]),
    ).toBeUndefined();
    expect(nextDeadline('received', [])).toBeUndefined();
  });

  // The rule the read model had before it asked the domain: the same answer for every case.
  function readModelRule(state: ComplaintState, deadlines: readonly Deadline[]) {
    return isEnded(state.status)
      ? undefined
      : deadlines
          .filter((d) => d.metAt === null && d.stoppedAt === null)
          .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.stage - b.stage))[0];
  }

  it("answers as the read model's rule did for a case at every point of its life", () => {
    const points: Point[] = [
      'logged',
      'assigned',
      'acknowledged',
      'extended',
      'responded',
      'action-agreed',
      'escalated',
      'stage2-assigned',
      'stage2-acknowledged',
      'stage2-responded',
    ];
    const states = [
      ...points.map((point) => at(point)),
      closedCase(),
      withdrawnCase(),
      refusedCase(),
    ];
    const answers = states.map((state) => {
      const deadlines = deriveDeadlines(state);
      const next = nextDeadline(state.status, deadlines);
      expect(next).toBe(readModelRule(state, deadlines));
      return next && `${next.stage} ${next.kind} ${next.dueOn}`;
    });
    // Logged Fri 6 Nov 2026: acknowledgement due Fri 13 Nov until acknowledged (Mon 9 Nov);
    // then the response (provisional, then from 9 Nov: Mon 23 Nov, extended by 4 to Fri 27 Nov);
    // escalated Wed 18 Nov: stage 2 acknowledgement due Wed 25 Nov, then the response 20
    // working days after the acknowledgement on Thu 19 Nov: Thu 17 Dec.
    expect(answers).toEqual([
      '1 acknowledge 2026-11-13',
      '1 acknowledge 2026-11-13',
      '1 respond 2026-11-23',
      '1 respond 2026-11-27',
      undefined,
      undefined,
      '2 acknowledge 2026-11-25',
      '2 acknowledge 2026-11-25',
      '2 respond 2026-12-17',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
