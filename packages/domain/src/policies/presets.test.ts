import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_REFUSAL_REASONS, refusalReasonsOf } from './policy-defaults.js';
import { CODE_2024, PRESETS, presetById } from './presets.js';
import { validatePolicy } from './validate-policy.js';

describe('PRESETS', () => {
  it('lists the Code first, then one preset per seed procedure', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'code-2024',
      'seed-000',
      'seed-001',
      'seed-002',
      'seed-003',
      'seed-004',
    ]);
    expect(PRESETS[0]).toBe(CODE_2024);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s is a valid policy', (_id, preset) => {
    expect(validatePolicy(preset)).toEqual({ ok: true, value: preset });
  });

  it.each(PRESETS.filter((p) => p.id !== 'code-2024').map((p) => [p.id, p] as const))(
    '%s is based on the Code, named for what it does, with a description quoting its procedure',
    (_id, preset) => {
      expect(preset.basedOn).toBe('code-2024');
      // A handler choosing a preset reads what it does, not where it came from.
      expect(preset.name).not.toMatch(/seed|\d{3}/i);
      expect(preset.description).not.toMatch(/seed/i);
      expect(preset.readings?.map((r) => r.text).join(' ') ?? '').not.toMatch(/seed/i);
      expect(preset.description).toMatch(/"/);
    },
  );

  it('has names that tell the presets apart', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
  });

  // A stored version is never rewritten (the API inserts each preset version once), so a preset
  // whose body changes without a new version would never reach a database that holds the old
  // one. Changed a preset? Give it the next version, then the fingerprint printed here.
  it.each([
    ['code-2024', 2, '4ec68561'],
    ['seed-000', 2, '4c870621'],
    ['seed-001', 2, 'b286087a'],
    // Version 1 was released under its seed file's name and is stored as it was; renamed, it is 2;
    // with its service standard's targets, 3.
    ['seed-002', 3, '2c60f2d6'],
    ['seed-003', 2, '85d737f0'],
    ['seed-004', 2, 'db12715b'],
  ])('%s changes only with a new version (now %i)', (id, version, fingerprint) => {
    const preset = presetById(id);
    const body = JSON.stringify(preset);
    const actual = createHash('sha256').update(body).digest('hex').slice(0, 8);
    expect({ version: preset?.version, fingerprint: actual }).toEqual({ version, fingerprint });
  });
});

describe('targets', () => {
  it("gives the service standard's targets to its preset only: 6.5 out of 10, 100% of actions on time", () => {
    expect(presetById('seed-002')?.targets).toEqual({
      transactionalSatisfaction: 6.5,
      actionsOnTimePercent: 100,
    });
    expect(presetById('seed-002')?.description).toMatch(/6\.5 out of 10.*100% agreed actions/);
    for (const preset of PRESETS.filter((p) => p.id !== 'seed-002')) {
      expect(preset.targets ?? null).toBeNull();
    }
  });
});

describe('CODE_2024', () => {
  it('holds the Code 2024 figures', () => {
    expect(CODE_2024).toMatchObject({
      id: 'code-2024',
      version: 2,
      basedOn: null,
      division: 'england-and-wales',
      closures: [],
      preliminaryStep: null,
      stage1: {
        acknowledgeDays: 5,
        respondDays: 10,
        responseClock: 'acknowledgement',
        maxExtensionDays: 10,
      },
      stage2: {
        acknowledgeDays: 5,
        respondDays: 20,
        responseClock: 'acknowledgement',
        maxExtensionDays: 20,
      },
      escalation: { window: null, reasonsRequired: false },
      closing: {
        requireActionsComplete: true,
        autoCloseWhenEscalationWindowLapses: false,
        autoCloseAfterStage2: null,
      },
      independentStage2Handler: true,
      respondWithoutAcknowledgement: false,
      warningDays: 2,
    });
  });

  it("leaves the new fields out, so the Code's answers apply: no first contact, the Code's refusal reasons (1.2: no third party), no readings", () => {
    expect(CODE_2024.firstContact).toBeUndefined();
    expect(CODE_2024.refusalReasons).toBeUndefined();
    expect(CODE_2024.readings).toBeUndefined();
    expect(CODE_2024.escalation.refusedWhen).toBeUndefined();
    expect(refusalReasonsOf(CODE_2024)).toEqual(CODE_REFUSAL_REASONS);
    expect(refusalReasonsOf(CODE_2024)).not.toContain('third-party-service');
  });
});

