import { describe, expect, it } from 'vitest';
import {
  accept,
  acknowledged,
  ctx,
  logged,
  notice,
  responded,
  stage2Responded,
  withAction,
} from '../complaints/casework.fixtures.js';
import type { ComplaintState } from '../complaints/complaint.types.js';
import { composeLetter, letterIssuable, type LetterRequest } from './compose-letter.js';
import { LETTER_KINDS, requiredParts, type LetterKind, type LetterPartId } from './letter-parts.js';
import { DEFAULT_LETTER_TEMPLATE, type LetterTemplate } from './letter-template.js';

const context = { template: DEFAULT_LETTER_TEMPLATE };

function extended(): ComplaintState {
  return accept(
    acknowledged(),
    { type: 'extend', workingDays: 5, reason: 'We are waiting for a surveyor to visit.', notice },
    ctx('2026-11-10T10:00:00Z'),
  );
}

function refused(): ComplaintState {
  return accept(
    logged(),
    {
      type: 'refuse',
      reason: 'legal-proceedings',
      explanation: 'The same matter is before the county court.',
      notice,
    },
    ctx('2026-11-10T10:00:00Z'),
  );
}

function escalationRefused(): ComplaintState {
  return accept(
    responded(),
    {
      type: 'refuse-escalation',
      reason: 'already-considered',
      explanation: 'Stage 2 already answered this complaint in October.',
      notice: { ...notice, toldOn: '2026-11-17' },
    },
    ctx('2026-11-17T10:00:00Z'),
  );
}

/** A case at the step each letter tells of, where the letter can be complete. */
const complete: readonly { kind: LetterKind; stage: 1 | 2; state: () => ComplaintState }[] = [
  { kind: 'acknowledgement', stage: 1, state: acknowledged },
  { kind: 'acknowledgement', stage: 2, state: stage2Responded },
  { kind: 'extension', stage: 1, state: extended },
  { kind: 'response', stage: 1, state: withAction },
  { kind: 'response', stage: 2, state: stage2Responded },
  { kind: 'acceptance-refusal', stage: 1, state: refused },
  { kind: 'escalation-refusal', stage: 1, state: escalationRefused },
];

