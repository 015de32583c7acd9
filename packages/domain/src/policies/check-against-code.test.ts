import { describe, expect, it } from 'vitest';
import { checkAgainstCode } from './check-against-code.js';
import type { DepartureCode, Policy } from './policy.types.js';
import { CODE_2024, presetById } from './presets.js';

function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`No preset ${id}`);
  return found;
}

describe('checkAgainstCode', () => {
  it.each<[string, [DepartureCode, string][]]>([
    ['code-2024', []],
    // A 3-day acknowledgement is within the Code's 5; the escalation date is a time limit.
    ['seed-000', [['ESCALATION_TIME_LIMIT', '6.12']]],
    [
      'seed-001',
      [
        ['MORE_THAN_TWO_STAGES', '5.2–5.4'],
        ['ESCALATION_REASONS_REQUIRED', '6.12'],
        ['ESCALATION_TIME_LIMIT', '6.12'],
      ],
    ],
    ['seed-002', []],
    ['seed-003', [['ESCALATION_REASONS_REQUIRED', '6.12']]],
    [
      'seed-004',
      [
        ['ESCALATION_REASONS_REQUIRED', '6.12'],
        ['ESCALATION_TIME_LIMIT', '6.12'],
      ],
    ],
  ])('%s departs from the Code exactly so', (id, expected) => {
    expect(checkAgainstCode(preset(id)).map((d) => [d.code, d.clause])).toEqual(expected);
  });

  it('names the figures of seed 001: its triage step and its 28 calendar days', () => {
    expect(checkAgainstCode(preset('seed-001')).map((d) => d.message)).toEqual([
      '"Triage contact by the complaints team" (5 working days) comes before stage 1: the Code allows two stages and no more.',
      'The resident must give reasons to escalate to stage 2: the Code says they need not.',
      'Escalation must be asked for within 28 calendar days of the stage 1 response: the Code sets no time limit.',
    ]);
  });

  it('names the window of seed 004 in working days', () => {
    const limit = checkAgainstCode(preset('seed-004')).find(
      (d) => d.code === 'ESCALATION_TIME_LIMIT',
    );
    expect(limit?.message).toBe(
      'Escalation must be asked for within 20 working days of the stage 1 response: the Code sets no time limit.',
    );
  });

  it('flags each figure over the Code with its clause and figure, in the order a case meets them', () => {
    const lax: Policy = {
      ...CODE_2024,
      stage1: {
        acknowledgeDays: 6,
        respondDays: 15,
        responseClock: 'acknowledgement',
        maxExtensionDays: 11,
      },
      stage2: {
        acknowledgeDays: 7,
        respondDays: 25,
        responseClock: 'receipt',
        maxExtensionDays: 30,
      },
      independentStage2Handler: false,
    };
    expect(checkAgainstCode(lax)).toEqual([
      {
        code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
        clause: '6.2',
        message:
          'Stage 1 acknowledgement within 6 working days of receipt: the Code allows 5 working days.',
      },
      {
        code: 'RESPONSE_PERIOD_OVER_CODE',
        clause: '6.3',
        message:
          'Stage 1 response within 15 working days of the acknowledgement: the Code allows 10 working days from the acknowledgement.',
      },
      {
        code: 'EXTENSION_OVER_CODE_MAXIMUM',
        clause: '6.4',
        message:
          'Stage 1 response may be extended by up to 11 working days: the Code allows at most 10 working days without good reason.',
      },
      {
        code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
        clause: '6.13',
        message:
          'The stage 1 handler may also handle stage 2: the Code says the stage 2 response comes from someone not involved at stage 1.',
      },
      {
        code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
        clause: '6.11',
        message:
          'Stage 2 acknowledgement within 7 working days of the escalation request: the Code allows 5 working days.',
      },
      {
        code: 'RESPONSE_PERIOD_OVER_CODE',
        clause: '6.14',
        message:
          'Stage 2 response within 25 working days of the escalation request: the Code allows 20 working days from the acknowledgement.',
      },
      {
        code: 'EXTENSION_OVER_CODE_MAXIMUM',
        clause: '6.15',
        message:
          'Stage 2 response may be extended by up to 30 working days: the Code allows at most 20 working days without good reason.',
      },
    ]);
  });

  it.each([
    ['stage 1 acknowledgement', { stage1: { ...CODE_2024.stage1, acknowledgeDays: 5 } }],
    [
      'stage 1 response from receipt',
      { stage1: { ...CODE_2024.stage1, responseClock: 'receipt' } },
    ],
    ['stage 2 extension', { stage2: { ...CODE_2024.stage2, maxExtensionDays: 20 } }],
    ['shorter figures', { stage1: { ...CODE_2024.stage1, acknowledgeDays: 1, respondDays: 5 } }],
  ] as const)('does not flag figures at or within the Code: %s', (_name, changes) => {
    expect(checkAgainstCode({ ...CODE_2024, ...changes })).toEqual([]);
  });
});
