import { describe, expect, it } from 'vitest';
import type {
  Channel,
  ComplainantType,
  ComplaintCommand,
  ComplaintState,
  DecisionContext,
  Outcome,
  RefusalReason,
  RemedyKind,
  RepresentativeRole,
  Tenure,
} from './complaint.types.js';
import { decide, MAX_EXTENSION_WORKING_DAYS } from './decide.js';
import {
  told,
  context,
  logCommand,
  accept,
  refusalOf,
  at,
  LATER,
  BEFORE_DUE,
  closedCase,
  refuseCommand,
} from './decide.fixtures.js';

// ---------------------------------------------------------------------------------------------
// Commands that are malformed: INVALID_COMMAND naming the field.

// Values a caller outside TypeScript could send; the double cast says so on purpose.
const bad = {
  channel: 'fax' as string as Channel,
  tenure: 'freehold' as string as Tenure,
  complainantType: 'landlord' as string as ComplainantType,
  role: 'friend' as string as RepresentativeRole,
  outcome: 'maybe' as string as Outcome,
  remedy: 'hug' as string as RemedyKind,
  refusal: 'too-busy' as string as RefusalReason,
};

interface InvalidCase {
  readonly name: string;
  readonly state: () => ComplaintState | null;
  readonly command: ComplaintCommand;
  readonly context?: DecisionContext;
  readonly field: string;
}

const LOG_NOW = context('2026-11-06T10:00:00Z');
const sixtyDays: ComplaintCommand = {
  type: 'extend',
  workingDays: 60,
  reason: 'A structural survey of the block',
  exceptionalReason: 'The insurer has to survey the whole block before any repair starts.',
  notice: told('2026-11-13'),
};
const jordan = logCommand().complainant;

