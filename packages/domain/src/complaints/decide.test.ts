import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import type { Result } from '../shared/result.js';
import type { ComplaintRefusal, ComplaintRefusalCode } from './complaint.refusals.js';
import type {
  Actor,
  Channel,
  ComplainantType,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  DecisionContext,
  Instant,
  LogComplaint,
  Outcome,
  RefusalReason,
  RefuseComplaint,
  RemedyKind,
  RepresentativeRole,
  ResidentNotice,
  Tenure,
} from './complaint.types.js';
import { decide, MAX_EXTENSION_WORKING_DAYS } from './decide.js';
import { evolve } from './evolve.js';

// Fri 6 Nov 2026 onwards, in GMT, so UTC and London dates agree unless a test says otherwise.
const handler: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
// Stage 2 is considered by someone who did not consider stage 1 (Code 6.13).
const reviewer: Actor = { kind: 'user', id: 'user-priya', name: 'Priya Shah' };
const system: Actor = { kind: 'system', id: 'redress' };
const DESIRED_OUTCOME = 'The damp treated and the bedroom redecorated.';

/** A notice to the resident given on `toldOn`, with the Ombudsman's details (Code 2.4, 6.5). */
function told(toldOn: string): ResidentNotice {
  return { toldOn, method: 'email', ombudsmanDetailsGiven: true };
}

function policy(changes: Partial<Policy> = {}): Policy {
  return { ...CODE_2024, ...changes };
}

