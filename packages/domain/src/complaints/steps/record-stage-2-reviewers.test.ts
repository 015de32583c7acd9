import { describe, expect, it } from 'vitest';
import { allowedSteps } from '../allowed-steps.js';
import type {
  ComplaintState,
  PanelReviewer,
  RecordStage2Reviewers,
  Stage2Reviewer,
} from '../complaint.types.js';
import { decide } from '../decide.js';
import { accept, at, context, eventsOf, policy, refusalOf } from '../decide.fixtures.js';

// Stage 2 opened on Wed 18 Nov 2026 and is answered on Mon 30 Nov.
const NOW = context('2026-11-20T10:00:00Z');
const HOME = 'Flat 2, 12 Mill Lane, Leeds LS6 2AB';

const manager: Stage2Reviewer = { kind: 'staff', userId: 'user-dana', name: 'Dana Reid' };

function member(changes: Partial<PanelReviewer> = {}): PanelReviewer {
  return {
    kind: 'panel',
    memberId: 'panel-1',
    name: 'Morgan Lee',
    address: '40 Oak Avenue, Leeds',
    postcode: 'LS6 3CD',
    consentGivenOn: '2026-01-15',
    consentWithdrawnOn: null,
    conflictsDeclared: null,
    ...changes,
  };
}

function record(...reviewers: Stage2Reviewer[]): RecordStage2Reviewers {
  return { type: 'record-stage-2-reviewers', reviewers };
}

/** The script's case at `point`, the resident living at HOME. */
function atPoint(point: Parameters<typeof at>[0], address: string | null = HOME): ComplaintState {
  return at(point, policy(), {
    complainant: { name: 'Jordan Price', type: 'tenant', address },
  });
}

