// The lifecycle rules a landlord would be found against by the Housing Ombudsman if Redress got
// them wrong, one describe per clause of the Complaint Handling Code 2024: who considers stage 2
// (6.13), what an acknowledgement records (5.6, 6.2), and re-opening an ended case.
import { describe, expect, it } from 'vitest';
import { CODE_2024 } from '../policies/presets.js';
import {
  alex,
  answeredUnder,
  caseUnder,
  OUTCOME,
  preset,
  priya,
  redress,
  RESPONSE,
  SUMMARY,
  told,
} from './code-rules.fixtures.js';
import type { Actor } from './complaint.types.js';

describe('Code 6.13: stage 2 is considered by someone who did not consider stage 1', () => {
  const jSmith: Actor = { kind: 'user', id: 'user-js-1', name: 'j smith' };
  const johnSmith: Actor = { kind: 'user', id: 'user-js-2', name: 'John Smith' };

  /** Stage 1 assigned to and answered by j smith (user-js-1), then escalated. */
  const escalated = () =>
    caseUnder(CODE_2024)
      .step('2026-11-16T10:00:00Z', { type: 'assign', handler: 'j smith', handlerId: 'user-js-1' })
      .step('2026-11-17T10:00:00Z', { type: 'acknowledge' }, { actor: jSmith })
      .step('2026-11-27T14:00:00Z', RESPONSE, { actor: jSmith })
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' });

  it('lets "John Smith" take stage 2 after "j smith": different users', () => {
    const c = escalated()
      .step('2026-12-01T11:00:00Z', {
        type: 'assign',
        handler: 'John Smith',
        handlerId: 'user-js-2',
      })
      .step('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: johnSmith })
      .step('2026-12-10T10:00:00Z', RESPONSE, { actor: johnSmith });
    expect(c.state.stages[1]).toMatchObject({ handlerId: 'user-js-2', respondedBy: johnSmith });
  });

  it('refuses the same user at stage 2, whatever name they go by', () => {
    const c = escalated();
    const sameUser: Actor = { kind: 'user', id: 'user-js-1', name: 'John Smith' };
    expect(
      c.refused('2026-12-01T11:00:00Z', {
        type: 'assign',
        handler: 'John Smith',
        handlerId: 'user-js-1',
      }),
    ).toMatchObject({ code: 'STAGE2_HANDLER_NOT_INDEPENDENT', field: 'assigneeId' });
    const ack = c.refused('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: sameUser });
    expect(ack.code).toBe('STAGE2_HANDLER_NOT_INDEPENDENT');
    expect(ack.message).toContain('John Smith considered stage 1');
    expect(ack.message).toContain('Code 6.13');
    c.step('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: johnSmith });
    expect(c.refused('2026-12-10T10:00:00Z', RESPONSE, { actor: sameUser }).code).toBe(
      'STAGE2_HANDLER_NOT_INDEPENDENT',
    );
  });

  it("with no stage 1 handler assigned, keeps stage 1's responder off stage 2", () => {
    const c = caseUnder(CODE_2024)
      .step('2026-11-17T10:00:00Z', { type: 'acknowledge' })
      .step('2026-11-27T14:00:00Z', RESPONSE)
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' });
    expect(c.state.stages[0]?.handler).toBeNull();
    expect(c.refused('2026-12-01T11:00:00Z', { type: 'acknowledge' }).code).toBe(
      'STAGE2_HANDLER_NOT_INDEPENDENT',
    );
    expect(
      c.refused('2026-12-01T11:00:00Z', {
        type: 'assign',
        handler: 'Alex Morgan',
        handlerId: 'user-alex',
      }).code,
    ).toBe('STAGE2_HANDLER_NOT_INDEPENDENT');
    c.step('2026-12-01T11:00:00Z', { type: 'acknowledge' }, { actor: priya });
    expect(c.refused('2026-12-10T10:00:00Z', RESPONSE).code).toBe('STAGE2_HANDLER_NOT_INDEPENDENT');
    c.step('2026-12-10T10:00:00Z', RESPONSE, { actor: priya });
  });

  it('keeps off both the assigned handler and a different responder', () => {
    const c = caseUnder(CODE_2024)
      .step('2026-11-16T10:00:00Z', {
        type: 'assign',
        handler: 'Priya Shah',
        handlerId: 'user-priya',
      })
      .step('2026-11-17T10:00:00Z', { type: 'acknowledge' })
      .step('2026-11-27T14:00:00Z', RESPONSE)
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' });
    for (const actor of [alex, priya]) {
      expect(c.refused('2026-12-01T11:00:00Z', { type: 'acknowledge' }, { actor }).code).toBe(
        'STAGE2_HANDLER_NOT_INDEPENDENT',
      );
    }
    const partner: Actor = { kind: 'api-key', id: 'key-1', name: 'Partner' };
    c.step('2026-12-01T11:00:00Z', { type: 'acknowledge' }, { actor: partner });
  });

  it('keeps off a stage 1 handler the case was handed on from', () => {
    const c = caseUnder(CODE_2024)
      .step('2026-11-16T10:00:00Z', {
        type: 'assign',
        handler: 'Priya Shah',
        handlerId: 'user-priya',
      })
      .step('2026-11-16T11:00:00Z', {
        type: 'assign',
        handler: 'j smith',
        handlerId: 'user-js-1',
      })
      .step('2026-11-17T10:00:00Z', { type: 'acknowledge' }, { actor: jSmith })
      .step('2026-11-27T14:00:00Z', RESPONSE, { actor: jSmith })
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' });
    expect(c.state.stages[0]?.assignedUserIds).toEqual(['user-priya', 'user-js-1']);
    expect(
      c.refused('2026-12-01T11:00:00Z', {
        type: 'assign',
        handler: 'Priya Shah',
        handlerId: 'user-priya',
      }).code,
    ).toBe('STAGE2_HANDLER_NOT_INDEPENDENT');
    expect(c.refused('2026-12-01T11:00:00Z', { type: 'acknowledge' }, { actor: priya }).code).toBe(
      'STAGE2_HANDLER_NOT_INDEPENDENT',
    );
  });

  it('still compares typed names in histories from before users', () => {
    const c = caseUnder(CODE_2024)
      .step('2026-11-16T10:00:00Z', { type: 'assign', handler: 'J Smith' })
      .step('2026-11-17T10:00:00Z', { type: 'acknowledge' }, { actor: redress })
      .step('2026-11-27T14:00:00Z', RESPONSE, { actor: redress })
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' });
    expect(
      c.refused('2026-12-01T11:00:00Z', { type: 'assign', handler: ' j smith ' }),
    ).toMatchObject({ code: 'STAGE2_HANDLER_NOT_INDEPENDENT', field: 'handler' });
    c.step('2026-12-01T11:00:00Z', { type: 'assign', handler: 'Priya Shah' });
  });

  it('lets the same user review where the policy does not ask for independence', () => {
    const relaxed = { ...CODE_2024, independentStage2Handler: false };
    const c = answeredUnder(relaxed).step(
      '2026-12-01T10:00:00Z',
      { type: 'request-escalation' },
      {
        policy: relaxed,
      },
    );
    c.step('2026-12-01T11:00:00Z', { type: 'acknowledge' });
    expect(c.state.stages[1]?.acknowledgedBy).toEqual(alex);
  });
});

describe('Code 5.6, 6.2: acknowledging sets out the complaint and the outcome sought', () => {
  const NOW = '2026-11-17T10:00:00Z';

  it('records the understanding and outcome given', () => {
    const c = caseUnder(CODE_2024).step(NOW, {
      type: 'acknowledge',
      understanding: 'Mould in the bedroom, and three missed repair visits.',
      outcomeSought: 'The mould treated and compensation for the visits',
    });
    expect(c.state.stages[0]).toMatchObject({
      acknowledgedBy: alex,
      understanding: 'Mould in the bedroom, and three missed repair visits.',
      outcomeSought: 'The mould treated and compensation for the visits',
      clarification: null,
    });
  });

  it('defaults to what was logged', () => {
    const c = caseUnder(CODE_2024).step(NOW, { type: 'acknowledge', understanding: ' ' });
    expect(c.state.stages[0]).toMatchObject({ understanding: SUMMARY, outcomeSought: OUTCOME });
  });

  it("defaults at stage 2 to the escalation's reasons and stage 1's outcome sought", () => {
    const c = answeredUnder()
      .step('2026-12-01T10:00:00Z', {
        type: 'request-escalation',
        reason: 'The fan was never replaced.',
      })
      .step('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: priya });
    expect(c.state.stages[1]).toMatchObject({
      understanding: 'The fan was never replaced.',
      outcomeSought: OUTCOME,
    });
  });

  it('takes a clarification asked for instead of an outcome nobody knows', () => {
    const c = caseUnder(CODE_2024, { desiredOutcome: null }).step(NOW, {
      type: 'acknowledge',
      clarification: 'Asked by email what the resident would like us to do.',
    });
    expect(c.state.stages[0]).toMatchObject({
      outcomeSought: null,
      clarification: 'Asked by email what the resident would like us to do.',
    });
  });

  it('refuses OUTCOME_SOUGHT_NOT_RECORDED when neither is known', () => {
    const refusal = caseUnder(CODE_2024, { desiredOutcome: '  ' }).refused(NOW, {
      type: 'acknowledge',
    });
    expect(refusal).toMatchObject({ code: 'OUTCOME_SOUGHT_NOT_RECORDED', field: 'outcomeSought' });
    expect(refusal.message).toContain('Code 5.6');
  });
});

describe('re-opening an ended case, with a reason', () => {
  const REASON = 'The resident rang: the mould came back within a week.';

  it('returns a closed case to where it stood, and it can close again', () => {
    const c = answeredUnder()
      .step('2026-11-30T10:00:00Z', { type: 'close' })
      .step('2026-12-03T10:00:00Z', { type: 'reopen', reason: REASON });
    expect(c.state).toMatchObject({
      status: 'responded',
      stage: 1,
      closedAt: null,
      closeReason: null,
      reopenings: [{ at: '2026-12-03T10:00:00.000Z', reason: REASON }],
    });
    c.step('2026-12-10T10:00:00Z', { type: 'close' });
    expect(c.state.status).toBe('closed');
  });

  it('brings back the deadlines of a refused case, late ones still late', () => {
    const c = caseUnder(CODE_2024)
      .step('2026-11-25T10:00:00Z', {
        type: 'refuse',
        reason: 'separate-policy',
        explanation: 'Parking permits are handled under the parking policy.',
        notice: told('2026-11-25'),
      })
      .step('2026-11-26T10:00:00Z', {
        type: 'reopen',
        reason: 'The Ombudsman said the refusal was wrong.',
      });
    expect(c.state).toMatchObject({ status: 'received', refusal: null, closedAt: null });
    expect(c.deadline(1, 'acknowledge', '2026-11-26T10:00:00Z')).toBe('overdue');
  });

  it("is not closed again by seed 000's lapsed window: the resident came back", () => {
    // Closed automatically on Wed 30 Dec, the day after the window; re-opened on 4 Jan 2027.
    const c = answeredUnder(preset('seed-000'))
      .step('2026-12-30T00:05:00Z', { type: 'auto-close' }, { actor: redress })
      .step('2027-01-04T09:00:00Z', { type: 'reopen', reason: REASON });
    const refusal = c.refused('2027-01-05T00:05:00Z', { type: 'auto-close' }, { actor: redress });
    expect(refusal.code).toBe('AUTO_CLOSE_NOT_DUE');
    expect(refusal.message).toContain('re-opened on Mon 4 Jan 2027');
    c.step('2027-01-05T10:00:00Z', { type: 'close' });
    expect(c.state.closeReason).toBe('resolved');
  });

  it('refuses a reason too short to follow', () => {
    const c = answeredUnder().step('2026-11-30T10:00:00Z', { type: 'close' });
    expect(c.refused('2026-12-03T10:00:00Z', { type: 'reopen', reason: 'oops' })).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'reason',
    });
  });

  it('refuses to re-open a case that is open: COMPLAINT_NOT_ENDED', () => {
    expect(
      answeredUnder().refused('2026-12-03T10:00:00Z', { type: 'reopen', reason: REASON }).code,
    ).toBe('COMPLAINT_NOT_ENDED');
  });
});
