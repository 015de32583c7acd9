import { CODE_REFUSAL_REASONS, refusalReasonsOf } from './policy-defaults.js';
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
 * them, each with the clause and what Redress does about it. Stricter figures are not
 * departures: acknowledging in 3 working days keeps within 5. A policy may hold the landlord to
 * more than the Code, never the resident (see `Policy`): where its wording asks more of the
 * resident, the message says how Redress still does what the Code requires.
 */
export function checkAgainstCode(policy: Policy): CodeDeparture[] {
  const departures: CodeDeparture[] = [];

  if (policy.firstContact) departures.push(firstContactStep(policy.firstContact));

  if (policy.preliminaryStep) {
    departures.push({
      code: 'MORE_THAN_TWO_STAGES',
      clause: '5.2–5.4',
      message:
        `"${policy.preliminaryStep.name}" (${days(policy.preliminaryStep.workingDays)}) comes ` +
        'before stage 1: the Code allows two stages and no more. Redress does not count it as ' +
        "a stage: stage 1's deadlines run from the day the complaint was received, whatever " +
        'the step takes.',
    });
  }

  departures.push(...refusalReasonsOutsideCode(policy));
  departures.push(...checkStage(policy.stage1, 'stage1'));
  departures.push(...checkEscalation(policy));

  if (!policy.independentStage2Handler) {
    departures.push({
      code: 'STAGE2_HANDLER_NOT_INDEPENDENT',
      clause: '6.13',
      message:
        'The stage 1 handler may also handle stage 2: the Code says the stage 2 response ' +
        'comes from someone not involved at stage 1. Redress follows the policy and lets one ' +
        'person handle both stages; set independentStage2Handler to have it refuse that.',
    });
  }

  departures.push(...checkStage(policy.stage2, 'stage2'));
  return departures;
}

function firstContactStep(step: NonNullable<Policy['firstContact']>): CodeDeparture {
  const after =
    'Redress logs a complaint whenever the resident asks for one, dated when it was received, ' +
    'so the 5-working-day acknowledgement (6.2) is not held up by the attempt.';
  return {
    code: 'FIRST_CONTACT_STEP',
    clause: '1.3, 5.2',
    message: step.optional
      ? `"${step.name}" comes first, and the resident may ask for a formal complaint at any ` +
        'point: the Code allows this only while the resident is offered the choice to ' +
        'complain whenever they express dissatisfaction (1.3) and no extra stage is made of ' +
        `it (5.2). ${after}`
      : `"${step.name}" comes first, and the policy's wording does not give the resident the ` +
        'choice to complain instead: as written it is a stage the resident must pass. The Code ' +
        'says the resident must be given that choice whenever they express dissatisfaction ' +
        `(1.3), and allows no extra named stage (5.2). ${after}`,
  };
}

function refusalReasonsOutsideCode(policy: Policy): CodeDeparture[] {
  return refusalReasonsOf(policy)
    .filter((reason) => !CODE_REFUSAL_REASONS.includes(reason))
    .map((reason) =>
      reason === 'third-party-service'
        ? {
            code: 'REFUSAL_REASON_OUTSIDE_CODE',
            clause: '1.2',
            message:
              "The policy refuses complaints about a third party's service: under the Code a " +
              "complaint about those acting on the landlord's behalf, such as its contractors, " +
              'is a complaint about the landlord (1.2). Redress offers the reason because the ' +
              'policy sets it out, and records a refusal on it with its explanation and the ' +
              "resident's right to go to the Ombudsman (2.4); use it only for a service neither " +
              'the landlord nor anyone acting for it provides.',
          }
        : {
            code: 'REFUSAL_REASON_OUTSIDE_CODE',
            clause: '2.2',
            message:
              `The policy refuses complaints for a reason ("${reason}") the Code does not list ` +
              'as an acceptable exclusion; exclusions must be fair and reasonable to residents ' +
              '(2.2). Redress offers it because the policy sets it out, and records a refusal ' +
              "on it with its explanation and the resident's right to go to the Ombudsman (2.4).",
          },
    );
}