describe('record-stage-2-reviewers', () => {
  it('records an independent manager and a consenting resident from the panel', () => {
    const state = atPoint('stage2-acknowledged');
    const events = eventsOf(decide(state, record(manager, member()), NOW));
    expect(events).toEqual([
      {
        type: 'stage-2-reviewers-recorded',
        at: '2026-11-20T10:00:00.000Z',
        actor: NOW.actor,
        reviewers: [
          { kind: 'staff', userId: 'user-dana', name: 'Dana Reid' },
          { kind: 'panel', memberId: 'panel-1', name: 'Morgan Lee', consentGivenOn: '2026-01-15' },
        ],
      },
    ]);
    // Never where the panel member lives: the events are kept for ever.
    expect(JSON.stringify(events)).not.toContain('Oak');
    const next = accept(state, record(manager, member()), NOW);
    expect(next.stage2Review?.reviewers.map((r) => r.name)).toEqual(['Dana Reid', 'Morgan Lee']);
  });

  it('takes one reviewer, and a later record replaces the earlier', () => {
    const first = accept(atPoint('escalated'), record(manager), NOW);
    const second = accept(first, record(member()), context('2026-11-21T10:00:00Z'));
    expect(second.stage2Review).toEqual({
      at: '2026-11-21T10:00:00.000Z',
      reviewers: [
        { kind: 'panel', memberId: 'panel-1', name: 'Morgan Lee', consentGivenOn: '2026-01-15' },
      ],
    });
  });

  it('is offered while stage 2 is open, and only then', () => {
    const now = { now: '2026-12-02T12:00:00Z' };
    expect(allowedSteps(atPoint('escalated'), now)).toContain('record-stage-2-reviewers');
    expect(allowedSteps(atPoint('stage2-acknowledged'), now)).toContain('record-stage-2-reviewers');
    expect(allowedSteps(atPoint('responded'), now)).not.toContain('record-stage-2-reviewers');
    expect(allowedSteps(atPoint('stage2-responded'), now)).not.toContain(
      'record-stage-2-reviewers',
    );
  });

  it.each([
    ['at stage 1', 'responded', /is at stage 1/],
    ['after the stage 2 response', 'stage2-responded', /was answered/],
  ] as const)('refuses reviewers %s: STAGE2_REVIEW_NOT_OPEN', (_name, point, says) => {
    const refusal = refusalOf(
      decide(atPoint(point), record(manager), context('2026-12-01T10:00:00Z')),
    );
    expect(refusal.code).toBe('STAGE2_REVIEW_NOT_OPEN');
    expect(refusal.message).toMatch(says);
  });

  it.each([
    ['handled stage 1', { kind: 'staff', userId: 'user-alex', name: 'Alex Morgan' }],
    ['was assigned stage 1, under another name', { kind: 'staff', userId: 'user-alex', name: 'A' }],
  ] as const)('refuses a manager who %s: REVIEWER_NOT_INDEPENDENT', (_name, staff) => {
    const refusal = refusalOf(decide(atPoint('stage2-acknowledged'), record(manager, staff), NOW));
    expect(refusal).toMatchObject({ code: 'REVIEWER_NOT_INDEPENDENT', field: 'reviewers[1]' });
    expect(refusal.message).toMatch(/considered stage 1 of complaint RDR-0001.*Code 6\.13/);
  });

  it('refuses a stage 1 handler even where the policy lets them handle stage 2', () => {
    const lax = at('stage2-acknowledged', policy({ independentStage2Handler: false }), {
      complainant: { name: 'Jordan Price', type: 'tenant', address: HOME },
    });
    const alex: Stage2Reviewer = { kind: 'staff', userId: 'user-alex', name: 'Alex Morgan' };
    expect(refusalOf(decide(lax, record(alex), NOW)).code).toBe('REVIEWER_NOT_INDEPENDENT');
  });

  it.each([
    ['lives at the home', { address: '2/12 Mill Lane', postcode: 'LS6 2AB' }, /home is the home/],
    ['lives in the building', { address: 'Flat 7, 12 Mill Lane', postcode: null }, /same building/],
    ['lives next door', { address: '14 Mill Ln', postcode: 'LS6 2AB' }, /a neighbour/],
    ['lives across the road', { address: '11 Mill Lane', postcode: null }, /a neighbour/],
    [
      'lives on the same street and postcode',
      { address: '30 Mill Lane', postcode: 'LS6 2AB' },
      /same street and postcode/,
    ],
    [
      'declared a connection to the home',
      { conflictsDeclared: 'On the residents’ board.\nMy mother: 12 Mill Lane' },
      /declared a connection to "My mother: 12 Mill Lane", which is in the same building/,
    ],
  ] as const)(
    'refuses a panel member who %s: REVIEWER_CONFLICT_OF_INTEREST',
    (_name, changes, says) => {
      const refusal = refusalOf(
        decide(atPoint('stage2-acknowledged'), record(member(changes)), NOW),
      );
      expect(refusal).toMatchObject({
        code: 'REVIEWER_CONFLICT_OF_INTEREST',
        field: 'reviewers[0]',
      });
      expect(refusal.message).toMatch(says);
      expect(refusal.message).toContain('Morgan Lee');
    },
  );

  it('accepts a panel member on the same street but further along', () => {
    const far = member({ address: '40 Mill Lane', postcode: 'LS6 2AD' });
    expect(eventsOf(decide(atPoint('stage2-acknowledged'), record(far), NOW))).toHaveLength(1);
  });

  it('checks every resident the complaint is made by', () => {
    const state = accept(
      atPoint('stage2-acknowledged'),
      {
        type: 'add-complainant',
        complainant: { name: 'Robin Price', type: 'tenant', address: '5 Elm Road' },
      },
      NOW,
    );
    const neighbour = member({ address: '7 Elm Rd', postcode: null });
    expect(refusalOf(decide(state, record(neighbour), NOW)).code).toBe(
      'REVIEWER_CONFLICT_OF_INTEREST',
    );
  });

  it('refuses a panel member when the case holds no address: REVIEWER_CONFLICT_UNCHECKED', () => {
    const refusal = refusalOf(
      decide(atPoint('stage2-acknowledged', null), record(manager, member()), NOW),
    );
    expect(refusal).toMatchObject({ code: 'REVIEWER_CONFLICT_UNCHECKED', field: 'reviewers[1]' });
    expect(refusal.message).toMatch(/holds no address.*Choose a member of staff/);
    expect(
      eventsOf(decide(atPoint('stage2-acknowledged', null), record(manager), NOW)),
    ).toHaveLength(1);
  });

  it.each([
    ['with no consent recorded', { consentGivenOn: null }, /holds no consent from Morgan Lee/],
    ['consenting only later', { consentGivenOn: '2026-12-01' }, /before Tue 1 Dec 2026/],
    ['who withdrew consent', { consentWithdrawnOn: '2026-06-01' }, /withdrew their consent/],
  ] as const)('refuses a panel member %s: REVIEWER_WITHOUT_CONSENT', (_name, changes, says) => {
    const refusal = refusalOf(decide(atPoint('stage2-acknowledged'), record(member(changes)), NOW));
    expect(refusal).toMatchObject({ code: 'REVIEWER_WITHOUT_CONSENT', field: 'reviewers[0]' });
    expect(refusal.message).toMatch(says);
  });

  it.each([
    ['a manager', [manager, member(), { ...manager, name: 'D. Reid' }], 'reviewers[2]'],
    ['a panel member', [member(), member({ name: 'M Lee' })], 'reviewers[1]'],
  ] as const)('refuses %s listed twice: REVIEWER_LISTED_TWICE', (_name, reviewers, field) => {
    const refusal = refusalOf(decide(atPoint('stage2-acknowledged'), record(...reviewers), NOW));
    expect(refusal).toMatchObject({ code: 'REVIEWER_LISTED_TWICE', field });
    expect(refusal.message).toMatch(/listed twice/);
  });

  it.each([
    ['no reviewers', [], 'reviewers'],
    ['a reviewer with no name', [{ ...manager, name: ' ' }], 'reviewers[0].name'],
    ['a staff reviewer with no user', [{ ...manager, userId: '' }], 'reviewers[0].userId'],
    ['an unknown kind', [{ ...manager, kind: 'friend' }], 'reviewers[0].kind'],
    [
      'a consent date that is not a date',
      [member({ consentGivenOn: '1/1/26' })],
      'reviewers[0].consentGivenOn',
    ],
  ])('refuses %s: INVALID_COMMAND', (_name, reviewers, field) => {
    const command = { type: 'record-stage-2-reviewers', reviewers } as RecordStage2Reviewers;
    expect(refusalOf(decide(atPoint('stage2-acknowledged'), command, NOW))).toMatchObject({
      code: 'INVALID_COMMAND',
      field,
    });
  });
});
