import { describe, expect, it } from 'vitest';
import { checkAgainstCode } from './check-against-code.js';
import type { CodeDeparture, DepartureCode, Policy } from './policy.types.js';
import { CODE_2024, presetById } from './presets.js';

function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`No preset ${id}`);
  return found;
}

function departure(policy: Policy, code: DepartureCode): CodeDeparture | undefined {
  return checkAgainstCode(policy).find((d) => d.code === code);
}

describe('checkAgainstCode', () => {
  it.each<[string, [DepartureCode, string][]]>([
    ['code-2024', []],
    // A 3-day acknowledgement is within the Code's 5; the service request may be skipped.
    [
      'seed-000',
      [
        ['FIRST_CONTACT_STEP', '1.3, 5.2'],
        ['ESCALATION_TIME_LIMIT', '5.11, 2.2'],
      ],
    ],
    [
      'seed-001',
      [
        ['MORE_THAN_TWO_STAGES', '5.2–5.4'],
        ['ESCALATION_REASONS_REQUIRED', '6.12'],
        ['ESCALATION_TIME_LIMIT', '5.11, 2.2'],
        ['ESCALATION_REFUSAL_GROUNDS', '5.11'],
      ],
    ],
    ['seed-002', []],
    [
      'seed-003',
      [
        ['FIRST_CONTACT_STEP', '1.3, 5.2'],
        ['REFUSAL_REASON_OUTSIDE_CODE', '1.2'],
        ['ESCALATION_REASONS_REQUIRED', '6.12'],
      ],
    ],
    [
      'seed-004',
      [
        ['ESCALATION_REASONS_REQUIRED', '6.12'],
        ['ESCALATION_TIME_LIMIT', '5.11, 2.2'],
      ],
    ],
  ])('%s departs from the Code exactly so, in the order a complaint meets them', (id, expected) => {
    expect(checkAgainstCode(preset(id)).map((d) => [d.code, d.clause])).toEqual(expected);
  });

  it('flags an escalation time limit under 5.11, not 6.12 (seed 004)', () => {
    const limit = departure(preset('seed-004'), 'ESCALATION_TIME_LIMIT');
    expect(limit?.clause).toBe('5.11, 2.2');
    expect(limit?.message).toBe(
      'Escalation must be asked for within 20 working days of the stage 1 response: the Code ' +
        'sets no time limit, and a landlord may refuse to escalate only for a valid reason it ' +
        'has set out, fair and reasonable to residents (5.11, 2.2). Redress never refuses a late ' +
        "request by itself: a handler either accepts it, recording the landlord's discretion, or " +
        "refuses it as a recorded decision with reasons and the Ombudsman's details.",
    );
  });

  it('says under 5.11 that a lapsed window closes nothing for good, and names the reading (seed 000)', () => {
    const limit = departure(preset('seed-000'), 'ESCALATION_TIME_LIMIT');
    expect(limit?.message).toMatch(
      /^The policy's text gives no time for asking to escalate, and Redress reads one in: 20 working days from the stage 1 response: the Code sets no time limit/,
    );
    expect(limit?.message).toMatch(
      /Closing the case when the time lapses does not stop a later request: it re-opens the case at stage 2, or is refused as above\.$/,
    );
  });

  it('flags reasons to escalate under 6.12, saying Redress asks and never refuses (seeds 001, 003, 004)', () => {
    for (const id of ['seed-001', 'seed-003', 'seed-004']) {
      expect(departure(preset(id), 'ESCALATION_REASONS_REQUIRED')).toEqual({
        code: 'ESCALATION_REASONS_REQUIRED',
        clause: '6.12',
        message:
          "The policy's wording requires the resident to give reasons to escalate to stage 2: " +
          'the Code says they must not be required to explain them. Redress asks for reasons, ' +
          'records "no reasons given" when there are none, and never refuses an escalation for ' +
          'want of them.',
      });
    }
  });

  it("flags seed 001's own grounds for refusing to escalate under 5.11, in its words", () => {
    expect(departure(preset('seed-001'), 'ESCALATION_REFUSAL_GROUNDS')?.message).toBe(
      'The policy says "Your request may be refused if we can show that we\'ve followed policy ' +
        'or legal requirements": the Code lets a landlord refuse to escalate only for valid ' +
        'reasons, within section 2 (5.11). Redress never offers these grounds: an escalation is ' +
        "refused only on the Code's reasons the policy sets out, as a recorded decision with " +
        "reasons and the Ombudsman's details.",
    );
  });

  it('flags an optional first contact under 1.3 and 5.2: the choice to complain, the acknowledgement not held up (seed 000)', () => {
    expect(departure(preset('seed-000'), 'FIRST_CONTACT_STEP')?.message).toBe(
      '"Service request, resolved on initial contact where possible" comes first, and the ' +
        'resident may ask for a formal complaint at any point: the Code allows this only while ' +
        'the resident is offered the choice to complain whenever they express dissatisfaction ' +
        '(1.3) and no extra stage is made of it (5.2). Redress logs a complaint whenever the ' +
        'resident asks for one, dated when it was received, so the 5-working-day ' +
        'acknowledgement (6.2) is not held up by the attempt.',
    );
  });

  it('flags a first contact that is not optional under 1.3 and 5.2 as a stage the resident must pass (seed 003)', () => {
    const message = departure(preset('seed-003'), 'FIRST_CONTACT_STEP')?.message;
    expect(message).toMatch(
      /does not give the resident the choice to complain instead: as written it is a stage the resident must pass\./,
    );
    expect(message).toMatch(/\(1\.3\), and allows no extra named stage \(5\.2\)\./);
  });

  it("flags a third party's service as a refusal reason under 1.2 (seed 003), and not under the Code's reasons", () => {
    expect(departure(preset('seed-003'), 'REFUSAL_REASON_OUTSIDE_CODE')).toMatchObject({
      clause: '1.2',
      message: expect.stringMatching(
        /^The policy refuses complaints about a third party's service: .* \(1\.2\)\. Redress offers the reason because the policy sets it out/,
      ),
    });
    expect(departure(CODE_2024, 'REFUSAL_REASON_OUTSIDE_CODE')).toBeUndefined();
    expect(
      departure(
        { ...CODE_2024, refusalReasons: ['legal-proceedings'] },
        'REFUSAL_REASON_OUTSIDE_CODE',
      ),
    ).toBeUndefined();
  });

  it('names the figures of seed 001: its triage step and its 28 calendar days', () => {
    const messages = checkAgainstCode(preset('seed-001')).map((d) => d.message);
    expect(messages[0]).toBe(
      '"Triage contact by the complaints team" (5 working days) comes before stage 1: the Code ' +
        "allows two stages and no more. Redress does not count it as a stage: stage 1's " +
        'deadlines run from the day the complaint was received, whatever the step takes.',
    );
    expect(messages[2]).toMatch(
      /^Escalation must be asked for within 28 calendar days of the stage 1 response: /,
    );
  });

  it('says what Redress does about every flag', () => {
    for (const policy of [
      preset('seed-000'),
      preset('seed-001'),
      preset('seed-003'),
      preset('seed-004'),
    ]) {
      for (const d of checkAgainstCode(policy)) expect(d.message).toMatch(/Redress /);
    }
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
    const byPolicy = "Redress sets the case's deadline by the policy's figure";
    const extension = "Redress asks for a good reason only beyond the policy's figure.";
    expect(checkAgainstCode(lax)).toEqual([
      {
        code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
        clause: '6.2',
        message: `Stage 1 acknowledgement within 6 working days of receipt: the Code allows 5 working days. ${byPolicy}, so an acknowledgement on time by the policy can be late by the Code.`,
      },
      {
        code: 'RESPONSE_PERIOD_OVER_CODE',
        clause: '6.3',
        message: `Stage 1 response within 15 working days of the acknowledgement: the Code allows 10 working days from the acknowledgement. ${byPolicy}, so a response on time by the policy can be late by the Code.`,
      },
      {
        code: 'EXTENSION_OVER_CODE_MAXIMUM',
        clause: '6.4',
        message: `Stage 1 response may be extended by up to 11 working days: the Code allows at most 10 working days without good reason. ${extension}`,
      },
      {
        code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
        clause: '6.13',
        message:
          'The stage 1 handler may also handle stage 2: the Code says the stage 2 response comes from someone not involved at stage 1. Redress follows the policy and lets one person handle both stages; set independentStage2Handler to have it refuse that.',
      },
      {
        code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
        clause: '6.11',
        message: `Stage 2 acknowledgement within 7 working days of the escalation request: the Code allows 5 working days. ${byPolicy}, so an acknowledgement on time by the policy can be late by the Code.`,
      },
      {
        code: 'RESPONSE_PERIOD_OVER_CODE',
        clause: '6.14',
        message: `Stage 2 response within 25 working days of the escalation request: the Code allows 20 working days from the acknowledgement. ${byPolicy}, so a response on time by the policy can be late by the Code.`,
      },
      {
        code: 'EXTENSION_OVER_CODE_MAXIMUM',
        clause: '6.15',
        message: `Stage 2 response may be extended by up to 30 working days: the Code allows at most 20 working days without good reason. ${extension}`,
      },
    ]);
  });

  it('puts every kind of flag in the order a complaint meets them', () => {
    const everything: Policy = {
      ...CODE_2024,
      firstContact: { name: 'First contact', optional: false },
      preliminaryStep: { name: 'Triage', workingDays: 3 },
      refusalReasons: ['third-party-service'],
      stage1: { ...CODE_2024.stage1, acknowledgeDays: 6 },
      escalation: {
        window: { length: 10, unit: 'working-days' },
        reasonsRequired: true,
        refusedWhen: 'We may refuse.',
      },
      independentStage2Handler: false,
      stage2: { ...CODE_2024.stage2, acknowledgeDays: 6 },
    };
    expect(checkAgainstCode(everything).map((d) => d.code)).toEqual([
      'FIRST_CONTACT_STEP',
      'MORE_THAN_TWO_STAGES',
      'REFUSAL_REASON_OUTSIDE_CODE',
      'ACKNOWLEDGE_PERIOD_OVER_CODE',
      'ESCALATION_REASONS_REQUIRED',
      'ESCALATION_TIME_LIMIT',
      'ESCALATION_REFUSAL_GROUNDS',
      'STAGE2_HANDLER_NOT_INDEPENDENT',
      'ACKNOWLEDGE_PERIOD_OVER_CODE',
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
    ['no first contact', { firstContact: null }],
    [
      'no grounds of its own for refusing to escalate',
      { escalation: { ...CODE_2024.escalation, refusedWhen: null } },
    ],
  ] as const)('does not flag figures at or within the Code: %s', (_name, changes) => {
    expect(checkAgainstCode({ ...CODE_2024, ...changes })).toEqual([]);
  });
});