function checkEscalation(policy: Policy): CodeDeparture[] {
  const { escalation } = policy;
  const departures: CodeDeparture[] = [];
  if (escalation.reasonsRequired) {
    departures.push({
      code: 'ESCALATION_REASONS_REQUIRED',
      clause: '6.12',
      message:
        "The policy's wording requires the resident to give reasons to escalate to stage 2: the " +
        'Code says they must not be required to explain them. Redress asks for reasons, ' +
        'records "no reasons given" when there are none, and never refuses an escalation for ' +
        'want of them.',
    });
  }
  if (escalation.window) {
    const read = (policy.readings ?? []).some((r) => r.field === 'escalation.window');
    const limit = read
      ? "The policy's text gives no time for asking to escalate, and Redress reads one in: " +
        `${windowText(escalation.window)} from the stage 1 response`
      : `Escalation must be asked for within ${windowText(escalation.window)} of the stage 1 ` +
        'response';
    const closes = policy.closing.autoCloseWhenEscalationWindowLapses
      ? ' Closing the case when the time lapses does not stop a later request: it re-opens ' +
        'the case at stage 2, or is refused as above.'
      : '';
    departures.push({
      code: 'ESCALATION_TIME_LIMIT',
      clause: '5.11, 2.2',
      message:
        `${limit}: the Code sets no time limit, and a landlord may refuse to escalate only for ` +
        'a valid reason it has set out, fair and reasonable to residents (5.11, 2.2). Redress ' +
        'never refuses a late request by itself: a handler either accepts it, recording the ' +
        "landlord's discretion, or refuses it as a recorded decision with reasons and the " +
        `Ombudsman's details.${closes}`,
    });
  }
  if (escalation.refusedWhen) {
    departures.push({
      code: 'ESCALATION_REFUSAL_GROUNDS',
      clause: '5.11',
      message:
        `The policy says "${quoted(escalation.refusedWhen)}": the Code lets a landlord refuse ` +
        'to escalate only for valid reasons, within section 2 (5.11). Redress never offers these ' +
        "grounds: an escalation is refused only on the Code's reasons the policy sets out, as a " +
        "recorded decision with reasons and the Ombudsman's details.",
    });
  }
  return departures;
}

function checkStage(stage: StagePolicy, which: 'stage1' | 'stage2'): CodeDeparture[] {
  const code = CODE[which];
  const clauses = CLAUSES[which];
  const label = which === 'stage1' ? 'Stage 1' : 'Stage 2';
  const start = which === 'stage1' ? 'receipt' : 'the escalation request';
  const departures: CodeDeparture[] = [];
  const redress = "Redress sets the case's deadline by the policy's figure";

  if (stage.acknowledgeDays > code.acknowledgeDays) {
    departures.push({
      code: 'ACKNOWLEDGE_PERIOD_OVER_CODE',
      clause: clauses.acknowledge,
      message:
        `${label} acknowledgement within ${days(stage.acknowledgeDays)} of ${start}: the Code ` +
        `allows ${days(code.acknowledgeDays)}. ${redress}, so an acknowledgement on time by ` +
        'the policy can be late by the Code.',
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
        `${days(code.respondDays)} from the acknowledgement. ${redress}, so a response on ` +
        'time by the policy can be late by the Code.',
    });
  }
  if (stage.maxExtensionDays > code.maxExtensionDays) {
    departures.push({
      code: 'EXTENSION_OVER_CODE_MAXIMUM',
      clause: clauses.extension,
      message:
        `${label} response may be extended by up to ${days(stage.maxExtensionDays)}: the Code ` +
        `allows at most ${days(code.maxExtensionDays)} without good reason. Redress asks for ` +
        "a good reason only beyond the policy's figure.",
    });
  }
  return departures;
}

// The landlord's words inside our sentence, without the full stop that ended theirs.
function quoted(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

function days(n: number): string {
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}

function windowText(window: Window): string {
  const unit = window.unit === 'working-days' ? 'working' : 'calendar';
  return `${window.length} ${unit} ${window.length === 1 ? 'day' : 'days'}`;
}
