import { describe, expect, it } from 'vitest';
import type { Policy, PolicyProblem } from './policy.types.js';
import { CODE_2024 } from './presets.js';
import { validatePolicy } from './validate-policy.js';

// Policies arrive as JSON from the API, so some cases carry values the types would not allow.
function unchecked(changes: Record<string, unknown>): Policy {
  return { ...CODE_2024, ...changes } as unknown as Policy;
}

function fields(policy: Policy): string[] {
  const result = validatePolicy(policy);
  return result.ok ? [] : result.error.map((p) => p.field);
}

describe('validatePolicy', () => {
  it('accepts a valid policy and gives it back unchanged', () => {
    const policy: Policy = {
      ...CODE_2024,
      closures: [
        { date: '2026-12-24', title: 'Christmas closure' },
        { date: '2026-12-29', title: 'Christmas closure' },
      ],
      stage1: { ...CODE_2024.stage1, acknowledgeDays: 0, maxExtensionDays: 0 },
    };
    expect(validatePolicy(policy)).toEqual({ ok: true, value: policy });
  });

  it.each<[string, Policy, string[]]>([
    ['empty id', { ...CODE_2024, id: '  ' }, ['id']],
    ['empty name', { ...CODE_2024, name: '' }, ['name']],
    ['version 0', { ...CODE_2024, version: 0 }, ['version']],
    ['fractional version', { ...CODE_2024, version: 1.5 }, ['version']],
    ['empty basedOn', { ...CODE_2024, basedOn: '' }, ['basedOn']],
    ['unknown division', unchecked({ division: 'wales' }), ['division']],
    [
      'malformed and impossible closure dates',
      {
        ...CODE_2024,
        closures: [
          { date: '24/12/2026', title: 'Christmas closure' },
          { date: '2026-02-30', title: 'Not a day' },
        ],
      },
      ['closures[0].date', 'closures[1].date'],
    ],
    [
      'a closure listed twice, and one without a title',
      {
        ...CODE_2024,
        closures: [
          { date: '2026-12-24', title: 'Christmas closure' },
          { date: '2026-12-24', title: ' ' },
        ],
      },
      ['closures[1].date', 'closures[1].title'],
    ],
    [
      'negative acknowledgement days',
      { ...CODE_2024, stage1: { ...CODE_2024.stage1, acknowledgeDays: -1 } },
      ['stage1.acknowledgeDays'],
    ],
    [
      'respond days 0',
      { ...CODE_2024, stage1: { ...CODE_2024.stage1, respondDays: 0 } },
      ['stage1.respondDays'],
    ],
    [
      'fractional respond days',
      { ...CODE_2024, stage2: { ...CODE_2024.stage2, respondDays: 20.5 } },
      ['stage2.respondDays'],
    ],
    [
      'respond days over 60',
      { ...CODE_2024, stage2: { ...CODE_2024.stage2, respondDays: 61 } },
      ['stage2.respondDays'],
    ],
    [
      'extension days over 60 and negative',
      {
        ...CODE_2024,
        stage1: { ...CODE_2024.stage1, maxExtensionDays: -2 },
        stage2: { ...CODE_2024.stage2, maxExtensionDays: 100 },
      },
      ['stage1.maxExtensionDays', 'stage2.maxExtensionDays'],
    ],
    [
      'unknown response clock',
      unchecked({ stage1: { ...CODE_2024.stage1, responseClock: 'complaint' } }),
      ['stage1.responseClock'],
    ],
    [
      'acknowledging after the response falls due from receipt',
      {
        ...CODE_2024,
        stage1: {
          ...CODE_2024.stage1,
          responseClock: 'receipt',
          acknowledgeDays: 5,
          respondDays: 3,
        },
      },
      ['stage1.acknowledgeDays'],
    ],
    [
      'preliminary step without a name or days',
      { ...CODE_2024, preliminaryStep: { name: '', workingDays: 0 } },
      ['preliminaryStep.name', 'preliminaryStep.workingDays'],
    ],
    [
      'escalation window of 0 days',
      {
        ...CODE_2024,
        escalation: { window: { length: 0, unit: 'calendar-days' }, reasonsRequired: false },
      },
      ['escalation.window.length'],
    ],
    [
      'escalation window over a year',
      {
        ...CODE_2024,
        escalation: { window: { length: 400, unit: 'calendar-days' }, reasonsRequired: false },
      },
      ['escalation.window.length'],
    ],
    [
      'unknown window unit',
      unchecked({ escalation: { window: { length: 28, unit: 'weeks' }, reasonsRequired: false } }),
      ['escalation.window.unit'],
    ],
    [
      'auto-close window of 1.5 days',
      {
        ...CODE_2024,
        closing: {
          ...CODE_2024.closing,
          autoCloseAfterStage2: { length: 1.5, unit: 'calendar-days' },
        },
      },
      ['closing.autoCloseAfterStage2.length'],
    ],
    [
      'closing when an escalation window lapses with no window',
      {
        ...CODE_2024,
        closing: { ...CODE_2024.closing, autoCloseWhenEscalationWindowLapses: true },
      },
      ['closing.autoCloseWhenEscalationWindowLapses'],
    ],
    [
      'a first contact without a name (Code 1.3: the step is named to the resident)',
      { ...CODE_2024, firstContact: { name: ' ', optional: true } },
      ['firstContact.name'],
    ],
    [
      'a first contact that is neither optional nor not',
      unchecked({ firstContact: { name: 'First contact', optional: 'sometimes' } }),
      ['firstContact.optional'],
    ],
    [
      'an empty list of refusal reasons (Code 2.2: the policy sets out its exclusions)',
      { ...CODE_2024, refusalReasons: [] },
      ['refusalReasons'],
    ],
    [
      'an unknown refusal reason and a repeated one',
      unchecked({ refusalReasons: ['legal-proceedings', 'too-busy', 'legal-proceedings'] }),
      ['refusalReasons[1]', 'refusalReasons[2]'],
    ],
    [
      'refusal reasons that are not a list',
      unchecked({ refusalReasons: 'legal-proceedings' }),
      ['refusalReasons'],
    ],
    [
      'blank grounds for refusing to escalate',
      { ...CODE_2024, escalation: { ...CODE_2024.escalation, refusedWhen: '  ' } },
      ['escalation.refusedWhen'],
    ],
    [
      'grounds for refusing to escalate longer than 1,000 characters',
      { ...CODE_2024, escalation: { ...CODE_2024.escalation, refusedWhen: 'x'.repeat(1001) } },
      ['escalation.refusedWhen'],
    ],
    [
      'a reading of no field, of an identity field, and one without text',
      {
        ...CODE_2024,
        readings: [
          { field: 'escalation.deadline', text: 'Read so.' },
          { field: 'name', text: 'Read so.' },
          { field: 'escalation.window', text: '' },
        ],
      },
      ['readings[0].field', 'readings[1].field', 'readings[2].text'],
    ],
    [
      'two readings of one field',
      {
        ...CODE_2024,
        readings: [
          { field: 'stage1.respondDays', text: 'Read so.' },
          { field: 'stage1.respondDays', text: 'And so.' },
        ],
      },
      ['readings[1].field'],
    ],
    ['readings that are not a list', unchecked({ readings: {} }), ['readings']],
    ['negative warning days', { ...CODE_2024, warningDays: -1 }, ['warningDays']],
    [
      'a satisfaction target above 10 and an actions target above 100',
      { ...CODE_2024, targets: { transactionalSatisfaction: 10.5, actionsOnTimePercent: 101 } },
      ['targets.transactionalSatisfaction', 'targets.actionsOnTimePercent'],
    ],
    [
      'negative targets',
      { ...CODE_2024, targets: { transactionalSatisfaction: -1, actionsOnTimePercent: -0.5 } },
      ['targets.transactionalSatisfaction', 'targets.actionsOnTimePercent'],
    ],
    [
      'targets that are not numbers',
      unchecked({ targets: { transactionalSatisfaction: '6.5', actionsOnTimePercent: NaN } }),
      ['targets.transactionalSatisfaction', 'targets.actionsOnTimePercent'],
    ],
    ['targets that are not an object', unchecked({ targets: 6.5 }), ['targets']],
    [
      'a flag that is not true or false',
      unchecked({ independentStage2Handler: 'yes' }),
      ['independentStage2Handler'],
    ],
  ])('refuses %s', (_name, policy, expected) => {
    expect(fields(policy)).toEqual(expected);
  });

  it('lists every problem at once, each with a message a person can act on', () => {
    const result = validatePolicy(
      unchecked({
        id: '',
        version: 0,
        division: 'wales',
        closures: [{ date: '2026-13-01', title: 'Closure' }],
        stage1: { ...CODE_2024.stage1, respondDays: 0 },
        warningDays: 2.5,
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { field: 'id', message: 'Give the policy an id, e.g. "landlord-2026".' },
        { field: 'version', message: 'The version must be a whole number from 1; got 0.' },
        {
          field: 'division',
          message:
            'Unknown division "wales"; choose one of england-and-wales, scotland, northern-ireland.',
        },
        {
          field: 'closures[0].date',
          message: '"2026-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-24.',
        },
        {
          field: 'stage1.respondDays',
          message: 'Must be a whole number of working days from 1 to 60; got 0.',
        },
        {
          field: 'warningDays',
          message: 'Must be a whole number of working days from 0 to 60; got 2.5.',
        },
      ] satisfies PolicyProblem[],
    });
  });

  it('accepts the fields added later, set or absent, as stored policies have them', () => {
    const policy: Policy = {
      ...CODE_2024,
      firstContact: { name: 'Resolved at first contact', optional: true },
      refusalReasons: ['over-12-months-old', 'third-party-service'],
      readings: [{ field: 'escalation.window', text: 'Read as 20 working days.' }],
      escalation: {
        window: { length: 20, unit: 'working-days' },
        reasonsRequired: false,
        refusedWhen: 'We may refuse if we followed policy.',
      },
    };
    expect(validatePolicy(policy)).toEqual({ ok: true, value: policy });
    const cleared: Policy = {
      ...CODE_2024,
      firstContact: null,
      readings: [],
      escalation: { ...CODE_2024.escalation, refusedWhen: null },
    };
    expect(validatePolicy(cleared).ok).toBe(true);
    // JSON may carry null for "none": the Code's reasons, no readings.
    expect(validatePolicy(unchecked({ refusalReasons: null, readings: null })).ok).toBe(true);
  });

  it('accepts targets at either end of their scales, one of them unset, or none', () => {
    for (const targets of [
      { transactionalSatisfaction: 0, actionsOnTimePercent: 100 },
      { transactionalSatisfaction: 10, actionsOnTimePercent: 0 },
      { transactionalSatisfaction: 6.5, actionsOnTimePercent: null },
      { transactionalSatisfaction: null, actionsOnTimePercent: 95.5 },
      null,
    ]) {
      expect(validatePolicy({ ...CODE_2024, targets }).ok).toBe(true);
    }
    const result = validatePolicy({
      ...CODE_2024,
      targets: { transactionalSatisfaction: 11, actionsOnTimePercent: null },
    });
    expect(result.ok ? [] : result.error).toEqual([
      {
        field: 'targets.transactionalSatisfaction',
        message: 'Must be an average score out of 10 from 0 to 10, or null for no target; got 11.',
      },
    ]);
  });

  it('names the known refusal reasons when one is not (Code 2.2)', () => {
    const result = validatePolicy(unchecked({ refusalReasons: ['not-our-problem'] }));
    expect(result.ok ? [] : result.error).toEqual([
      {
        field: 'refusalReasons[0]',
        message:
          'Unknown reason "not-our-problem"; choose from over-12-months-old, legal-proceedings, ' +
          'already-considered, third-party-service, separate-policy.',
      },
    ]);
  });

  it('explains how to lift a window rather than set it to zero', () => {
    const result = validatePolicy({
      ...CODE_2024,
      escalation: { window: { length: 0, unit: 'working-days' }, reasonsRequired: false },
    });
    expect(result.ok ? [] : result.error.map((p) => p.message)).toEqual([
      'Must be a whole number of working days from 1 to 260; got 0. For no limit, set the window to null.',
    ]);
  });
});