function seed(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

function context(now: Instant, more: Partial<DecisionContext> = {}): DecisionContext {
  return { now, actor: handler, policy: CODE_2024, ...more };
}

function logCommand(changes: Partial<LogComplaint> = {}): LogComplaint {
  return {
    type: 'log',
    complaintId: 'C-2026-0001',
    reference: 'RDR-0001',
    receivedAt: '2026-11-06T09:30:00Z',
    channel: 'phone',
    complainant: { name: 'Jordan Price', type: 'tenant', preferredContact: 'email' },
    summary: 'Damp in the bedroom reported three times and not fixed.',
    desiredOutcome: DESIRED_OUTCOME,
    category: 'repairs',
    tenure: 'lcra',
    ...changes,
  };
}

/** Applies a step that must be accepted; a refusal fails the test with its message. */
function accept(
  state: ComplaintState | null,
  command: ComplaintCommand,
  ctx: DecisionContext,
): ComplaintState {
  const result = decide(state, command, ctx);
  if (!result.ok)
    throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`);
  let next = state;
  for (const event of result.value) next = evolve(next, event);
  if (next === null) throw new Error(`${command.type} produced no state`);
  return next;
}

function eventsOf(result: Result<ComplaintEvent[], ComplaintRefusal>): ComplaintEvent[] {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refusalOf(result: Result<ComplaintEvent[], ComplaintRefusal>): ComplaintRefusal {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

// The stages of one case, in order; `at(point)` replays the script up to and including it.
type Point =
  | 'logged'
  | 'assigned'
  | 'acknowledged'
  | 'extended'
  | 'responded'
  | 'action-agreed'
  | 'escalated'
  | 'stage2-assigned'
  | 'stage2-acknowledged'
  | 'stage2-responded';

const script: readonly {
  point: Point;
  now: Instant;
  command: ComplaintCommand;
  actor?: Actor;
}[] = [
  { point: 'logged', now: '2026-11-06T09:30:00Z', command: logCommand() },
  {
    point: 'assigned',
    now: '2026-11-06T10:00:00Z',
    command: { type: 'assign', handler: 'Alex Morgan', handlerId: 'user-alex' },
  },
  { point: 'acknowledged', now: '2026-11-09T09:00:00Z', command: { type: 'acknowledge' } },
  {
    point: 'extended',
    now: '2026-11-12T09:00:00Z',
    // Due Mon 23 Nov; decided and told on Thu 12 Nov (Code 6.4, 6.5).
    command: {
      type: 'extend',
      workingDays: 4,
      reason: 'Waiting for the surveyor',
      notice: told('2026-11-12'),
    },
  },
  {
    point: 'responded',
    now: '2026-11-16T15:00:00Z',
    command: {
      type: 'respond',
      outcome: 'partly-upheld',
      findings: 'The repair was missed twice.',
      remedies: [
        { kind: 'apology', description: 'We apologise for the missed visits.' },
        { kind: 'financial-compensation', description: 'For the delay', amountPence: 15000 },
      ],
    },
  },
  {
    point: 'action-agreed',
    now: '2026-11-16T15:30:00Z',
    command: {
      type: 'agree-action',
      actionId: 'A1',
      description: 'Treat the damp and redecorate',
      owner: 'Repairs team',
      dueOn: '2026-11-27',
      remedy: 'action-on-delay',
    },
  },
  {
    point: 'escalated',
    now: '2026-11-18T10:00:00Z',
    command: { type: 'request-escalation', reason: 'The damp is back.' },
  },
  {
    point: 'stage2-assigned',
    now: '2026-11-18T11:00:00Z',
    command: { type: 'assign', handler: 'Priya Shah', handlerId: 'user-priya' },
  },
  {
    point: 'stage2-acknowledged',
    now: '2026-11-19T10:00:00Z',
    command: { type: 'acknowledge' },
    actor: reviewer,
  },
  {
    point: 'stage2-responded',
    now: '2026-11-30T10:00:00Z',
    command: { type: 'respond', outcome: 'upheld', findings: 'The stage 1 remedy fell short.' },
    actor: reviewer,
  },
];

function at(
  point: Point,
  policyInForce: Policy = CODE_2024,
  log: Partial<LogComplaint> = {},
): ComplaintState {
  let state: ComplaintState | null = null;
  for (const step of script) {
    state = accept(
      state,
      step.point === 'logged' ? logCommand(log) : step.command,
      context(step.now, { policy: policyInForce, actor: step.actor ?? handler }),
    );
    if (step.point === point) return state;
  }
  throw new Error(`no point ${point}`);
}

const LATER = '2026-12-01T12:00:00Z';
// Before stage 1's response falls due (Mon 23 Nov, extended by 4 to Fri 27 Nov).
const BEFORE_DUE = context('2026-11-13T12:00:00Z');

describe('decide: log', () => {
  it('records the complaint with the policy in force and UTC instants', () => {
    const events = eventsOf(
      decide(
        null,
        logCommand({ receivedAt: '2026-11-06T09:30:00+00:00', representative: null }),
        context('2026-11-06T10:00:00.000+00:00', { at: '2026-11-06T09:45:00Z' }),
      ),
    );
    expect(events).toEqual([
      {
        type: 'complaint-logged',
        at: '2026-11-06T09:45:00.000Z',
        actor: handler,
        complaintId: 'C-2026-0001',
        reference: 'RDR-0001',
        receivedAt: '2026-11-06T09:30:00.000Z',
        channel: 'phone',
        complainant: { name: 'Jordan Price', type: 'tenant', preferredContact: 'email' },
        representative: null,
        summary: 'Damp in the bedroom reported three times and not fixed.',
        desiredOutcome: DESIRED_OUTCOME,
        category: 'repairs',
        tenure: 'lcra',
        serviceRequestId: null,
        policy: CODE_2024,
      },
    ]);
  });

  it('keeps a representative who acts with consent, and the service request it came from', () => {
    const [event] = eventsOf(
      decide(
        null,
        logCommand({
          channel: 'representative',
          representative: { name: 'Cllr Ada Hughes', role: 'councillor', consentGiven: true },
          serviceRequestId: 'SR-77',
          desiredOutcome: 'Fix the damp',
        }),
        context('2026-11-06T10:00:00Z'),
      ),
    );
    expect(event).toMatchObject({
      representative: { name: 'Cllr Ada Hughes', consentGiven: true },
      serviceRequestId: 'SR-77',
      desiredOutcome: 'Fix the damp',
    });
  });

  it('may be logged later than received, even days later', () => {
    const events = eventsOf(decide(null, logCommand(), context('2026-11-10T10:00:00Z')));
    expect(events[0]).toMatchObject({
      at: '2026-11-10T10:00:00.000Z',
      receivedAt: '2026-11-06T09:30:00.000Z',
    });
  });
});

describe('decide: the steps that are accepted', () => {
  it('assigns the current stage', () => {
    expect(
      eventsOf(decide(at('logged'), { type: 'assign', handler: 'Sam' }, context(LATER))),
    ).toEqual([
      {
        type: 'complaint-assigned',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        stage: 1,
        handler: 'Sam',
      },
    ]);
    const stage2 = eventsOf(
      decide(at('escalated'), { type: 'assign', handler: 'Priya' }, context(LATER)),
    );
    expect(stage2[0]).toMatchObject({ stage: 2, handler: 'Priya' });
  });

  it('lets the stage 1 handler review stage 2 only where the policy does not ask for independence', () => {
    const relaxed = policy({ independentStage2Handler: false });
    const events = eventsOf(
      decide(at('escalated', relaxed), { type: 'assign', handler: 'Alex Morgan' }, context(LATER)),
    );
    expect(events[0]).toMatchObject({ type: 'complaint-assigned', stage: 2 });
  });

  it('acknowledges each stage once, defining the complaint as logged (Code 5.6)', () => {
    expect(eventsOf(decide(at('logged'), { type: 'acknowledge' }, context(LATER)))).toEqual([
      {
        type: 'complaint-acknowledged',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        stage: 1,
        understanding: 'Damp in the bedroom reported three times and not fixed.',
        outcomeSought: DESIRED_OUTCOME,
        clarification: null,
      },
    ]);
    const stage2 = eventsOf(
      decide(at('escalated'), { type: 'acknowledge' }, context(LATER, { actor: reviewer })),
    );
    expect(stage2[0]).toMatchObject({
      stage: 2,
      understanding: 'The damp is back.',
      outcomeSought: DESIRED_OUTCOME,
    });
  });

  it('extends up to the maximum, and beyond it with an exceptional reason', () => {
    // 4 days used of 10; the response is due Fri 27 Nov, and this is Fri 13 Nov.
    const upToMaximum = eventsOf(
      decide(
        at('extended'),
        { type: 'extend', workingDays: 6, reason: 'Contractor', notice: told('2026-11-13') },
        BEFORE_DUE,
      ),
    );
    expect(upToMaximum).toEqual([
      {
        type: 'response-deadline-extended',
        at: '2026-11-13T12:00:00.000Z',
        actor: handler,
        stage: 1,
        workingDays: 6,
        reason: 'Contractor',
        exceptionalReason: null,
        notice: told('2026-11-13'),
        fromDueOn: '2026-11-27',
        toDueOn: '2026-12-07',
      },
    ]);
    const beyond = eventsOf(
      decide(
        at('extended'),
        {
          type: 'extend',
          workingDays: 15,
          reason: 'Structural survey',
          exceptionalReason: 'Specialist survey booked by the insurer',
          notice: told('2026-11-13'),
        },
        BEFORE_DUE,
      ),
    );
    expect(beyond[0]).toMatchObject({
      workingDays: 15,
      exceptionalReason: 'Specialist survey booked by the insurer',
    });
  });

  it('extends stage 2 against the stage 2 maximum', () => {
    const events = eventsOf(
      decide(
        at('stage2-acknowledged'),
        { type: 'extend', workingDays: 20, reason: 'Survey', notice: told('2026-12-01') },
        context(LATER, { actor: reviewer }),
      ),
    );
    // Stage 2 acknowledged Thu 19 Nov: due 20 working days later, Thu 17 Dec (Code 6.14, 6.15).
    expect(events[0]).toMatchObject({
      stage: 2,
      workingDays: 20,
      fromDueOn: '2026-12-17',
      toDueOn: '2027-01-19',
    });
  });

  it('responds with the findings and remedies, amounts held as null where none', () => {
    const events = eventsOf(
      decide(
        at('acknowledged'),
        {
          type: 'respond',
          outcome: 'upheld',
          findings: 'Missed twice',
          remedies: [
            { kind: 'apology', description: 'Sorry' },
            { kind: 'financial-compensation', description: 'Delay', amountPence: 0 },
          ],
        },
        context(LATER),
      ),
    );
    expect(events).toEqual([
      {
        type: 'complaint-responded',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        stage: 1,
        outcome: 'upheld',
        findings: 'Missed twice',
        // Each remedy gets an id an action, an answer and a payment can name (Code 7.3).
        remedies: [
          { id: '1.1', kind: 'apology', description: 'Sorry', amountPence: null },
          { id: '1.2', kind: 'financial-compensation', description: 'Delay', amountPence: 0 },
        ],
      },
    ]);
  });

  it('responds without an acknowledgement where the policy allows it', () => {
    const quick = policy({ respondWithoutAcknowledgement: true });
    const events = eventsOf(
      decide(
        at('logged', quick),
        { type: 'respond', outcome: 'not-upheld', findings: 'Done as agreed' },
        context(LATER),
      ),
    );
    expect(events[0]).toMatchObject({ type: 'complaint-responded', stage: 1, remedies: [] });
  });

  it('opens stage 2 with the policy in force now, not the one stage 1 began under', () => {
    const newer: Policy = { ...CODE_2024, version: 2 };
    const events = eventsOf(
      decide(at('responded'), { type: 'request-escalation' }, context(LATER, { policy: newer })),
    );
    expect(events).toEqual([
      {
        type: 'escalation-requested',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        reason: null,
        lateReason: null,
        policy: newer,
      },
    ]);
  });

  it('agrees an action due on the day it is agreed', () => {
    const events = eventsOf(
      decide(
        at('responded'),
        {
          type: 'agree-action',
          actionId: 'A2',
          description: 'Refund',
          owner: 'Finance',
          dueOn: '2026-12-01',
        },
        context(LATER),
      ),
    );
    expect(events).toEqual([
      {
        type: 'action-agreed',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        stage: 1,
        actionId: 'A2',
        description: 'Refund',
        owner: 'Finance',
        dueOn: '2026-12-01',
        remedy: null,
      },
    ]);
  });

  it('completes an action, at stage 2 too', () => {
    const events = eventsOf(
      decide(
        at('stage2-acknowledged'),
        { type: 'complete-action', actionId: 'A1', note: ' ' },
        context(LATER),
      ),
    );
    expect(events).toEqual([
      {
        type: 'action-completed',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        actionId: 'A1',
        note: null,
      },
    ]);
  });

  it('closes after the response once actions are done', () => {
    const done = accept(
      at('action-agreed'),
      { type: 'complete-action', actionId: 'A1' },
      context(LATER),
    );
    expect(eventsOf(decide(done, { type: 'close' }, context(LATER)))).toEqual([
      {
        type: 'complaint-closed',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        reason: 'resolved',
        automatic: false,
      },
    ]);
  });

  it('closes with actions open where the policy does not wait for them, and they can still be completed', () => {
    const relaxed = policy({ closing: { ...CODE_2024.closing, requireActionsComplete: false } });
    const closed = accept(at('action-agreed', relaxed), { type: 'close' }, context(LATER));
    expect(closed.status).toBe('closed');
    const events = eventsOf(
      decide(
        closed,
        { type: 'complete-action', actionId: 'A1', note: 'Redecorated' },
        context('2026-12-02T09:00:00Z'),
      ),
    );
    expect(events[0]).toMatchObject({ type: 'action-completed', note: 'Redecorated' });
  });

  it('withdraws, refuses and refers to the Ombudsman', () => {
    expect(
      eventsOf(decide(at('acknowledged'), { type: 'withdraw', reason: 'Sorted' }, context(LATER))),
    ).toEqual([
      {
        type: 'complaint-withdrawn',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        reason: 'Sorted',
      },
    ]);
    expect(
      eventsOf(
        decide(
          at('acknowledged'),
          {
            type: 'refuse',
            reason: 'legal-proceedings',
            explanation: 'In court; you may go to the Ombudsman.',
            notice: told('2026-12-01'),
          },
          context(LATER),
        ),
      ),
    ).toEqual([
      {
        type: 'complaint-refused',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        reason: 'legal-proceedings',
        explanation: 'In court; you may go to the Ombudsman.',
        notice: told('2026-12-01'),
      },
    ]);
    expect(
      eventsOf(
        decide(
          at('responded'),
          { type: 'refer-to-ombudsman', reference: ' HOS-123 ' },
          context(LATER),
        ),
      ),
    ).toEqual([
      {
        type: 'referred-to-ombudsman',
        at: '2026-12-01T12:00:00.000Z',
        actor: handler,
        reference: 'HOS-123',
        ombudsman: 'housing-ombudsman',
      },
    ]);
  });

  it('records an Ombudsman referral on an ended case, and a second one with a new reference', () => {
    const withdrawn = accept(
      at('acknowledged'),
      { type: 'withdraw', reason: 'Moved out' },
      context(LATER),
    );
    const referred = accept(
      withdrawn,
      { type: 'refer-to-ombudsman', reference: 'HOS-1' },
      context(LATER),
    );
    const again = eventsOf(
      decide(referred, { type: 'refer-to-ombudsman', reference: 'HOS-2' }, context(LATER)),
    );
    expect(again[0]).toMatchObject({ reference: 'HOS-2' });
  });

  it('dates every event with the context: `at` when given, else now; and its actor', () => {
    const backdated = eventsOf(
      decide(
        at('logged'),
        { type: 'acknowledge' },
        context(LATER, { at: '2026-11-09T09:00:00Z', actor: system }),
      ),
    );
    expect(backdated[0]).toMatchObject({ at: '2026-11-09T09:00:00.000Z', actor: system });
    // A step at the same instant as the last one is in order.
    const same = eventsOf(
      decide(at('logged'), { type: 'acknowledge' }, context('2026-11-06T09:30:00Z')),
    );
    expect(same[0]?.at).toBe('2026-11-06T09:30:00.000Z');
  });
});

describe('decide: escalation windows', () => {
  // Seed 004: 20 working days after the stage 1 response, with reasons.
  const seed004 = seed('seed-004');

  it('accepts a request on the last day of the window and refuses the next day without a late reason', () => {
    // Responded Mon 16 Nov 2026; 20 working days later is Mon 14 Dec 2026.
    const responded = at('responded', seed004);
    const onTime = decide(
      responded,
      { type: 'request-escalation', reason: 'Not fixed' },
      context('2026-12-14T16:00:00Z', { policy: seed004 }),
    );
    expect(onTime.ok).toBe(true);
    const late = refusalOf(
      decide(
        responded,
        { type: 'request-escalation', reason: 'Not fixed' },
        context('2026-12-15T09:00:00Z', { policy: seed004 }),
      ),
    );
    expect(late).toMatchObject({ code: 'ESCALATION_OUT_OF_TIME', field: 'lateReason' });
    expect(late.message).toContain('Mon 14 Dec 2026');
    expect(late.message).toContain('20 working days after the stage 1 response');
    const accepted = eventsOf(
      decide(
        responded,
        { type: 'request-escalation', reason: 'Not fixed', lateReason: 'In hospital' },
        context('2026-12-15T09:00:00Z', { policy: seed004 }),
      ),
    );
    expect(accepted[0]).toMatchObject({ reason: 'Not fixed', lateReason: 'In hospital' });
  });

  it('counts from the London date of the response and of the request, near midnight in summer', () => {
    // Seed 001: 28 calendar days. 23:30 UTC on 30 Jun is 00:30 BST on Wed 1 Jul 2026.
    const seed001 = seed('seed-001');
    let state = accept(
      null,
      logCommand({ receivedAt: '2026-06-15T09:00:00Z' }),
      context('2026-06-15T09:00:00Z', { policy: seed001 }),
    );
    state = accept(state, { type: 'acknowledge' }, context('2026-06-16T09:00:00Z'));
    state = accept(
      state,
      { type: 'respond', outcome: 'not-upheld', findings: 'Policy followed' },
      context('2026-06-30T23:30:00Z'),
    );
    // The window ends on Wed 29 Jul 2026; 23:59:59 BST that day is 22:59:59 UTC.
    const escalate = { type: 'request-escalation', reason: 'Disagree' } as const;
    expect(decide(state, escalate, context('2026-07-29T22:59:59Z', { policy: seed001 })).ok).toBe(
      true,
    );
    expect(
      refusalOf(decide(state, escalate, context('2026-07-29T23:00:00Z', { policy: seed001 }))),
    ).toMatchObject({
      code: 'ESCALATION_OUT_OF_TIME',
    });
  });

  it.each(['seed-001', 'seed-003', 'seed-004'])(
    'Code 6.12: takes a request without reasons under %s, whose wording asks for them',
    (id) => {
      const [event] = eventsOf(
        decide(
          at('responded', seed(id)),
          { type: 'request-escalation', reason: '  ' },
          context('2026-11-18T10:00:00Z', { policy: seed(id) }),
        ),
      );
      expect(event).toMatchObject({ type: 'escalation-requested', reason: null });
    },
  );

  it('sets no limit where the policy has no window (the Code)', () => {
    const responded = at('responded');
    expect(
      decide(responded, { type: 'request-escalation' }, context('2027-11-01T09:00:00Z')).ok,
    ).toBe(true);
  });
});

describe('decide: agreeing actions near midnight', () => {
  it('takes "today" as the London date of the step', () => {
    const seed001 = seed('seed-001');
    let state = accept(
      null,
      logCommand({ receivedAt: '2026-06-15T09:00:00Z' }),
      context('2026-06-15T09:00:00Z', { policy: seed001 }),
    );
    state = accept(state, { type: 'acknowledge' }, context('2026-06-16T09:00:00Z'));
    state = accept(
      state,
      { type: 'respond', outcome: 'upheld', findings: 'Missed' },
      context('2026-06-20T09:00:00Z'),
    );
    const action = (dueOn: string) =>
      ({
        type: 'agree-action',
        actionId: 'A1',
        description: 'Fix',
        owner: 'Repairs',
        dueOn,
      }) as const;
    // 23:30 UTC on 30 Jun is already 1 Jul in London (BST).
    const summerNight = context('2026-06-30T23:30:00Z');
    expect(refusalOf(decide(state, action('2026-06-30'), summerNight))).toMatchObject({
      code: 'INVALID_COMMAND',
      field: 'dueOn',
    });
    expect(decide(state, action('2026-07-01'), summerNight).ok).toBe(true);
    // In winter London is on UTC: 23:30 UTC on 30 Nov is still 30 Nov.
    expect(decide(state, action('2026-11-30'), context('2026-11-30T23:30:00Z')).ok).toBe(true);
  });
});

describe('decide: automatic closing', () => {
  const seed000 = seed('seed-000');

  it('closes at stage 1 from the day after the escalation window, once actions are done', () => {
    // Responded Mon 16 Nov 2026; 20 working days: Mon 14 Dec is the last day to escalate.
    const responded = at('responded', seed000);
    const early = refusalOf(
      decide(responded, { type: 'auto-close' }, context('2026-12-14T23:59:00Z', { actor: system })),
    );
    expect(early.code).toBe('AUTO_CLOSE_NOT_DUE');
    expect(early.message).toContain('until Mon 14 Dec 2026');
    expect(early.message).toContain('from Tue 15 Dec 2026');
    const events = eventsOf(
      decide(responded, { type: 'auto-close' }, context('2026-12-15T00:00:00Z', { actor: system })),
    );
    expect(events).toEqual([
      {
        type: 'complaint-closed',
        at: '2026-12-15T00:00:00.000Z',
        actor: system,
        reason: 'escalation-window-lapsed',
        automatic: true,
      },
    ]);
  });

  it('waits for open actions where the policy requires them complete', () => {
    const withAction = at('action-agreed', seed000);
    const refusal = refusalOf(
      decide(withAction, { type: 'auto-close' }, context('2027-01-04T09:00:00Z')),
    );
    expect(refusal.code).toBe('AUTO_CLOSE_NOT_DUE');
    expect(refusal.message).toMatch(
      /1 agreed action is still open; the next is due Fri 27 Nov 2026/,
    );
    const done = accept(
      withAction,
      { type: 'complete-action', actionId: 'A1' },
      context('2027-01-04T09:00:00Z'),
    );
    expect(decide(done, { type: 'auto-close' }, context('2027-01-04T09:00:01Z')).ok).toBe(true);
  });

  it('closes 20 calendar days after the stage 2 response under seed 000', () => {
    // Stage 2 answered Mon 30 Nov 2026: the resident has until Sun 20 Dec.
    let state = at('stage2-responded', seed000);
    state = accept(
      state,
      { type: 'complete-action', actionId: 'A1' },
      context('2026-12-01T09:00:00Z'),
    );
    expect(
      refusalOf(decide(state, { type: 'auto-close' }, context('2026-12-20T12:00:00Z'))).code,
    ).toBe('AUTO_CLOSE_NOT_DUE');
    const events = eventsOf(decide(state, { type: 'auto-close' }, context('2026-12-21T06:00:00Z')));
    expect(events[0]).toMatchObject({ reason: 'no-reply-after-stage-2', automatic: true });
  });
});

// ---------------------------------------------------------------------------------------------
// Every refusal: its code, the field at fault where there is one, and a message that says what
// to do.

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

const closedCase = (): ComplaintState => {
  const done = accept(
    at('action-agreed'),
    { type: 'complete-action', actionId: 'A1' },
    context(LATER),
  );
  return accept(done, { type: 'close' }, context(LATER));
};
const withdrawnCase = () =>
  accept(at('acknowledged'), { type: 'withdraw', reason: 'Moved' }, context(LATER));
const refusedCase = () =>
  accept(
    at('logged'),
    {
      type: 'refuse',
      reason: 'over-12-months-old',
      explanation: 'The repair you complain about was finished in 2023.',
      discretionConsidered: 'No reason was given for the delay, and the works are signed off.',
      notice: told('2026-12-01'),
    },
    context(LATER),
  );
const AFTER = context('2026-12-02T09:00:00Z');

/** A refusal with everything the Code asks of one (2.1, 2.4). */
function refuseCommand(changes: Partial<RefuseComplaint> = {}): RefuseComplaint {
  return {
    type: 'refuse',
    reason: 'separate-policy',
    explanation: 'Parking permits are handled under the parking policy, not as complaints.',
    notice: told('2026-12-01'),
    ...changes,
  };
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
    };
    const covered = new Set<string>([
      ...refusals.map((c) => c.code),
      'INVALID_COMMAND',
      ...CASEWORK_CODES,
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
});

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
