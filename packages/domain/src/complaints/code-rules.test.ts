// The lifecycle rules a landlord would be found against by the Housing Ombudsman if Redress got
// them wrong, one describe per clause of the Complaint Handling Code 2024: escalating (6.10,
// 6.12), extending (6.4, 6.5) and refusing a complaint (2.1-2.4). Who handles stage 2, what an
// acknowledgement records and re-opening are in code-rules.handling.test.ts.
import { describe, expect, it } from 'vitest';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { CODE_2024 } from '../policies/presets.js';
import {
  acknowledgedUnder,
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
import type { ComplaintCommand, RefuseComplaint, RefuseEscalation } from './complaint.types.js';

describe('Code 6.10: a resident may escalate after the case closed', () => {
  it('re-opens a case closed right after stage 1 at stage 2', () => {
    const c = answeredUnder().step('2026-11-27T15:00:00Z', { type: 'close' });
    expect(c.state.status).toBe('closed');
    c.step('2026-12-03T10:00:00Z', {
      type: 'request-escalation',
      reason: 'The mould is back in the same corner.',
    });
    expect(c.events.at(-1)).toMatchObject({ type: 'escalation-requested', reopened: true });
    expect(c.state).toMatchObject({
      status: 'received',
      stage: 2,
      closedAt: null,
      closeReason: null,
    });
    expect(c.state.stages[0]).toMatchObject({ respondedBy: alex, outcome: 'partly-upheld' });
    // Stage 2's clock runs from the request: acknowledge within 5 working days (6.11).
    expect(c.deadline(2, 'acknowledge', '2026-12-03T12:00:00Z')).toBe('pending');
  });

  it('does not mark an escalation of an open case as re-opening it', () => {
    const c = answeredUnder().step('2026-12-03T10:00:00Z', { type: 'request-escalation' });
    expect(c.events.at(-1)).not.toHaveProperty('reopened');
  });

  describe("seed 000's automatic close, then a request", () => {
    // Answered Fri 27 Nov: 20 working days over Christmas, the last is Tue 29 Dec 2026.
    const closedAutomatically = () =>
      answeredUnder(preset('seed-000')).step(
        '2026-12-30T00:05:00Z',
        { type: 'auto-close' },
        { actor: redress },
      );

    it('closed the case the day after the window', () => {
      expect(closedAutomatically().state).toMatchObject({
        status: 'closed',
        closeReason: 'escalation-window-lapsed',
      });
    });

    it('asks a person to decide it, never refusing it by itself', () => {
      const refusal = closedAutomatically().refused('2027-01-04T09:00:00Z', {
        type: 'request-escalation',
      });
      expect(refusal).toMatchObject({ code: 'ESCALATION_OUT_OF_TIME', field: 'lateReason' });
      expect(refusal.message).toContain('Tue 29 Dec 2026');
      expect(refusal.message).toMatch(/accept it, recording why.*or refuse the escalation/);
    });

    it('accepts it with the late reason recorded, re-opening the case at stage 2', () => {
      const c = closedAutomatically().step('2027-01-04T09:00:00Z', {
        type: 'request-escalation',
        lateReason: 'The resident was in hospital over Christmas.',
      });
      expect(c.state).toMatchObject({ status: 'received', stage: 2, closedAt: null });
      expect(c.state.stages[1]).toMatchObject({
        escalationReason: null,
        lateReason: 'The resident was in hospital over Christmas.',
      });
    });

    it('or refuses it as a recorded step, with reasons and the Ombudsman (5.11, 2.4)', () => {
      const refusal: RefuseEscalation = {
        type: 'refuse-escalation',
        reason: 'out-of-time',
        explanation: 'You asked after the 20 working days our policy gives, with no reason why.',
        notice: told('2027-01-05'),
      };
      const c = closedAutomatically().step('2027-01-05T11:00:00Z', refusal);
      expect(c.events.at(-1)).toMatchObject({
        type: 'escalation-refused',
        reason: 'out-of-time',
        explanation: refusal.explanation,
        notice: told('2027-01-05'),
      });
      expect(c.state).toMatchObject({
        status: 'closed',
        stage: 1,
        closeReason: 'escalation-refused',
        closedAt: '2027-01-05T11:00:00.000Z',
        escalationRefusal: { reason: 'out-of-time', notice: told('2027-01-05') },
      });
      // The resident takes the decision to the Ombudsman.
      c.step('2027-01-20T10:00:00Z', { type: 'refer-to-ombudsman', reference: 'HOS-2027-0007' });
      expect(c.state.ombudsman).toHaveLength(1);
    });
  });

  describe('refusing an escalation', () => {
    const refusal = (changes: Partial<RefuseEscalation> = {}): RefuseEscalation => ({
      type: 'refuse-escalation',
      reason: 'legal-proceedings',
      explanation: 'The disrepair claim is now before the county court.',
      notice: told('2026-12-03'),
      ...changes,
    });
    const NOW = '2026-12-03T10:00:00Z';

    it('is refused without a sentence of explanation, a notice, or the Ombudsman', () => {
      const c = answeredUnder();
      expect(c.refused(NOW, refusal({ explanation: 'No.' }))).toMatchObject({
        code: 'INVALID_COMMAND',
        field: 'explanation',
      });
      const noNotice = { ...refusal(), notice: undefined } as unknown as RefuseEscalation;
      expect(c.refused(NOW, noNotice).code).toBe('RESIDENT_NOT_TOLD');
      expect(
        c.refused(NOW, refusal({ notice: told('2026-12-03', { ombudsmanDetailsGiven: false }) })),
      ).toMatchObject({ code: 'OMBUDSMAN_DETAILS_NOT_GIVEN' });
    });

    it("is refused for a reason outside section 2, or as out of time within the policy's time", () => {
      const c = answeredUnder();
      expect(c.refused(NOW, refusal({ reason: 'third-party-service' }))).toMatchObject({
        code: 'INVALID_COMMAND',
        field: 'reason',
      });
      // The Code sets no time limit: a request under it is never out of time.
      expect(c.refused(NOW, refusal({ reason: 'out-of-time' })).message).toContain(
        'not out of time',
      );
    });

    it('is refused before stage 1 is answered, and at stage 2', () => {
      expect(acknowledgedUnder().refused(NOW, refusal()).code).toBe('ESCALATION_BEFORE_RESPONSE');
      const atStage2 = answeredUnder().step(NOW, { type: 'request-escalation' });
      expect(atStage2.refused(NOW, refusal()).code).toBe('NO_FURTHER_STAGE');
    });
  });
});

describe('Code 6.12: reasons for escalating are asked for, never required', () => {
  it.each(['seed-001', 'seed-003', 'seed-004'])(
    'under %s, whose wording asks for reasons, takes a request without any',
    (id) => {
      const policy = preset(id);
      expect(policy.escalation.reasonsRequired).toBe(true);
      const c = answeredUnder(policy).step(
        '2026-12-01T10:00:00Z',
        { type: 'request-escalation', reason: '   ' },
        { policy },
      );
      expect(c.events.at(-1)).toMatchObject({ type: 'escalation-requested', reason: null });
      expect(c.state.stages[1]?.escalationReason).toBeNull();
      // With no reasons given, stage 2 starts from stage 1's understanding of the complaint.
      c.step('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: priya });
      expect(c.state.stages[1]).toMatchObject({ understanding: SUMMARY, outcomeSought: OUTCOME });
    },
  );

  it('records the reasons when the resident gives them', () => {
    const c = answeredUnder().step('2026-12-01T10:00:00Z', {
      type: 'request-escalation',
      reason: 'The fan was never replaced.',
    });
    expect(c.state.stages[1]?.escalationReason).toBe('The fan was never replaced.');
  });
});

describe('Code 6.4, 6.5: an extension is decided and told before the due date it moves', () => {
  const extend = (toldOn: string, changes: object = {}): ComplaintCommand => ({
    type: 'extend',
    workingDays: 5,
    reason: 'Waiting for the damp survey',
    notice: told(toldOn),
    ...changes,
  });

  it("refuses the issue's example: due Tue 1 Dec 2026, extended on Wed 2 Dec", () => {
    const c = acknowledgedUnder();
    expect(deriveDeadlines(c.state)[1]?.dueOn).toBe('2026-12-01');
    expect(c.deadline(1, 'respond', '2026-12-02T09:00:00Z')).toBe('overdue');
    const refusal = c.refused('2026-12-02T09:00:00Z', extend('2026-12-02'));
    expect(refusal.code).toBe('EXTENSION_AFTER_DUE_DATE');
    expect(refusal.message).toContain('due on Tue 1 Dec 2026');
    expect(refusal.message).toContain('Code 6.4');
    // Still overdue, and the late response counts as late.
    expect(c.deadline(1, 'respond', '2026-12-02T09:05:00Z')).toBe('overdue');
    c.step('2026-12-03T10:00:00Z', RESPONSE);
    expect(c.deadline(1, 'respond', '2026-12-03T10:05:00Z')).toBe('missed');
  });

  it('accepts an extension on the due date itself, late in the evening', () => {
    const c = acknowledgedUnder().step('2026-12-01T23:30:00Z', extend('2026-12-01'));
    expect(c.events.at(-1)).toMatchObject({
      type: 'response-deadline-extended',
      notice: told('2026-12-01'),
      fromDueOn: '2026-12-01',
      toDueOn: '2026-12-08',
    });
    expect(c.state.stages[0]?.extensions[0]).toMatchObject({
      notice: told('2026-12-01'),
      fromDueOn: '2026-12-01',
      toDueOn: '2026-12-08',
    });
    c.step('2026-12-03T10:00:00Z', RESPONSE);
    expect(c.deadline(1, 'respond', '2026-12-03T10:05:00Z')).toBe('met');
  });

  it('refuses an extension backdated to the due date when the resident was told after it', () => {
    const refusal = acknowledgedUnder().refused('2026-12-02T09:00:00Z', extend('2026-12-02'), {
      at: '2026-12-01T16:00:00Z',
    });
    expect(refusal).toMatchObject({ code: 'INVALID_COMMAND', field: 'notice.toldOn' });
  });

  it("needs the notice, and the Ombudsman's details with it", () => {
    const c = acknowledgedUnder();
    const noNotice = c.refused('2026-11-25T10:00:00Z', extend('2026-11-25', { notice: null }));
    expect(noNotice).toMatchObject({ code: 'RESIDENT_NOT_TOLD', field: 'notice' });
    expect(noNotice.message).toContain('Code 6.5');
    const noDetails = c.refused(
      '2026-11-25T10:00:00Z',
      extend('2026-11-25', { notice: told('2026-11-25', { ombudsmanDetailsGiven: false }) }),
    );
    expect(noDetails.code).toBe('OMBUDSMAN_DETAILS_NOT_GIVEN');
  });

  it('beyond the maximum, needs a good reason written as a sentence, not "x"', () => {
    const c = acknowledgedUnder();
    const beyond = (exceptionalReason: string) =>
      extend('2026-11-25', { workingDays: 15, exceptionalReason });
    expect(c.refused('2026-11-25T10:00:00Z', beyond('x'))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'exceptionalReason',
    });
    c.step(
      '2026-11-25T10:00:00Z',
      beyond('The insurer must survey the whole block before any repair starts.'),
    );
    expect(c.state.stages[0]?.extensions[0]?.workingDays).toBe(15);
  });

  it('holds stage 2 to the same, citing 6.15 and 6.16', () => {
    // Stage 2 acknowledged Wed 2 Dec: respond within 20 working days, over Christmas, by
    // Mon 4 Jan 2027.
    const c = answeredUnder()
      .step('2026-12-01T10:00:00Z', { type: 'request-escalation' })
      .step('2026-12-02T10:00:00Z', { type: 'acknowledge' }, { actor: priya });
    expect(deriveDeadlines(c.state)[3]?.dueOn).toBe('2027-01-04');
    const noNotice = c.refused('2026-12-10T10:00:00Z', extend('2026-12-10', { notice: null }));
    expect(noNotice.message).toContain('Code 6.16');
    const late = c.refused('2027-01-05T10:00:00Z', extend('2027-01-05'));
    expect(late.code).toBe('EXTENSION_AFTER_DUE_DATE');
    expect(late.message).toContain('Code 6.15');
  });
});

describe('Code 2.1, 2.3, 2.4: refusing a complaint is a decision with evidence', () => {
  const refuse = (changes: Partial<RefuseComplaint> = {}): RefuseComplaint => ({
    type: 'refuse',
    reason: 'legal-proceedings',
    explanation: 'Your disrepair claim is before the county court, which will decide it.',
    notice: told('2026-11-18'),
    ...changes,
  });
  const NOW = '2026-11-18T10:00:00Z';

  it('records the reason, the explanation and when and how the resident was told', () => {
    const c = caseUnder(CODE_2024).step(NOW, refuse());
    expect(c.state).toMatchObject({
      status: 'refused',
      refusal: {
        reason: 'legal-proceedings',
        explanation: refuse().explanation,
        notice: told('2026-11-18'),
        discretionConsidered: null,
      },
    });
  });

  it('needs an explanation a resident can follow: "No." is refused', () => {
    expect(caseUnder(CODE_2024).refused(NOW, refuse({ explanation: 'No.' }))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'explanation',
    });
  });

  it('needs the notice, with the right to go to the Ombudsman', () => {
    const c = caseUnder(CODE_2024);
    const untold = c.refused(NOW, refuse({ notice: null }));
    expect(untold).toMatchObject({ code: 'RESIDENT_NOT_TOLD', field: 'notice' });
    expect(untold.message).toContain('Code 2.4');
    expect(
      c.refused(NOW, refuse({ notice: told('2026-11-18', { ombudsmanDetailsGiven: false }) })),
    ).toMatchObject({ code: 'OMBUDSMAN_DETAILS_NOT_GIVEN' });
  });

  it('over 12 months old, needs how discretion was considered, as a sentence', () => {
    const c = caseUnder(CODE_2024);
    const old = (discretionConsidered?: string) =>
      refuse({
        reason: 'over-12-months-old',
        explanation: 'The repair you complain about was finished in March 2024.',
        discretionConsidered,
      });
    expect(c.refused(NOW, old())).toMatchObject({ field: 'discretionConsidered' });
    expect(c.refused(NOW, old('n/a'))).toMatchObject({ field: 'discretionConsidered' });
    const discretion = 'No reason was given for the delay, and the works were signed off.';
    c.step(NOW, old(discretion));
    expect(c.state.refusal?.discretionConsidered).toBe(discretion);
  });

  it("Code 1.2: does not offer a third party's service under the Code preset", () => {
    const refusal = caseUnder(CODE_2024).refused(NOW, refuse({ reason: 'third-party-service' }));
    expect(refusal).toMatchObject({ code: 'REFUSAL_REASON_NOT_IN_POLICY', field: 'reason' });
    expect(refusal.message).toContain("acts on the landlord's behalf");
  });

  it("offers it where the landlord's policy sets it out (seed 003, flagged there)", () => {
    const policy = preset('seed-003');
    expect(policy.refusalReasons).toContain('third-party-service');
    const c = caseUnder(policy).step(NOW, refuse({ reason: 'third-party-service' }));
    expect(c.state.refusal?.reason).toBe('third-party-service');
  });

  it('keeps an acknowledgement already late as missed; drops what was not yet due', () => {
    // Acknowledge by Mon 23 Nov, never done; refused Wed 25 Nov.
    const late = caseUnder(CODE_2024).step(
      '2026-11-25T10:00:00Z',
      refuse({ notice: told('2026-11-25') }),
    );
    expect(late.deadline(1, 'acknowledge', '2026-11-25T10:00:00Z')).toBe('missed');
    expect(late.deadline(1, 'acknowledge', '2027-06-01T10:00:00Z')).toBe('missed');
    expect(deriveDeadlines(late.state)[0]?.stoppedAt).toBe('2026-11-25T10:00:00.000Z');
    // The response, provisionally due Mon 7 Dec, was not late: nothing more is due.
    expect(late.deadline(1, 'respond', '2026-11-25T10:00:00Z')).toBe('none');
    // Refused in time: nothing was late, nothing stays.
    const inTime = caseUnder(CODE_2024).step(NOW, refuse());
    expect(deriveDeadlines(inTime.state)).toEqual([]);
  });
});
