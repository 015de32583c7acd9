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
        description: 'Made from Complaint Handling Code 2024 (version 2).',
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
    expect(derivePolicy(CODE_2024, {}, { id: 'code-2024', name: 'Code', version: 2 })).toEqual({
      ok: false,
      error: [
        {
          field: 'version',
          message: 'Version 2 of "code-2024" would rewrite an existing version; use 3 or later.',
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
      {
        window: null,
        reasonsRequired: false,
        refusedWhen: presetById('seed-001')?.escalation.refusedWhen,
      },
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

  it('sets a first contact, changes part of one, and clears it with null (Code 1.3, 5.2)', () => {
    const set = derivePolicy(
      CODE_2024,
      { firstContact: { name: 'Resolved at first contact', optional: true } },
      { id: 'x', name: 'X' },
    );
    expect(set.ok && set.value.firstContact).toEqual({
      name: 'Resolved at first contact',
      optional: true,
    });
    const seed003 = presetById('seed-003') as Policy;
    const optional = derivePolicy(
      seed003,
      { firstContact: { optional: true } },
      { id: 'x', name: 'X' },
    );
    expect(optional.ok && optional.value.firstContact).toEqual({
      name: seed003.firstContact?.name,
      optional: true,
    });
    const cleared = derivePolicy(SEED_000, { firstContact: null }, { id: 'x', name: 'X' });
    expect(cleared.ok && 'firstContact' in cleared.value).toBe(false);
  });

  it('refuses half a new first contact, and a blank name', () => {
    const half = derivePolicy(
      CODE_2024,
      { firstContact: { name: 'First contact' } },
      { id: 'x', name: 'X' },
    );
    expect(half.ok ? [] : half.error.map((p) => p.field)).toEqual(['firstContact.optional']);
    const blank = derivePolicy(
      CODE_2024,
      { firstContact: { name: ' ', optional: true } },
      { id: 'x', name: 'X' },
    );
    expect(blank.ok ? [] : blank.error.map((p) => p.field)).toEqual(['firstContact.name']);
  });

  it("sets the refusal reasons, and puts the Code's back with null (Code 2.2, 1.2)", () => {
    const own = derivePolicy(
      CODE_2024,
      { refusalReasons: ['legal-proceedings', 'third-party-service'] },
      { id: 'x', name: 'X' },
    );
    expect(own.ok && own.value.refusalReasons).toEqual([
      'legal-proceedings',
      'third-party-service',
    ]);
    const code = derivePolicy(
      presetById('seed-003') as Policy,
      { refusalReasons: null },
      { id: 'x', name: 'X' },
    );
    expect(code.ok && 'refusalReasons' in code.value).toBe(false);
  });

  it('refuses an empty or repeated list of refusal reasons', () => {
    const empty = derivePolicy(CODE_2024, { refusalReasons: [] }, { id: 'x', name: 'X' });
    expect(empty.ok ? [] : empty.error.map((p) => p.field)).toEqual(['refusalReasons']);
    const repeated = derivePolicy(
      CODE_2024,
      { refusalReasons: ['legal-proceedings', 'legal-proceedings'] },
      { id: 'x', name: 'X' },
    );
    expect(repeated.ok ? [] : repeated.error.map((p) => p.field)).toEqual(['refusalReasons[1]']);
  });

  it("records the landlord's own grounds for refusing to escalate, and clears them with null (Code 5.11)", () => {
    const seed001 = presetById('seed-001') as Policy;
    const kept = derivePolicy(
      seed001,
      { escalation: { reasonsRequired: false } },
      { id: 'x', name: 'X' },
    );
    expect(kept.ok && kept.value.escalation.refusedWhen).toBe(seed001.escalation.refusedWhen);
    const cleared = derivePolicy(
      seed001,
      { escalation: { refusedWhen: null } },
      { id: 'x', name: 'X' },
    );
    expect(cleared.ok && cleared.value.escalation).toEqual({
      window: { length: 28, unit: 'calendar-days' },
      reasonsRequired: true,
    });
    const blank = derivePolicy(
      CODE_2024,
      { escalation: { refusedWhen: '' } },
      { id: 'x', name: 'X' },
    );
    expect(blank.ok ? [] : blank.error.map((p) => p.field)).toEqual(['escalation.refusedWhen']);
  });

  it("keeps a preset's readings, drops a reading once the landlord sets that figure, and replaces them when given", () => {
    const kept = derivePolicy(SEED_000, { stage1: { acknowledgeDays: 2 } }, { id: 'x', name: 'X' });
    expect(kept.ok && kept.value.readings).toEqual(SEED_000.readings);

    const ownWindow = derivePolicy(
      SEED_000,
      { escalation: { window: { length: 15 } } },
      { id: 'x', name: 'X' },
    );
    expect(ownWindow.ok && ownWindow.value.readings?.map((r) => r.field)).toEqual([
      'closing.autoCloseAfterStage2',
    ]);

    const bothSet = derivePolicy(
      SEED_000,
      {
        escalation: { window: null },
        closing: { autoCloseWhenEscalationWindowLapses: false, autoCloseAfterStage2: null },
      },
      { id: 'x', name: 'X' },
    );
    expect(bothSet.ok && 'readings' in bothSet.value).toBe(false);

    const replaced = derivePolicy(
      SEED_000,
      { readings: [{ field: 'warningDays', text: 'Our reading.' }] },
      { id: 'x', name: 'X' },
    );
    expect(replaced.ok && replaced.value.readings).toEqual([
      { field: 'warningDays', text: 'Our reading.' },
    ]);
    const none = derivePolicy(SEED_000, { readings: null }, { id: 'x', name: 'X' });
    expect(none.ok && 'readings' in none.value).toBe(false);
  });

  it('refuses a reading of a figure the policy does not have', () => {
    const result = derivePolicy(
      CODE_2024,
      { readings: [{ field: 'escalation.deadline', text: 'Read so.' }] },
      { id: 'x', name: 'X' },
    );
    expect(result.ok ? [] : result.error.map((p) => p.field)).toEqual(['readings[0].field']);
  });

  it('leaves the fields added later out of a policy whose base has none', () => {
    const result = derivePolicy(CODE_2024, { warningDays: 3 }, { id: 'x', name: 'X' });
    expect(result.ok && result.value).not.toHaveProperty('firstContact');
    expect(result.ok && result.value).not.toHaveProperty('refusalReasons');
    expect(result.ok && result.value).not.toHaveProperty('readings');
    expect(result.ok && result.value.escalation).not.toHaveProperty('refusedWhen');
    expect(result.ok && result.value).not.toHaveProperty('targets');
  });

  it("keeps a base's targets, changes one, and clears them with null", () => {
    const base = presetById('seed-002') as Policy;
    const kept = derivePolicy(base, { warningDays: 3 }, { id: 'ours', name: 'Ours' });
    expect(kept.ok && kept.value.targets).toEqual({
      transactionalSatisfaction: 6.5,
      actionsOnTimePercent: 100,
    });
    const changed = derivePolicy(
      base,
      { targets: { transactionalSatisfaction: 7, actionsOnTimePercent: null } },
      { id: 'ours', name: 'Ours' },
    );
    expect(changed.ok && changed.value.targets).toEqual({
      transactionalSatisfaction: 7,
      actionsOnTimePercent: null,
    });
    const cleared = derivePolicy(base, { targets: null }, { id: 'ours', name: 'Ours' });
    expect(cleared.ok && cleared.value).not.toHaveProperty('targets');
    const set = derivePolicy(
      CODE_2024,
      { targets: { actionsOnTimePercent: 95 } },
      { id: 'x', name: 'X' },
    );
    expect(set.ok && set.value.targets).toEqual({
      transactionalSatisfaction: null,
      actionsOnTimePercent: 95,
    });
  });

  it('refuses targets off their scales', () => {
    const result = derivePolicy(
      CODE_2024,
      { targets: { transactionalSatisfaction: 12, actionsOnTimePercent: 150 } },
      { id: 'x', name: 'X' },
    );
    expect(result.ok ? [] : result.error.map((p) => p.field)).toEqual([
      'targets.transactionalSatisfaction',
      'targets.actionsOnTimePercent',
    ]);
  });
});
