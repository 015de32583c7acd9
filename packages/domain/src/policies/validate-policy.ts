import { DIVISIONS } from '../calendar/calendar.types.js';
import { isLocalDate } from '../calendar/local-date.js';
import { REFUSAL_REASONS } from '../complaints/labels.js';
import type { Result } from '../shared/result.js';
import { err, ok } from '../shared/result.js';
import type { Policy, PolicyProblem, StagePolicy, Window } from './policy.types.js';

// Beyond these a figure is a typing slip, not a procedure: 60 working days is three months,
// three times the Code's longest period; a year is the longest window any procedure could mean.
const MAX_WORKING_DAYS = 60;
const MAX_WINDOW: Record<Window['unit'], number> = { 'working-days': 260, 'calendar-days': 366 };
// A name is a line on a form; the landlord's words for refusing to escalate are a sentence or
// two; a reading says what the text says and why it was read so.
const MAX_NAME = 200;
const MAX_WORDING = 1000;
const MAX_READING = 2000;

const CLOCKS: readonly string[] = ['acknowledgement', 'receipt'];
const UNITS: readonly string[] = ['working-days', 'calendar-days'];

/**
 * Every problem with a policy at once, each naming its dotted field, so a form can mark them all.
 * Checks the runtime values as well as the types: policies arrive as JSON from the API.
 */
export function validatePolicy(policy: Policy): Result<Policy, PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  if (!isFilled(policy.id)) add('id', 'Give the policy an id, e.g. "landlord-2026".');
  if (!isFilled(policy.name)) add('name', 'Give the policy a name people will recognise.');
  if (typeof policy.description !== 'string') {
    add('description', 'The description must be text (it may be empty).');
  }
  if (!Number.isInteger(policy.version) || policy.version < 1) {
    add('version', `The version must be a whole number from 1; got ${show(policy.version)}.`);
  }
  if (policy.basedOn !== null && !isFilled(policy.basedOn)) {
    add('basedOn', 'basedOn must be the id of the policy this one was made from, or null.');
  }
  if (!(DIVISIONS as readonly string[]).includes(policy.division)) {
    add(
      'division',
      `Unknown division ${show(policy.division)}; choose one of ${DIVISIONS.join(', ')}.`,
    );
  }

  checkClosures(policy, add);

  if (policy.preliminaryStep !== null) {
    if (!isFilled(policy.preliminaryStep.name)) {
      add('preliminaryStep.name', 'Name the preliminary step, e.g. "Triage contact".');
    }
    checkDays(add, 'preliminaryStep.workingDays', policy.preliminaryStep.workingDays, 1);
  }

  checkFirstContact(add, policy.firstContact);
  checkRefusalReasons(add, policy.refusalReasons);
  checkReadings(add, policy);
  checkTargets(add, policy.targets);

  checkStage(add, 'stage1', policy.stage1);
  checkStage(add, 'stage2', policy.stage2);

  checkWindow(add, 'escalation.window', policy.escalation.window);
  checkBoolean(add, 'escalation.reasonsRequired', policy.escalation.reasonsRequired);
  if (policy.escalation.refusedWhen !== undefined && policy.escalation.refusedWhen !== null) {
    checkText(
      add,
      'escalation.refusedWhen',
      policy.escalation.refusedWhen,
      MAX_WORDING,
      "Quote the policy's own grounds for refusing to escalate, or set this to null for none.",
    );
  }

  checkBoolean(add, 'closing.requireActionsComplete', policy.closing.requireActionsComplete);
  checkBoolean(
    add,
    'closing.autoCloseWhenEscalationWindowLapses',
    policy.closing.autoCloseWhenEscalationWindowLapses,
  );
  if (policy.closing.autoCloseWhenEscalationWindowLapses === true && !policy.escalation.window) {
    add(
      'closing.autoCloseWhenEscalationWindowLapses',
      'Closing when the escalation window lapses needs an escalation window: set ' +
        'escalation.window or turn this off.',
    );
  }
  checkWindow(add, 'closing.autoCloseAfterStage2', policy.closing.autoCloseAfterStage2);

  checkBoolean(add, 'independentStage2Handler', policy.independentStage2Handler);
  checkBoolean(add, 'respondWithoutAcknowledgement', policy.respondWithoutAcknowledgement);
  checkDays(add, 'warningDays', policy.warningDays, 0);

  return problems.length === 0 ? ok(policy) : err(problems);
}

type Add = (field: string, message: string) => void;

function checkClosures(policy: Policy, add: Add): void {
  if (!Array.isArray(policy.closures)) {
    add('closures', 'Closures must be a list of dates with titles (it may be empty).');
    return;
  }
  const seen = new Set<string>();
  policy.closures.forEach((closure, i) => {
    if (!isLocalDate(closure.date)) {
      add(
        `closures[${i}].date`,
        `${show(closure.date)} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-24.`,
      );
    } else if (seen.has(closure.date)) {
      add(`closures[${i}].date`, `${closure.date} is listed more than once; remove the repeat.`);
    } else {
      seen.add(closure.date);
    }
    if (!isFilled(closure.title)) {
      add(`closures[${i}].title`, 'Give the closure a title, e.g. "Christmas closure".');
    }
  });
}

function checkFirstContact(add: Add, step: Policy['firstContact']): void {
  if (step === undefined || step === null) return;
  checkText(
    add,
    'firstContact.name',
    step.name,
    MAX_NAME,
    'Name the first-contact step, e.g. "Resolved at first contact".',
  );
  checkBoolean(add, 'firstContact.optional', step.optional);
}

