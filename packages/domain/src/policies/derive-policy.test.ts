import { describe, expect, it } from 'vitest';
import { derivePolicy } from './derive-policy.js';
import type { Policy } from './policy.types.js';
import { CODE_2024, presetById } from './presets.js';

const SEED_000 = presetById('seed-000') as Policy;

describe('derivePolicy', () => {
  it('makes a landlord policy from a preset, changing only the figures given', () => {
    const result = derivePolicy(
      CODE_2024,
      {
        closures: [{ date: '2026-12-24', title: 'Christmas closure' }],
        stage1: { acknowledgeDays: 3 },
        escalation: { window: { length: 28, unit: 'calendar-days' } },
        warningDays: 3,
      },
      { id: 'riverside-homes', name: 'Riverside complaints policy' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...CODE_2024,
        id: 'riverside-homes',
        version: 1,
        name: 'Riverside complaints policy',
        description: 'Made from Complaint Handling Code 2024 (version 1).',
        basedOn: 'code-2024',
        closures: [{ date: '2026-12-24', title: 'Christmas closure' }],
        stage1: { ...CODE_2024.stage1, acknowledgeDays: 3 },
        escalation: { window: { length: 28, unit: 'calendar-days' }, reasonsRequired: false },
        warningDays: 3,
      },
    });
  });

  it('leaves the base untouched', () => {
    const before: unknown = JSON.parse(JSON.stringify(CODE_2024));
    derivePolicy(CODE_2024, { stage1: { respondDays: 8 } }, { id: 'x', name: 'X' });
    expect(CODE_2024).toEqual(before);
  });

  it('takes the version and description given', () => {
    const result = derivePolicy(
      CODE_2024,
      {},
      { id: 'riverside', name: 'Riverside', version: 4, description: 'Our own words.' },
    );
    expect(result.ok && [result.value.version, result.value.description]).toEqual([
      4,
      'Our own words.',
    ]);
  });

  it('makes the next version of the same policy, keeping the preset it descends from', () => {
    const v1 = derivePolicy(SEED_000, {}, { id: 'riverside', name: 'Riverside' });
    if (!v1.ok) throw new Error('v1 refused');
    const v2 = derivePolicy(
      v1.value,
      { stage2: { acknowledgeDays: 3 } },
      { id: 'riverside', name: 'Riverside' },
    );
    expect(v2.ok && v2.value).toMatchObject({
      id: 'riverside',
      version: 2,
      basedOn: 'seed-000',
      description: v1.value.description,
      stage2: { acknowledgeDays: 3, respondDays: 20 },
    });
  });

  it('refuses to reuse an existing version of the same policy', () => {
    expect(derivePolicy(CODE_2024, {}, { id: 'code-2024', name: 'Code', version: 1 })).toEqual({
      ok: false,
      error: [
        {
          field: 'version',
          message: 'Version 1 of "code-2024" would rewrite an existing version; use 2 or later.',
        },
      ],
    });
  });

  it('clears nullable figures with null', () => {
    const result = derivePolicy(
      presetById('seed-001') as Policy,
      { preliminaryStep: null, escalation: { window: null, reasonsRequired: false } },
      { id: 'two-stage', name: 'Two stages' },
    );
    expect(result.ok && [result.value.preliminaryStep, result.value.escalation]).toEqual([
      null,
      { window: null, reasonsRequired: false },
    ]);
  });

  it('changes part of an existing window', () => {
    const result = derivePolicy(
      SEED_000,
      { closing: { autoCloseAfterStage2: { length: 28 } } },
      { id: 'x', name: 'X' },
    );
    expect(result.ok && result.value.closing.autoCloseAfterStage2).toEqual({
      length: 28,
      unit: 'calendar-days',
    });
  });

  it('refuses half a new window or preliminary step where the base has none', () => {
    const result = derivePolicy(
      CODE_2024,
      { escalation: { window: { length: 28 } }, preliminaryStep: { workingDays: 5 } },
      { id: 'x', name: 'X' },
    );
    expect(result.ok ? [] : result.error.map((p) => p.field)).toEqual([
      'preliminaryStep.name',
      'escalation.window.unit',
    ]);
  });

  it('ignores a figure given as undefined', () => {
    const result = derivePolicy(
      CODE_2024,
      { stage1: { respondDays: undefined, acknowledgeDays: 4 } },
      { id: 'x', name: 'X' },
    );
    expect(result.ok && result.value.stage1).toEqual({ ...CODE_2024.stage1, acknowledgeDays: 4 });
  });

  it('validates the result, naming every problem', () => {
    const result = derivePolicy(
      CODE_2024,
      { stage1: { respondDays: 0 }, stage2: { acknowledgeDays: -1 }, warningDays: -3 },
      { id: '', name: 'Broken' },
    );
    expect(result.ok ? [] : result.error.map((p) => p.field)).toEqual([
      'id',
      'stage1.respondDays',
      'stage2.acknowledgeDays',
      'warningDays',
    ]);
  });
});