function compose(state: ComplaintState, request: Partial<LetterRequest> & { kind: LetterKind }) {
  const result = composeLetter(state, { stage: 1, issuedOn: null, ...request }, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('composeLetter: a complete letter of each kind', () => {
  it.each(complete)('$kind at stage $stage has every required part and can be issued', (row) => {
    const draft = compose(row.state(), { kind: row.kind, stage: row.stage });
    expect(draft.parts.map((p) => p.part)).toEqual(
      requiredParts(row.kind, row.stage).map((r) => r.part),
    );
    expect(draft.missing).toEqual([]);
    expect(letterIssuable(draft).ok).toBe(true);
    for (const part of draft.parts) expect(part.text).not.toBe('');
  });

  it('covers every kind', () => {
    expect(new Set(complete.map((row) => row.kind))).toEqual(new Set(LETTER_KINDS));
  });

  it("dates the letter on the step's day unless told otherwise, and never before it", () => {
    expect(compose(responded(), { kind: 'response' }).issuedOn).toBe('2026-11-16');
    expect(compose(responded(), { kind: 'response', issuedOn: '2026-11-17' }).issuedOn).toBe(
      '2026-11-17',
    );
    const early = composeLetter(
      responded(),
      { kind: 'response', stage: 1, issuedOn: '2026-11-13' },
      context,
    );
    expect(early.ok ? null : early.error.code).toBe('LETTER_DATE_BEFORE_STEP');
  });

  it('gives the stage 1 response the facts of the case', () => {
    const draft = compose(withAction(), { kind: 'response' });
    const text = (part: LetterPartId) => draft.parts.find((p) => p.part === part)?.text;
    expect(text('decision-on-each-point')).toContain('partly upheld');
    expect(text('reasons')).toBe('The repair was missed twice.');
    expect(text('remedy')).toContain('£150.00');
    expect(text('outstanding-actions')).toBe(
      'Treat the damp and redecorate, by Friday 27 November 2026',
    );
    expect(text('how-to-escalate')).toBe(DEFAULT_LETTER_TEMPLATE.escalationHowTo);
  });

  it('tells the acknowledgement the response due date, counted in working days', () => {
    const draft = compose(acknowledged(), { kind: 'acknowledgement' });
    // Acknowledged Mon 9 Nov: 10 working days later is Mon 23 Nov.
    expect(draft.parts.find((p) => p.part === 'response-due')?.text).toContain('23 November 2026');
  });

  it('follows the resident: large print and a language other than English', () => {
    const state = acknowledged();
    const draft = compose(
      {
        ...state,
        complainant: { ...state.complainant, format: 'Large print', language: 'Polish' },
      },
      { kind: 'acknowledgement' },
    );
    expect(draft.largePrint).toBe(true);
    expect(draft.translateTo).toBe('Polish');
    expect(compose(state, { kind: 'acknowledgement' })).toMatchObject({
      largePrint: false,
      translateTo: null,
    });
  });

  it("gives the LGSCO's details when the resident's ombudsman is the LGSCO", () => {
    const draft = compose(stage2Responded(), {
      kind: 'response',
      stage: 2,
      ombudsman: 'local-government-ombudsman',
    });
    expect(draft.parts.find((p) => p.part === 'ombudsman-route')?.text).toContain(
      DEFAULT_LETTER_TEMPLATE.lgscoContact,
    );
  });

  it('needs no remedy for a complaint not upheld', () => {
    const state = accept(
      acknowledged(),
      { type: 'respond', outcome: 'not-upheld', findings: 'The visits were kept.', remedies: [] },
      ctx('2026-11-16T15:00:00Z'),
    );
    const draft = compose(state, { kind: 'response' });
    expect(draft.missing).toEqual([]);
    expect(draft.parts.find((p) => p.part === 'remedy')?.text).toContain('no remedy is due');
  });

  it('refuses a letter whose step has not been taken', () => {
    const cases: [ComplaintState, LetterKind, 1 | 2][] = [
      [logged(), 'acknowledgement', 1],
      [acknowledged(), 'extension', 1],
      [acknowledged(), 'response', 1],
      [responded(), 'response', 2],
      [logged(), 'acceptance-refusal', 1],
      [responded(), 'escalation-refusal', 1],
    ];
    for (const [state, kind, stage] of cases) {
      const result = composeLetter(state, { kind, stage, issuedOn: null }, context);
      expect(result.ok ? null : result.error.code, `${kind} ${stage}`).toBe(
        'LETTER_STEP_NOT_TAKEN',
      );
    }
  });
});

/** Each required part of each kind, made missing, refuses the letter naming that part. */
describe('letterIssuable: each letter refused for each missing required part', () => {
  const rows = complete.flatMap((row) =>
    requiredParts(row.kind, row.stage).map((rule) => ({
      ...row,
      part: rule.part,
      clause: rule.clause,
    })),
  );
  it.each(rows)('$kind stage $stage without $part', (row) => {
    const draft = compose(row.state(), {
      kind: row.kind,
      stage: row.stage,
      edits: { [row.part]: '  ' },
    });
    const result = letterIssuable(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'LETTER_PART_MISSING',
      part: row.part,
      clause: row.clause,
    });
    expect(result.error.message).toContain(`Code ${row.clause}`);
  });
});

describe('letterIssuable: parts missing from the facts themselves', () => {
  function missingOf(
    state: ComplaintState,
    request: Partial<LetterRequest> & { kind: LetterKind },
    template?: LetterTemplate,
  ) {
    const result = composeLetter(
      state,
      { stage: 1, issuedOn: null, ...request },
      { template: template ?? DEFAULT_LETTER_TEMPLATE },
    );
    if (!result.ok) throw new Error(result.error.message);
    const issuable = letterIssuable(result.value);
    return issuable.ok ? null : issuable.error.part;
  }

  it('an acknowledgement recorded before the complaint definition was kept', () => {
    const state = acknowledged();
    const stage = { ...state.stages[0]!, understanding: null };
    expect(missingOf({ ...state, stages: [stage] }, { kind: 'acknowledgement' })).toBe(
      'complaint-definition',
    );
  });

  it('a point raised in the investigation with no decision on it', () => {
    let state = accept(
      acknowledged(),
      { type: 'add-point', point: 'The boiler was also left broken.' },
      ctx('2026-11-12T10:00:00Z'),
    );
    state = accept(
      state,
      {
        type: 'respond',
        outcome: 'upheld',
        findings: 'Both were missed.',
        remedies: [{ kind: 'apology', description: 'Sorry.' }],
      },
      ctx('2026-11-16T15:00:00Z'),
    );
    expect(missingOf(state, { kind: 'response' })).toBe('decision-on-each-point');
    expect(
      missingOf(state, {
        kind: 'response',
        decisions: [
          {
            point: 'The boiler was also left broken.',
            decision: 'Upheld: repaired on 13 November.',
          },
        ],
      }),
    ).toBeNull();
  });

  it('an upheld complaint with no remedy offered', () => {
    const state = accept(
      acknowledged(),
      { type: 'respond', outcome: 'upheld', findings: 'The visits were missed.', remedies: [] },
      ctx('2026-11-16T15:00:00Z'),
    );
    expect(missingOf(state, { kind: 'response' })).toBe('remedy');
  });

  it("a template without the Ombudsman's details or how to escalate", () => {
    const bare = { ...DEFAULT_LETTER_TEMPLATE, ombudsmanContact: '', escalationHowTo: '' };
    expect(missingOf(extended(), { kind: 'extension' }, bare)).toBe('ombudsman-contact');
    expect(missingOf(refused(), { kind: 'acceptance-refusal' }, bare)).toBe('ombudsman-right');
    expect(missingOf(withAction(), { kind: 'response' }, bare)).toBe('how-to-escalate');
    expect(missingOf(stage2Responded(), { kind: 'response', stage: 2 }, bare)).toBe(
      'ombudsman-route',
    );
  });
});