// The figures each seed's text gives, and the Code's where it is silent.
const NO_READINGS = undefined;
describe.each([
  {
    id: 'seed-000',
    preliminaryStep: null,
    // "log as a formal complaint if you want us to": the resident may skip it.
    firstContact: {
      name: 'Service request, resolved on initial contact where possible',
      optional: true,
    },
    refusalReasons: CODE_REFUSAL_REASONS,
    stage1: [3, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: false },
    closing: {
      requireActionsComplete: true,
      autoCloseWhenEscalationWindowLapses: true,
      autoCloseAfterStage2: { length: 20, unit: 'calendar-days' },
    },
    // Neither figure is in the seed's words: both are said to be Redress's reading.
    readings: ['escalation.window', 'closing.autoCloseAfterStage2'],
    independentStage2Handler: true,
  },
  {
    id: 'seed-001',
    preliminaryStep: { name: 'Triage contact by the complaints team', workingDays: 5 },
    firstContact: undefined,
    refusalReasons: CODE_REFUSAL_REASONS,
    stage1: [5, 10, 'receipt', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: {
      window: { length: 28, unit: 'calendar-days' },
      reasonsRequired: true,
      refusedWhen:
        "Your request may be refused if we can show that we've followed policy or legal requirements.",
    },
    closing: CODE_2024.closing,
    readings: NO_READINGS,
    independentStage2Handler: true,
  },
  {
    id: 'seed-002',
    preliminaryStep: null,
    firstContact: undefined,
    refusalReasons: CODE_REFUSAL_REASONS,
    stage1: [5, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: null, reasonsRequired: false },
    closing: {
      requireActionsComplete: true,
      autoCloseWhenEscalationWindowLapses: false,
      autoCloseAfterStage2: null,
    },
    readings: NO_READINGS,
    independentStage2Handler: true,
  },
  {
    id: 'seed-003',
    preliminaryStep: null,
    // "If your concern cannot be resolved quickly, we follow a two-stage complaints process":
    // nothing offers the resident a formal complaint at once instead.
    firstContact: {
      name: 'Resolution at the first point of contact, by the Contact Centre or the service area',
      optional: false,
    },
    // "a service provided by a third-party organisation" is among its exclusions.
    refusalReasons: [
      'over-12-months-old',
      'legal-proceedings',
      'already-considered',
      'third-party-service',
      'separate-policy',
    ],
    stage1: [5, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: null, reasonsRequired: true },
    closing: CODE_2024.closing,
    readings: ['firstContact.optional'],
    independentStage2Handler: true,
  },
  {
    id: 'seed-004',
    preliminaryStep: null,
    firstContact: undefined,
    refusalReasons: CODE_REFUSAL_REASONS,
    stage1: [2, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: true },
    closing: CODE_2024.closing,
    readings: NO_READINGS,
    independentStage2Handler: true,
  },
] as const)('$id', (expected) => {
  const preset = presetById(expected.id);
  const stage = ([acknowledgeDays, respondDays, responseClock, maxExtensionDays]: readonly [
    number,
    number,
    string,
    number,
  ]) => ({ acknowledgeDays, respondDays, responseClock, maxExtensionDays });

  it('encodes the seed procedure', () => {
    expect(preset).toBeDefined();
    expect(preset?.preliminaryStep).toEqual(expected.preliminaryStep);
    expect(preset?.firstContact).toEqual(expected.firstContact);
    expect(preset && refusalReasonsOf(preset)).toEqual(expected.refusalReasons);
    expect(preset?.stage1).toEqual(stage(expected.stage1));
    expect(preset?.stage2).toEqual(stage(expected.stage2));
    expect(preset?.escalation).toEqual(expected.escalation);
    expect(preset?.closing).toEqual(expected.closing);
    expect(preset?.readings?.map((r) => r.field)).toEqual(expected.readings);
    expect(preset?.independentStage2Handler).toBe(expected.independentStage2Handler);
    expect(preset?.respondWithoutAcknowledgement).toBe(false);
    expect(preset?.division).toBe('england-and-wales');
    expect(preset?.closures).toEqual([]);
  });
});

describe('seed 000', () => {
  it("says in its description that its escalation window is Redress's reading, not the procedure's words", () => {
    const seed = presetById('seed-000');
    expect(seed?.description).toMatch(
      /The procedure gives no figure for that date; Redress's reading/,
    );
    expect(seed?.readings?.[0]?.text).toMatch(
      /^The procedure says only "by the date stated in the full response"\. Redress reads/,
    );
  });
});

describe('seed 003', () => {
  it('says in its description why its first contact is read as not optional', () => {
    expect(presetById('seed-003')?.description).toMatch(
      /Nothing in the wording offers the resident a formal complaint at once instead, so the first contact is read as not optional/,
    );
  });
});

describe('presetById', () => {
  it('finds a preset by id', () => {
    expect(presetById('seed-003')?.escalation.reasonsRequired).toBe(true);
    expect(presetById('code-2024')).toBe(CODE_2024);
  });

  it('gives undefined for an id that is not shipped', () => {
    expect(presetById('seed-005')).toBeUndefined();
    expect(presetById('')).toBeUndefined();
  });
});
