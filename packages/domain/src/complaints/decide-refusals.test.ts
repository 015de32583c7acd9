import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_2024 } from '../policies/presets.js';
import type { ComplaintRefusalCode } from './complaint.refusals.js';
import type { ComplaintCommand, ComplaintState, DecisionContext } from './complaint.types.js';
import { decide } from './decide.js';
import {
  told,
  policy,
  seed,
  context,
  logCommand,
  accept,
  refusalOf,
  at,
  LATER,
  BEFORE_DUE,
  closedCase,
  withdrawnCase,
  refusedCase,
  AFTER,
  refuseCommand,
} from './decide.fixtures.js';

interface RefusalCase {
  readonly name: string;
  readonly state: () => ComplaintState | null;
  readonly command: ComplaintCommand;
  readonly context?: DecisionContext;
  readonly code: ComplaintRefusalCode;
  readonly field?: string;
  /** What the reader is told to do. */
  readonly says: RegExp;
}

const refusals: readonly RefusalCase[] = [
  {
    name: 'a step on a complaint never logged',
    state: () => null,
    command: { type: 'acknowledge' },
    code: 'COMPLAINT_NOT_FOUND',
    says: /log the complaint first/,
  },
  {
    name: 'logging twice',
    state: () => at('logged'),
    command: logCommand(),
    code: 'COMPLAINT_ALREADY_LOGGED',
    says: /Record the next step on it, or log a new complaint/,
  },
  {
    name: 'acknowledging a closed complaint',
    state: closedCase,
    command: { type: 'acknowledge' },
    code: 'COMPLAINT_NOT_OPEN',
    says: /was closed on Tue 1 Dec 2026\. Re-open it \(with a reason\) to carry on.*Log a new complaint/,
  },
  {
    name: 'escalating a withdrawn complaint',
    state: withdrawnCase,
    command: { type: 'request-escalation' },
    code: 'COMPLAINT_NOT_OPEN',
    says: /was withdrawn.*Log a new complaint for a new matter/,
  },
  {
    name: 'closing a refused complaint',
    state: refusedCase,
    command: { type: 'close' },
    code: 'COMPLAINT_NOT_OPEN',
    says: /was refused/,
  },
  {
    name: 'a step dated after now',
    state: () => at('logged'),
    command: { type: 'acknowledge' },
    context: context('2026-11-09T09:00:00Z', { at: '2026-11-09T09:00:01Z' }),
    code: 'EVENT_IN_FUTURE',
    says: /leave its time empty to use now, or give a time in the past/,
  },
  {
    name: 'a step dated before the last one',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey', notice: told('2026-11-09') },
    context: context(LATER, { at: '2026-11-09T08:59:59Z' }),
    code: 'EVENT_BEFORE_PREVIOUS',
    says: /give a time on or after it/,
  },
  {
    name: 'logging before the complaint was received',
    state: () => null,
    command: logCommand({ receivedAt: '2026-11-06T09:30:00Z' }),
    context: context('2026-11-06T10:00:00Z', { at: '2026-11-06T09:00:00Z' }),
    code: 'EVENT_BEFORE_PREVIOUS',
    field: 'at',
    says: /Log it at or after the time it was received/,
  },
  {
    name: 'a complaint received in the future',
    state: () => null,
    command: logCommand({ receivedAt: '2026-11-07T09:30:00Z' }),
    context: context('2026-11-06T10:00:00Z'),
    code: 'RECEIVED_IN_FUTURE',
    field: 'receivedAt',
    says: /Give the time it actually reached you/,
  },
  {
    name: 'a representative without consent',
    state: () => null,
    command: logCommand({
      representative: { name: 'Sam Lee', role: 'family', consentGiven: false },
    }),
    context: context('2026-11-06T10:00:00Z'),
    code: 'REPRESENTATIVE_WITHOUT_CONSENT',
    field: 'representative.consentGiven',
    says: /Record the resident's consent, or log the complaint in the resident's own name/,
  },
  {
    name: 'acknowledging twice',
    state: () => at('acknowledged'),
    command: { type: 'acknowledge' },
    code: 'COMPLAINT_ALREADY_ACKNOWLEDGED',
    says: /acknowledged once\. Carry on with the investigation/,
  },
  {
    name: 'acknowledging after a response sent without one',
    state: () =>
      accept(
        at('logged', policy({ respondWithoutAcknowledgement: true })),
        { type: 'respond', outcome: 'upheld', findings: 'Fixed' },
        context(LATER),
      ),
    command: { type: 'acknowledge' },
    context: AFTER,
    code: 'COMPLAINT_ALREADY_RESPONDED',
    says: /Escalate, agree actions or close the complaint instead/,
  },
  {
    name: 'responding twice',
    state: () => at('responded'),
    command: { type: 'respond', outcome: 'upheld', findings: 'Again' },
    code: 'COMPLAINT_ALREADY_RESPONDED',
    says: /record their escalation request/,
  },
  {
    name: 'responding before acknowledging',
    state: () => at('logged'),
    command: { type: 'respond', outcome: 'upheld', findings: 'Fixed' },
    code: 'COMPLAINT_NOT_ACKNOWLEDGED',
    says: /Acknowledge the complaint before responding, or use a policy that allows responding without acknowledgement/,
  },
  {
    name: 'extending after the response',
    state: () => at('responded'),
    command: { type: 'extend', workingDays: 2, reason: 'Late', notice: told('2026-12-01') },
    code: 'EXTENSION_AFTER_RESPONSE',
    field: undefined,
    says: /Agree an action with a due date/,
  },
  {
    // Code 6.4: the extension is decided before the due date it moves (Fri 27 Nov).
    name: 'extending after the due date',
    state: () => at('extended'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey', notice: told('2026-12-01') },
    code: 'EXTENSION_AFTER_DUE_DATE',
    says: /was due on Fri 27 Nov 2026.*Send it as soon as you can/,
  },
  {
    // Code 6.5: when and how the resident was told, with the Ombudsman's details.
    name: 'extending without telling the resident',
    state: () => at('extended'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey' },
    context: BEFORE_DUE,
    code: 'RESIDENT_NOT_TOLD',
    field: 'notice',
    says: /Record when and how the resident was told.*Code 6\.5/,
  },
  {
    name: "extending without the Ombudsman's details",
    state: () => at('extended'),
    command: {
      type: 'extend',
      workingDays: 2,
      reason: 'Survey',
      notice: { ...told('2026-11-13'), ombudsmanDetailsGiven: false },
    },
    context: BEFORE_DUE,
    code: 'OMBUDSMAN_DETAILS_NOT_GIVEN',
    field: 'notice.ombudsmanDetailsGiven',
    says: /Tell them, then record it/,
  },
  {
    name: 'extending over the maximum',
    state: () => at('extended'),
    command: { type: 'extend', workingDays: 7, reason: 'Contractor', notice: told('2026-11-13') },
    context: BEFORE_DUE,
    code: 'EXTENSION_OVER_POLICY_MAXIMUM',
    field: 'workingDays',
    says: /at most 10 working days of extension at stage 1; 4 working days already used, so 7 working days more would make 11\. Extend by 6 working days or fewer, or record the good reason to go beyond the maximum \(Code 6\.4\)/,
  },
  {
    name: 'extending once the maximum is used up',
    state: () =>
      accept(
        at('extended'),
        { type: 'extend', workingDays: 6, reason: 'More', notice: told('2026-11-13') },
        BEFORE_DUE,
      ),
    command: { type: 'extend', workingDays: 1, reason: 'Again', notice: told('2026-11-16') },
    context: context('2026-11-16T09:00:00Z'),
    code: 'EXTENSION_OVER_POLICY_MAXIMUM',
    says: /10 working days already used.*Record the good reason to go beyond the maximum/,
  },
  {
    name: 'escalating before the stage 1 response',
    state: () => at('acknowledged'),
    command: { type: 'request-escalation' },
    code: 'ESCALATION_BEFORE_RESPONSE',
    says: /Send the stage 1 response first/,
  },
  {
    name: 'escalating from stage 2',
    state: () => at('stage2-responded'),
    command: { type: 'request-escalation' },
    code: 'NO_FURTHER_STAGE',
    says: /Two stages, never more.*the resident may go to the Housing Ombudsman/,
  },
  {
    name: 'escalating after the window',
    state: () => at('responded', seed('seed-001')),
    command: { type: 'request-escalation', reason: 'Unhappy' },
    // 28 calendar days after Mon 16 Nov 2026 is Mon 14 Dec.
    context: context('2026-12-15T10:00:00Z', { policy: seed('seed-001') }),
    code: 'ESCALATION_OUT_OF_TIME',
    field: 'lateReason',
    says: /until Mon 14 Dec 2026 \(28 calendar days after the stage 1 response\).*accept it, recording why \(lateReason\), or refuse the escalation/,
  },
  {
    name: 'the stage 1 handler at stage 2',
    state: () => at('escalated'),
    command: { type: 'assign', handler: 'A. Morgan', handlerId: 'user-alex' },
    code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
    field: 'assigneeId',
    says: /considered stage 1.*\(Code 6\.13\)\. Assign a different person/,
  },
  {
    name: 'the stage 1 responder acknowledging stage 2',
    state: () => at('escalated'),
    command: { type: 'acknowledge' },
    code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
    says: /Alex Morgan considered stage 1.*Ask a colleague to take it/,
  },
  {
    name: 'an acknowledgement with no outcome sought',
    state: () => at('logged', CODE_2024, { desiredOutcome: null }),
    command: { type: 'acknowledge', outcomeSought: ' ' },
    code: 'OUTCOME_SOUGHT_NOT_RECORDED',
    field: 'outcomeSought',
    says: /Record it, or, if it is unclear, what you asked the resident to clarify it/,
  },
  {
    name: 'an action id used before',
    state: () => at('action-agreed'),
    command: {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Again',
      owner: 'X',
      dueOn: '2026-12-10',
    },
    code: 'ACTION_ALREADY_EXISTS',
    field: 'actionId',
    says: /Give the new action its own id/,
  },
  {
    name: 'completing an unknown action',
    state: () => at('action-agreed'),
    command: { type: 'complete-action', actionId: 'A9' },
    code: 'ACTION_NOT_FOUND',
    field: 'actionId',
    says: /Its actions are: A1/,
  },
  {
    name: 'completing an action twice',
    state: () =>
      accept(at('action-agreed'), { type: 'complete-action', actionId: 'A1' }, context(LATER)),
    command: { type: 'complete-action', actionId: 'A1' },
    context: AFTER,
    code: 'ACTION_ALREADY_COMPLETED',
    says: /agree a new action for further work/,
  },
  {
    name: 'agreeing an action before the response',
    state: () => at('acknowledged'),
    command: {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Fix',
      owner: 'X',
      dueOn: '2026-12-10',
    },
    code: 'ACTIONS_BEFORE_RESPONSE',
    says: /send the response with its remedies, then agree the actions/,
  },
  {
    name: 'closing before the response',
    state: () => at('acknowledged'),
    command: { type: 'close' },
    code: 'CLOSE_BEFORE_RESPONSE',
    says: /Send the response before closing; .*record a withdrawal instead/,
  },
  {
    name: 'closing stage 2 before its response',
    state: () => at('stage2-acknowledged'),
    command: { type: 'close' },
    code: 'CLOSE_BEFORE_RESPONSE',
    says: /Stage 2 has not been answered/,
  },
  {
    // Exactly one open action: the fewest that must hold the case open.
    name: 'closing with an action open',
    state: () => at('action-agreed'),
    command: { type: 'close' },
    code: 'CLOSE_WITH_OPEN_ACTIONS',
    says: /1 agreed action is still open; the next is due Fri 27 Nov 2026: "Treat the damp and redecorate" \(A1, owner Repairs team\)\..*complete them first/,
  },
  {
    // The action done, the £150 offered with the response not paid (Code 7.3).
    name: 'closing with compensation unpaid',
    state: () =>
      accept(at('action-agreed'), { type: 'complete-action', actionId: 'A1' }, context(LATER)),
    command: { type: 'close' },
    code: 'CLOSE_WITH_REMEDY_UNPAID',
    says: /Remedy 1\.2 \(£150\.00 of compensation\) is unpaid\..*\(Code 7\.3\): record the payment, or that the resident declined it, then close/,
  },
  {
    name: 'auto-closing under a policy that never does',
    state: () => at('responded'),
    command: { type: 'auto-close' },
    code: 'AUTO_CLOSE_NOT_DUE',
    says: /does not close complaints automatically after stage 1\. Close it by hand/,
  },
  {
    name: 'auto-closing while still being handled',
    state: () => at('acknowledged', seed('seed-000')),
    command: { type: 'auto-close' },
    code: 'AUTO_CLOSE_NOT_DUE',
    says: /is acknowledged at stage 1; it can close automatically only after a response/,
  },
  {
    name: 'auto-closing when the escalation window has no end',
    state: () =>
      at(
        'responded',
        policy({ closing: { ...CODE_2024.closing, autoCloseWhenEscalationWindowLapses: true } }),
      ),
    command: { type: 'auto-close' },
    code: 'AUTO_CLOSE_NOT_DUE',
    says: /sets no time limit to ask for stage 2.*Close it by hand/,
  },
  {
    name: 'auto-closing after stage 2 under a policy that never does',
    state: () => at('stage2-responded'),
    command: { type: 'auto-close' },
    code: 'AUTO_CLOSE_NOT_DUE',
    says: /does not close complaints automatically after stage 2/,
  },
  {
    name: 'refusing after the stage 1 response',
    state: () => at('responded'),
    command: refuseCommand(),
    code: 'REFUSAL_AFTER_RESPONSE',
    says: /can no longer be refused\. Carry on with the process/,
  },
  {
    name: 'refusing at stage 2',
    state: () => at('escalated'),
    command: refuseCommand(),
    code: 'REFUSAL_AFTER_RESPONSE',
    says: /can no longer be refused/,
  },
  {
    name: 'refusing without telling the resident',
    state: () => at('acknowledged'),
    command: refuseCommand({ notice: null }),
    code: 'RESIDENT_NOT_TOLD',
    field: 'notice',
    says: /Code 2\.4/,
  },
  {
    name: 'refusing for a reason the policy does not set out',
    state: () => at('acknowledged'),
    command: refuseCommand({ reason: 'third-party-service' }),
    code: 'REFUSAL_REASON_NOT_IN_POLICY',
    field: 'reason',
    says: /record the contractor and handle the complaint/,
  },
  {
    name: 're-opening a case that is open',
    state: () => at('acknowledged'),
    command: { type: 'reopen', reason: 'The resident rang back about the same leak.' },
    code: 'COMPLAINT_NOT_ENDED',
    says: /is acknowledged, not ended: there is nothing to re-open/,
  },
  {
    name: 'adding a point after the response',
    state: () => at('responded'),
    command: { type: 'add-point', point: 'The hallway light is broken too.' },
    code: 'POINT_AFTER_RESPONSE',
    says: /logged as a new complaint \(Code 6\.8\)/,
  },
  {
    name: 'the same Ombudsman referral twice',
    state: () =>
      accept(closedCase(), { type: 'refer-to-ombudsman', reference: 'HOS-1' }, context(LATER)),
    command: { type: 'refer-to-ombudsman', reference: 'hos-1' },
    code: 'ALREADY_REFERRED_TO_OMBUDSMAN',
    field: 'reference',
    says: /a new referral comes with a new reference/,
  },
  {
    name: "recording the resident's satisfaction before the case closed",
    state: () => at('responded'),
    command: { type: 'record-satisfaction', score: 8 },
    code: 'COMPLAINT_NOT_CLOSED',
    says: /is responded, not closed.*once the complaint has closed/,
  },
  {
    name: 'recording satisfaction on a withdrawn case, which was never closed',
    state: withdrawnCase,
    command: { type: 'record-satisfaction', score: 8 },
    context: AFTER,
    code: 'COMPLAINT_NOT_CLOSED',
    says: /is withdrawn, not closed/,
  },
  {
    name: 'a satisfaction score above 10',
    state: closedCase,
    command: { type: 'record-satisfaction', score: 11 },
    context: AFTER,
    code: 'SATISFACTION_SCORE_INVALID',
    field: 'score',
    says: /whole number from 0 to 10/,
  },
];

// The refusals of the casework steps (remedies, the case record, merging, the Ombudsman's
// side) are exercised with those steps, in casework.test.ts.
const CASEWORK_CODES: readonly ComplaintRefusalCode[] = [
  'REMEDY_NOT_FOUND',
  'REMEDY_ALREADY_ANSWERED',
  'REMEDY_NOT_PAYABLE',
  'REMEDY_DECLINED',
  'PAYMENT_OVER_REMEDY',
  'TOO_MANY_COMPLAINANTS',
  'COMPLAINANT_ALREADY_RECORDED',
  'MERGE_CHAIN',
  'MERGE_WITH_OPEN_ACTIONS',
  'DUPLICATE_ALREADY_MERGED',
  'REFERRAL_NOT_FOUND',
  'DETERMINATION_ALREADY_RECORDED',
  'DETERMINATION_NOT_RECORDED',
  'ORDER_NOT_FOUND',
  'ORDER_ALREADY_COMPLIED',
];

// The refusals of recording stage 2's reviewers, in steps/record-stage-2-reviewers.test.ts.
const STAGE2_REVIEW_CODES: readonly ComplaintRefusalCode[] = [
  'STAGE2_REVIEW_NOT_OPEN',
  'REVIEWER_NOT_INDEPENDENT',
  'REVIEWER_CONFLICT_OF_INTEREST',
  'REVIEWER_CONFLICT_UNCHECKED',
  'REVIEWER_WITHOUT_CONSENT',
  'REVIEWER_LISTED_TWICE',
];

describe('decide: refusals', () => {
  it.each(refusals)('refuses $name with $code', (c) => {
    const refusal = refusalOf(decide(c.state(), c.command, c.context ?? context(LATER)));
    expect(refusal.code).toBe(c.code);
    if (c.field !== undefined) expect(refusal.field).toBe(c.field);
    expect(refusal.message).toMatch(c.says);
  });

  it('has a case for every refusal code', () => {
    // A Record over the union: a new code fails to compile here until it is listed, and then
    // fails this test until a case above exercises it.
    const every: Record<ComplaintRefusalCode, true> = {
      INVALID_COMMAND: true,
      COMPLAINT_NOT_FOUND: true,
      COMPLAINT_ALREADY_LOGGED: true,
      COMPLAINT_NOT_OPEN: true,
      EVENT_IN_FUTURE: true,
      EVENT_BEFORE_PREVIOUS: true,
      RECEIVED_IN_FUTURE: true,
      REPRESENTATIVE_WITHOUT_CONSENT: true,
      COMPLAINT_ALREADY_ACKNOWLEDGED: true,
      COMPLAINT_NOT_ACKNOWLEDGED: true,
      COMPLAINT_ALREADY_RESPONDED: true,
      EXTENSION_AFTER_RESPONSE: true,
      EXTENSION_OVER_POLICY_MAXIMUM: true,
      ESCALATION_BEFORE_RESPONSE: true,
      NO_FURTHER_STAGE: true,
      ESCALATION_OUT_OF_TIME: true,
      STAGE2_HANDLER_NOT_INDEPENDENT: true,
      ACTION_ALREADY_EXISTS: true,
      ACTION_NOT_FOUND: true,
      ACTION_ALREADY_COMPLETED: true,
      ACTIONS_BEFORE_RESPONSE: true,
      CLOSE_BEFORE_RESPONSE: true,
      CLOSE_WITH_OPEN_ACTIONS: true,
      CLOSE_WITH_REMEDY_UNPAID: true,
      AUTO_CLOSE_NOT_DUE: true,
      REFUSAL_AFTER_RESPONSE: true,
      ALREADY_REFERRED_TO_OMBUDSMAN: true,
      RESIDENT_NOT_TOLD: true,
      OMBUDSMAN_DETAILS_NOT_GIVEN: true,
      OUTCOME_SOUGHT_NOT_RECORDED: true,
      EXTENSION_AFTER_DUE_DATE: true,
      POINT_AFTER_RESPONSE: true,
      REFUSAL_REASON_NOT_IN_POLICY: true,
      COMPLAINT_NOT_ENDED: true,
      REMEDY_NOT_FOUND: true,
      REMEDY_ALREADY_ANSWERED: true,
      REMEDY_NOT_PAYABLE: true,
      REMEDY_DECLINED: true,
      PAYMENT_OVER_REMEDY: true,
      TOO_MANY_COMPLAINANTS: true,
      COMPLAINANT_ALREADY_RECORDED: true,
      MERGE_CHAIN: true,
      MERGE_WITH_OPEN_ACTIONS: true,
      DUPLICATE_ALREADY_MERGED: true,
      REFERRAL_NOT_FOUND: true,
      DETERMINATION_ALREADY_RECORDED: true,
      DETERMINATION_NOT_RECORDED: true,
      ORDER_NOT_FOUND: true,
      ORDER_ALREADY_COMPLIED: true,
      COMPLAINT_NOT_CLOSED: true,
      SATISFACTION_SCORE_INVALID: true,
      STAGE2_REVIEW_NOT_OPEN: true,
      REVIEWER_NOT_INDEPENDENT: true,
      REVIEWER_CONFLICT_OF_INTEREST: true,
      REVIEWER_CONFLICT_UNCHECKED: true,
      REVIEWER_WITHOUT_CONSENT: true,
      REVIEWER_LISTED_TWICE: true,
    };
    const covered = new Set<string>([
      ...refusals.map((c) => c.code),
      'INVALID_COMMAND',
      ...CASEWORK_CODES,
      ...STAGE2_REVIEW_CODES,
    ]);
    expect(Object.keys(every).filter((code) => !covered.has(code))).toEqual([]);
  });

  it('leaves to casework.test.ts only codes it exercises', () => {
    // casework.test.ts, and casework-remedies and casework-ombudsman beside it.
    const casework = ['', '-remedies', '-ombudsman']
      .map((part) => readFileSync(new URL(`./casework${part}.test.ts`, import.meta.url), 'utf8'))
      .join('\n');
    expect(CASEWORK_CODES.filter((code) => !casework.includes(`'${code}'`))).toEqual([]);
  });

  it('leaves to record-stage-2-reviewers.test.ts only codes it exercises', () => {
    const tests = readFileSync(
      new URL('./steps/record-stage-2-reviewers.test.ts', import.meta.url),
      'utf8',
    );
    expect(STAGE2_REVIEW_CODES.filter((code) => !tests.includes(`'${code}'`))).toEqual([]);
  });
});
