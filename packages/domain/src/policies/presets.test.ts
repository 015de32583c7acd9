import { describe, expect, it } from 'vitest';
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
    '%s is version 1, based on the Code, with a name and a description quoting its seed',
    (_id, preset) => {
      expect(preset.version).toBe(1);
      expect(preset.basedOn).toBe('code-2024');
      expect(preset.name).toMatch(/^Seed 00\d: /);
      expect(preset.description).toMatch(/"/);
    },
  );

  it('has names that tell the presets apart', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
  });
});

describe('CODE_2024', () => {
  it('holds the Code 2024 figures', () => {
    expect(CODE_2024).toMatchObject({
      id: 'code-2024',
      version: 1,
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
});

// The figures each seed's text gives, and the Code's where it is silent.
describe.each([
  {
    id: 'seed-000',
    preliminaryStep: null,
    stage1: [3, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: false },
    closing: {
      requireActionsComplete: true,
      autoCloseWhenEscalationWindowLapses: true,
      autoCloseAfterStage2: { length: 20, unit: 'calendar-days' },
    },
    independentStage2Handler: true,
  },
  {
    id: 'seed-001',
    preliminaryStep: { name: 'Triage contact by the complaints team', workingDays: 5 },
    stage1: [5, 10, 'receipt', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: { length: 28, unit: 'calendar-days' }, reasonsRequired: true },
    closing: CODE_2024.closing,
    independentStage2Handler: true,
  },
  {
    id: 'seed-002',
    preliminaryStep: null,
    stage1: [5, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: null, reasonsRequired: false },
    closing: {
      requireActionsComplete: true,
      autoCloseWhenEscalationWindowLapses: false,
      autoCloseAfterStage2: null,
    },
    independentStage2Handler: true,
  },
  {
    id: 'seed-003',
    preliminaryStep: null,
    stage1: [5, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: null, reasonsRequired: true },
    closing: CODE_2024.closing,
    independentStage2Handler: true,
  },
  {
    id: 'seed-004',
    preliminaryStep: null,
    stage1: [2, 10, 'acknowledgement', 10],
    stage2: [5, 20, 'acknowledgement', 20],
    escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: true },
    closing: CODE_2024.closing,
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
    expect(preset?.stage1).toEqual(stage(expected.stage1));
    expect(preset?.stage2).toEqual(stage(expected.stage2));
    expect(preset?.escalation).toEqual(expected.escalation);
    expect(preset?.closing).toEqual(expected.closing);
    expect(preset?.independentStage2Handler).toBe(expected.independentStage2Handler);
    expect(preset?.respondWithoutAcknowledgement).toBe(false);
    expect(preset?.division).toBe('england-and-wales');
    expect(preset?.closures).toEqual([]);
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