const invalids: readonly InvalidCase[] = [
  {
    name: 'an empty complaint id',
    state: () => null,
    command: logCommand({ complaintId: '' }),
    context: LOG_NOW,
    field: 'complaintId',
  },
  {
    name: 'an id with spaces',
    state: () => null,
    command: logCommand({ complaintId: 'C 1' }),
    context: LOG_NOW,
    field: 'complaintId',
  },
  {
    name: 'a blank reference',
    state: () => null,
    command: logCommand({ reference: '   ' }),
    context: LOG_NOW,
    field: 'reference',
  },
  {
    name: 'receipt with no offset',
    state: () => null,
    command: logCommand({ receivedAt: '2026-11-06T09:30:00' }),
    context: LOG_NOW,
    field: 'receivedAt',
  },
  {
    name: 'receipt in 1900, before the supported dates',
    state: () => null,
    command: logCommand({ receivedAt: '1900-01-01T09:30:00Z' }),
    context: LOG_NOW,
    field: 'receivedAt',
  },
  {
    name: 'receipt in year 0',
    state: () => null,
    command: logCommand({ receivedAt: '0000-01-01T00:00:00Z' }),
    context: LOG_NOW,
    field: 'receivedAt',
  },
  {
    name: 'receipt on 30 February',
    state: () => null,
    command: logCommand({ receivedAt: '2026-02-30T09:30:00Z' }),
    context: LOG_NOW,
    field: 'receivedAt',
  },
  {
    name: 'receipt as words',
    state: () => null,
    command: logCommand({ receivedAt: 'yesterday' }),
    context: LOG_NOW,
    field: 'receivedAt',
  },
  {
    name: 'an unknown channel',
    state: () => null,
    command: logCommand({ channel: bad.channel }),
    context: LOG_NOW,
    field: 'channel',
  },
  {
    name: 'an unknown tenure',
    state: () => null,
    command: logCommand({ tenure: bad.tenure }),
    context: LOG_NOW,
    field: 'tenure',
  },
  {
    name: 'a nameless complainant',
    state: () => null,
    command: logCommand({ complainant: { ...jordan, name: ' ' } }),
    context: LOG_NOW,
    field: 'complainant.name',
  },
  {
    name: 'an unknown complainant type',
    state: () => null,
    command: logCommand({ complainant: { ...jordan, type: bad.complainantType } }),
    context: LOG_NOW,
    field: 'complainant.type',
  },
  {
    name: 'an unknown contact method',
    state: () => null,
    command: logCommand({
      complainant: { ...jordan, preferredContact: 'fax' as string as 'email' },
    }),
    context: LOG_NOW,
    field: 'complainant.preferredContact',
  },
  {
    name: 'a nameless representative',
    state: () => null,
    command: logCommand({ representative: { name: '', role: 'mp', consentGiven: true } }),
    context: LOG_NOW,
    field: 'representative.name',
  },
  {
    name: "an unknown representative's role",
    state: () => null,
    command: logCommand({ representative: { name: 'Sam', role: bad.role, consentGiven: true } }),
    context: LOG_NOW,
    field: 'representative.role',
  },
  {
    name: 'a consent date that is not a date',
    state: () => null,
    command: logCommand({
      representative: {
        name: 'Sam',
        role: 'mp',
        consentGiven: true,
        consentRecordedOn: '6/11/2026',
      },
    }),
    context: LOG_NOW,
    field: 'representative.consentRecordedOn',
  },
  {
    name: 'an empty summary',
    state: () => null,
    command: logCommand({ summary: '' }),
    context: LOG_NOW,
    field: 'summary',
  },
  {
    name: 'an empty category',
    state: () => null,
    command: logCommand({ category: ' ' }),
    context: LOG_NOW,
    field: 'category',
  },
  {
    name: 'a malformed service request id',
    state: () => null,
    command: logCommand({ serviceRequestId: 'SR 1' }),
    context: LOG_NOW,
    field: 'serviceRequestId',
  },
  {
    name: 'a malformed now',
    state: () => at('logged'),
    command: { type: 'acknowledge' },
    context: context('9 Nov 2026'),
    field: 'now',
  },
  {
    name: 'a malformed at',
    state: () => at('logged'),
    command: { type: 'acknowledge' },
    context: context(LATER, { at: '2026-11-09' }),
    field: 'at',
  },
  {
    name: 'a blank handler',
    state: () => at('logged'),
    command: { type: 'assign', handler: '' },
    field: 'handler',
  },
  {
    name: 'an extension of 0 days',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 0, reason: 'x' },
    field: 'workingDays',
  },
  {
    name: 'an extension of 1.5 days',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 1.5, reason: 'x' },
    field: 'workingDays',
  },
  {
    name: 'an extension of a million days, even with an exceptional reason',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 1_000_000, reason: 'x', exceptionalReason: 'y' },
    field: 'workingDays',
  },
  {
    name: 'an extension of 2147483647 days',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2147483647, reason: 'x', exceptionalReason: 'y' },
    field: 'workingDays',
  },
  {
    name: 'an extension of one more day than the most one extension may add',
    state: () => at('acknowledged'),
    command: {
      type: 'extend',
      workingDays: MAX_EXTENSION_WORKING_DAYS + 1,
      reason: 'x',
      exceptionalReason: 'y',
    },
    field: 'workingDays',
  },
  {
    name: 'extensions adding up to more than a stage may have in all',
    state: () =>
      accept(
        accept(at('acknowledged'), sixtyDays, BEFORE_DUE),
        sixtyDays,
        context('2026-11-16T09:00:00Z'),
      ),
    command: {
      type: 'extend',
      workingDays: 1,
      reason: 'x',
      exceptionalReason: 'y',
      notice: told('2026-11-17'),
    },
    context: context('2026-11-17T09:00:00Z'),
    field: 'workingDays',
  },
  {
    // Code 6.4: past the maximum, "good reason" is a sentence the resident can follow.
    name: 'a token good reason beyond the maximum',
    state: () => at('acknowledged'),
    command: {
      type: 'extend',
      workingDays: 15,
      reason: 'Survey',
      exceptionalReason: 'x',
      notice: told('2026-11-13'),
    },
    context: BEFORE_DUE,
    field: 'exceptionalReason',
  },
  {
    name: 'a notice dated after the step',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey', notice: told('2026-11-14') },
    context: BEFORE_DUE,
    field: 'notice.toldOn',
  },
  {
    name: 'a notice dated before the stage began',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey', notice: told('2026-11-05') },
    context: BEFORE_DUE,
    field: 'notice.toldOn',
  },
  {
    name: 'a notice on no real date',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2, reason: 'Survey', notice: told('2026-11-31') },
    context: BEFORE_DUE,
    field: 'notice.toldOn',
  },
  {
    name: 'a notice by an unknown method',
    state: () => at('acknowledged'),
    command: {
      type: 'extend',
      workingDays: 2,
      reason: 'Survey',
      notice: { ...told('2026-11-13'), method: 'pigeon' as string as 'email' },
    },
    context: BEFORE_DUE,
    field: 'notice.method',
  },
  {
    name: 'an extension without a reason',
    state: () => at('acknowledged'),
    command: { type: 'extend', workingDays: 2, reason: ' ' },
    field: 'reason',
  },
  {
    name: 'an unknown outcome',
    state: () => at('acknowledged'),
    command: { type: 'respond', outcome: bad.outcome, findings: 'x' },
    field: 'outcome',
  },
  {
    name: 'a response without findings',
    state: () => at('acknowledged'),
    command: { type: 'respond', outcome: 'upheld', findings: '' },
    field: 'findings',
  },
  {
    name: 'an unknown remedy',
    state: () => at('acknowledged'),
    command: {
      type: 'respond',
      outcome: 'upheld',
      findings: 'x',
      remedies: [{ kind: bad.remedy, description: 'x' }],
    },
    field: 'remedies[0].kind',
  },
  {
    name: 'a remedy without a description',
    state: () => at('acknowledged'),
    command: {
      type: 'respond',
      outcome: 'upheld',
      findings: 'x',
      remedies: [
        { kind: 'apology', description: 'Sorry' },
        { kind: 'apology', description: '' },
      ],
    },
    field: 'remedies[1].description',
  },
  {
    name: 'compensation without an amount',
    state: () => at('acknowledged'),
    command: {
      type: 'respond',
      outcome: 'upheld',
      findings: 'x',
      remedies: [{ kind: 'financial-compensation', description: 'x' }],
    },
    field: 'remedies[0].amountPence',
  },
  {
    name: 'a negative amount',
    state: () => at('acknowledged'),
    command: {
      type: 'respond',
      outcome: 'upheld',
      findings: 'x',
      remedies: [{ kind: 'financial-compensation', description: 'x', amountPence: -100 }],
    },
    field: 'remedies[0].amountPence',
  },
  {
    name: 'an amount in fractions of a penny',
    state: () => at('acknowledged'),
    command: {
      type: 'respond',
      outcome: 'upheld',
      findings: 'x',
      remedies: [{ kind: 'financial-compensation', description: 'x', amountPence: 10.5 }],
    },
    field: 'remedies[0].amountPence',
  },
  {
    name: 'an action without an id',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: '',
      description: 'x',
      owner: 'x',
      dueOn: '2026-12-10',
    },
    field: 'actionId',
  },
  {
    name: 'an action without a description',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: 'A5',
      description: ' ',
      owner: 'x',
      dueOn: '2026-12-10',
    },
    field: 'description',
  },
  {
    name: 'an action without an owner',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: 'A5',
      description: 'x',
      owner: '',
      dueOn: '2026-12-10',
    },
    field: 'owner',
  },
  {
    name: 'an action due on no real day',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: 'A5',
      description: 'x',
      owner: 'x',
      dueOn: '2026-11-31',
    },
    field: 'dueOn',
  },
  {
    name: 'an action due in the past',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: 'A5',
      description: 'x',
      owner: 'x',
      dueOn: '2026-11-30',
    },
    field: 'dueOn',
  },
  {
    name: 'an action for an unknown remedy',
    state: () => at('responded'),
    command: {
      type: 'agree-action',
      actionId: 'A5',
      description: 'x',
      owner: 'x',
      dueOn: '2026-12-10',
      remedy: bad.remedy,
    },
    field: 'remedy',
  },
  {
    name: 'a withdrawal without a reason',
    state: () => at('logged'),
    command: { type: 'withdraw', reason: '' },
    field: 'reason',
  },
  {
    name: 'a refusal for no valid reason',
    state: () => at('logged'),
    command: { type: 'refuse', reason: bad.refusal, explanation: 'x' },
    field: 'reason',
  },
  {
    name: 'a refusal without an explanation',
    state: () => at('logged'),
    command: { type: 'refuse', reason: 'legal-proceedings', explanation: ' ' },
    field: 'explanation',
  },
  {
    // Code 2.1: an explanation the resident can follow, not "No.".
    name: 'a refusal explained as "No."',
    state: () => at('logged'),
    command: refuseCommand({ explanation: 'No.' }),
    field: 'explanation',
  },
  {
    // Code 2.3: past 12 months, how discretion to accept it anyway was considered.
    name: 'a refusal as over 12 months old without discretion considered',
    state: () => at('logged'),
    command: refuseCommand({ reason: 'over-12-months-old' }),
    field: 'discretionConsidered',
  },
  {
    name: 'a re-opening without a reason a resident can follow',
    state: closedCase,
    command: { type: 'reopen', reason: 'oops' },
    field: 'reason',
  },
  {
    name: 'a referral without a reference',
    state: () => at('logged'),
    command: { type: 'refer-to-ombudsman', reference: '' },
    field: 'reference',
  },
  {
    name: 'an unknown step',
    state: () => at('logged'),
    command: { type: 'teleport' } as unknown as ComplaintCommand,
    field: 'type',
  },
];

describe('decide: malformed commands', () => {
  it.each(invalids)('refuses $name, naming $field', (c) => {
    const refusal = refusalOf(decide(c.state(), c.command, c.context ?? context(LATER)));
    expect(refusal).toMatchObject({ code: 'INVALID_COMMAND', field: c.field });
    expect(refusal.message.length).toBeGreaterThan(10);
  });

  it('says what a valid due date is when one is in the past', () => {
    const refusal = refusalOf(
      decide(
        at('responded'),
        { type: 'agree-action', actionId: 'A5', description: 'x', owner: 'x', dueOn: '2026-11-30' },
        context(LATER),
      ),
    );
    expect(refusal.message).toContain('Give a due date on or after Tue 1 Dec 2026');
  });
});
