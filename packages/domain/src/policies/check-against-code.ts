import type { CodeDeparture, Policy, StagePolicy, Window } from './policy.types.js';

// The Code's own figures (2024). Kept here rather than read from the CODE_2024 preset so that
// editing a preset cannot quietly move the yardstick.
const CODE = {
  stage1: { acknowledgeDays: 5, respondDays: 10, maxExtensionDays: 10 },
  stage2: { acknowledgeDays: 5, respondDays: 20, maxExtensionDays: 20 },
} as const;

const CLAUSES = {
  stage1: { acknowledge: '6.2', respond: '6.3', extension: '6.4' },
  stage2: { acknowledge: '6.11', respond: '6.14', extension: '6.15' },
} as const;

/**
 * Where a policy departs from the Complaint Handling Code 2024, in the order a complaint meets
 * them. Stricter figures are not departures: acknowledging in 3 working days keeps within 5.
 */
export function checkAgainstCode(policy: Policy): CodeDeparture[] {
  const departures: CodeDeparture[] = [];

  if (policy.preliminaryStep) {
    departures.push({
      code: 'MORE_THAN_TWO_STAGES',
      clause: '5.2–5.4',
      message:
        `"${policy.preliminaryStep.name}" (${days(policy.preliminaryStep.workingDays)}) comes ` +
        'before stage 1: the Code allows two stages and no more.',
    });
  }

  departures.push(...checkStage(policy.stage1, 'stage1'));

  if (policy.escalation.reasonsRequired) {
    departures.push({
      code: 'ESCALATION_REASONS_REQUIRED',
      clause: '6.12',
      message:
        'The resident must give reasons to escalate to stage 2: the Code says they need not.',
    });
  }
  if (policy.escalation.window) {
    departures.push({
      code: 'ESCALATION_TIME_LIMIT',
      clause: '6.12',
      message:
        `Escalation must be asked for within ${windowText(policy.escalation.window)} of the ` +
        'stage 1 response: the Code sets no time limit.',
    });
  }

  if (!policy.independentStage2Handler) {
    departures.push({
      code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
      clause: '6.13',
      message:
        'The stage 1 handler may also handle stage 2: the Code says the stage 2 response ' +
        'comes from someone not involved at stage 1.',
    });
  }

  departures.push(...checkStage(policy.stage2, 'stage2'));
  return departures;
}

function checkStage(stage: StagePolicy, which: 'stage1' | 'stage2'): CodeDeparture[] {
  const code = CODE[which];
  const clauses = CLAUSES[which];
  const label = which === 'stage1' ? 'Stage 1' : 'Stage 2';
  const start = which === 'stage1' ? 'receipt' : 'the escalation request';
  const departures: CodeDeparture[] = [];

  if (stage.acknowledgeDays > code.acknowledgeDays) {
    departures.push({
      code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
      clause: clauses.acknowledge,
      message:
        `${label} acknowledgement within ${days(stage.acknowledgeDays)} of ${start}: the Code ` +
        `allows ${days(code.acknowledgeDays)}.`,
    });
  }
  // Counted from receipt, a period is never longer than the same count from the acknowledgement,
  // but it can still exceed the Code when the acknowledgement comes early, so compare the count.
  if (stage.respondDays > code.respondDays) {
    const clock = stage.responseClock === 'receipt' ? start : 'the acknowledgement';
    departures.push({
      code: 'RESPONSE_PERIOD_OVER_CODE',
      clause: clauses.respond,
      message:
        `${label} response within ${days(stage.respondDays)} of ${clock}: the Code allows ` +
        `${days(code.respondDays)} from the acknowledgement.`,
    });
  }
  if (stage.maxExtensionDays > code.maxExtensionDays) {
    departures.push({
      code: 'EXTENSION_OVER_CODE_MAXIMUM',
      clause: clauses.extension,
      message:
        `${label} response may be extended by up to ${days(stage.maxExtensionDays)}: the Code ` +
        `allows at most ${days(code.maxExtensionDays)} without good reason.`,
    });
  }
  return departures;
}

function days(n: number): string {
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}

function windowText(window: Window): string {
  const unit = window.unit === 'working-days' ? 'working' : 'calendar';
  return `${window.length} ${unit} ${window.length === 1 ? 'day' : 'days'}`;
}