// Absent or null (as JSON may carry it): the Code's reasons, or no readings.
function checkRefusalReasons(add: Add, reasons: Policy['refusalReasons'] | null): void {
  if (reasons === undefined || reasons === null) return;
  if (!Array.isArray(reasons) || reasons.length === 0) {
    add(
      'refusalReasons',
      'List at least one reason for refusing a complaint, or leave the list out to use the ' +
        "Code's (Code 2.2).",
    );
    return;
  }
  const known: readonly string[] = REFUSAL_REASONS;
  const seen = new Set<string>();
  reasons.forEach((reason, i) => {
    if (!known.includes(reason)) {
      add(
        `refusalReasons[${i}]`,
        `Unknown reason ${show(reason)}; choose from ${REFUSAL_REASONS.join(', ')}.`,
      );
    } else if (seen.has(reason)) {
      add(`refusalReasons[${i}]`, `"${reason}" is listed more than once; remove the repeat.`);
    } else {
      seen.add(reason);
    }
  });
}

// Absent or null: no targets. A target is a figure on the measure's own scale.
function checkTargets(add: Add, targets: Policy['targets']): void {
  if (targets === undefined || targets === null) return;
  if (typeof targets !== 'object' || Array.isArray(targets)) {
    add('targets', 'Targets must be an object of figures, or null for none.');
    return;
  }
  checkTarget(
    add,
    'targets.transactionalSatisfaction',
    targets.transactionalSatisfaction,
    10,
    'an average score out of 10',
  );
  checkTarget(
    add,
    'targets.actionsOnTimePercent',
    targets.actionsOnTimePercent,
    100,
    'a percentage',
  );
}

function checkTarget(add: Add, field: string, value: unknown, max: number, what: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    add(field, `Must be ${what} from 0 to ${max}, or null for no target; got ${show(value)}.`);
  }
}

function checkReadings(add: Add, policy: Policy): void {
  const readings: Policy['readings'] | null = policy.readings;
  if (readings === undefined || readings === null) return;
  if (!Array.isArray(readings)) {
    add('readings', 'Readings must be a list of fields and texts (it may be empty).');
    return;
  }
  const seen = new Set<string>();
  readings.forEach((reading, i) => {
    const field: unknown = reading?.field;
    if (typeof field !== 'string' || !READABLE.test(field) || !hasPath(policy, field)) {
      add(
        `readings[${i}].field`,
        `${show(field)} names no figure of the policy; give its dotted path, e.g. ` +
          '"escalation.window".',
      );
    } else if (seen.has(field)) {
      add(`readings[${i}].field`, `${field} has a reading already; say it in one.`);
    } else {
      seen.add(field);
    }
    checkText(
      add,
      `readings[${i}].text`,
      reading?.text,
      MAX_READING,
      'Say what the text says and how Redress reads it.',
    );
  });
}

// A reading is of a figure: a field of the policy below its identity, as a dotted path.
const READABLE =
  /^(preliminaryStep|firstContact|stage1|stage2|escalation|closing|independentStage2Handler|respondWithoutAcknowledgement|warningDays|division|closures)(\.[a-zA-Z0-9]+)*$/;

function hasPath(policy: Policy, path: string): boolean {
  let at: unknown = policy;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

function checkStage(add: Add, prefix: string, stage: StagePolicy): void {
  checkDays(add, `${prefix}.acknowledgeDays`, stage.acknowledgeDays, 0);
  checkDays(add, `${prefix}.respondDays`, stage.respondDays, 1);
  checkDays(add, `${prefix}.maxExtensionDays`, stage.maxExtensionDays, 0);
  if (!CLOCKS.includes(stage.responseClock)) {
    add(
      `${prefix}.responseClock`,
      `Unknown response clock ${show(stage.responseClock)}; choose "acknowledgement" or "receipt".`,
    );
  } else if (
    stage.responseClock === 'receipt' &&
    isWholeNumber(stage.acknowledgeDays) &&
    isWholeNumber(stage.respondDays) &&
    stage.acknowledgeDays > stage.respondDays
  ) {
    // Counted from receipt, the response would fall due before the acknowledgement.
    add(
      `${prefix}.acknowledgeDays`,
      `${stage.acknowledgeDays} working days to acknowledge is longer than the ` +
        `${stage.respondDays} to respond from receipt; shorten it or count the response from ` +
        'the acknowledgement.',
    );
  }
}

function checkDays(add: Add, field: string, value: number, min: 0 | 1): void {
  if (!isWholeNumber(value) || value < min || value > MAX_WORKING_DAYS) {
    add(
      field,
      `Must be a whole number of working days from ${min} to ${MAX_WORKING_DAYS}; got ${show(value)}.`,
    );
  }
}

function checkWindow(add: Add, field: string, window: Window | null): void {
  if (window === null) return;
  if (!UNITS.includes(window.unit)) {
    add(
      `${field}.unit`,
      `Unknown unit ${show(window.unit)}; choose "working-days" or "calendar-days".`,
    );
    return;
  }
  const max = MAX_WINDOW[window.unit];
  if (!isWholeNumber(window.length) || window.length < 1 || window.length > max) {
    add(
      `${field}.length`,
      `Must be a whole number of ${window.unit.replace('-', ' ')} from 1 to ${max}; ` +
        `got ${show(window.length)}. For no limit, set the window to null.`,
    );
  }
}

function checkBoolean(add: Add, field: string, value: boolean): void {
  if (typeof value !== 'boolean') add(field, `Must be true or false; got ${show(value)}.`);
}

function checkText(add: Add, field: string, value: unknown, max: number, blank: string): void {
  if (typeof value !== 'string' || value.trim().length === 0) {
    add(field, blank);
  } else if (value.length > max) {
    add(field, `At most ${max} characters; this is ${value.length}. Shorten it.`);
  }
}

function isFilled(value: string): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function isWholeNumber(value: number): boolean {
  return typeof value === 'number' && Number.isInteger(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
