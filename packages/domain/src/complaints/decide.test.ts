import { describe, expect, it } from 'vitest';
import { CODE_2024 } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import { decide } from './decide.js';
import {
  handler,
  reviewer,
  system,
  DESIRED_OUTCOME,
  told,
  policy,
  context,
  logCommand,
  accept,
  eventsOf,
  at,
  LATER,
  BEFORE_DUE,
  paid,
} from './decide.fixtures.js';

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

  it('closes after the response once actions are done and the compensation paid', () => {
    const done = paid(
      accept(at('action-agreed'), { type: 'complete-action', actionId: 'A1' }, context(LATER)),
      LATER,
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
