import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import {
  system,
  seed,
  context,
  logCommand,
  accept,
  eventsOf,
  refusalOf,
  at,
  paid,
} from './decide.fixtures.js';

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

  it('closes at stage 1 from the day after the escalation window, once the remedies are delivered', () => {
    // Responded Mon 16 Nov 2026; 20 working days: Mon 14 Dec is the last day to escalate. The
    // £150 offered is paid on Fri 20 Nov (Code 7.3).
    const responded = paid(at('responded', seed000), '2026-11-20T09:00:00Z');
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
    const withAction = paid(at('action-agreed', seed000), '2026-11-20T09:00:00Z');
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
    state = paid(state, '2026-12-01T09:30:00Z');
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
