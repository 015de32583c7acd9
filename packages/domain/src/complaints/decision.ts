// What every step of `decide` shares: the step's inputs, the shapes of a refusal, and the small
// checks on text, ids and instants that several steps make.
import { formatLocalDate, isLocalDate, localDateOf } from '../calendar/local-date.js';
import type { LocalDate } from '../calendar/calendar.types.js';
import { isSupportedInstant, SUPPORTED_DATES } from '../calendar/supported-dates.js';
import type { StagePolicy } from '../policies/policy.types.js';
import { err, ok, type Result } from '../shared/result.js';
import type { ComplaintRefusal, ComplaintRefusalCode } from './complaint.refusals.js';
import type {
  ActionState,
  ComplaintEvent,
  ComplaintState,
  DecisionContext,
  Instant,
  ResidentNotice,
  StageState,
} from './complaint.types.js';
import { CONTACT_METHODS, STATUS_LABELS } from './labels.js';
import { isEnded } from './status.js';

export type Decision = Result<ComplaintEvent[], ComplaintRefusal>;

/** What every step shares once the case, the instant and the stage are known. */
export interface Step {
  readonly state: ComplaintState;
  readonly context: DecisionContext;
  /** The step's instant, normalised to UTC. */
  readonly at: Instant;
  readonly stage: StageState;
}

export const ID_RULE =
  'Ids are 1 to 200 letters, digits and . _ : / # -, starting with a letter or digit.';
export const REF_RULE = 'References are 1 to 100 characters, not blank.';
export const IN_SUPPORTED_DATES = `on a date from ${SUPPORTED_DATES.first} to ${SUPPORTED_DATES.last}`;
export const ID_TEXT = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,199}$/;
export const INSTANT_TEXT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The step's instant, `at` if given or else now, in UTC: never after now. */
export function stepInstant(context: DecisionContext): Result<Instant, ComplaintRefusal> {
  if (!isInstant(context.now)) {
    return invalid('now', 'The present instant must be ISO 8601 with Z or an offset.');
  }
  if (context.at != null && !isInstant(context.at)) {
    return invalid(
      'at',
      'When the step happened must be ISO 8601 with Z or an offset, e.g. ' +
        `2026-11-06T09:30:00Z, ${IN_SUPPORTED_DATES}.`,
    );
  }
  const at = toUtc(context.at ?? context.now);
  if (Date.parse(at) > Date.parse(context.now)) {
    return refuse(
      'EVENT_IN_FUTURE',
      `The step is dated ${at}, after now (${toUtc(context.now)}). Record a step once it has ` +
        'happened: leave its time empty to use now, or give a time in the past.',
    );
  }
  return ok(at);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_TEXT.test(value);
}

export function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= 100;
}

/**
 * ISO 8601 with an offset and a real date (JavaScript alone would roll 30 February into March),
 * within the supported dates.
 */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const match = INSTANT_TEXT.exec(value);
  if (match === null || !isLocalDate(match[1])) return false;
  return isSupportedInstant(value);
}

/** An instant as a person reads it in a message: its London date, `Tue 1 Dec 2026`. */
export function when(instant: Instant): string {
  return formatLocalDate(localDateOf(instant));
}

// Events carry UTC text so that stored instants compare and sort as plain strings.
export function toUtc(instant: Instant): Instant {
  return new Date(Date.parse(instant)).toISOString();
}

export function blank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

// Typed in by people: "J Smith" and "j smith " are one handler, "hos-1" and "HOS-1" one reference.
export function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function days(n: number, unit: 'working-days' | 'calendar-days' = 'working-days'): string {
  const word = unit === 'working-days' ? 'working day' : 'calendar day';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function isOpen(state: ComplaintState): boolean {
  return !isEnded(state.status);
}

export function currentStage(state: ComplaintState): StageState {
  const stage = state.stages[state.stage - 1];
  if (!stage) {
    // Only a hand-built or corrupt state lacks its current stage; that is a defect, not a rule.
    throw new Error(`Complaint ${state.id} has no stage ${state.stage}.`);
  }
  return stage;
}

export function stagePolicy(stage: StageState): StagePolicy {
  return stage.stage === 1 ? stage.policy.stage1 : stage.policy.stage2;
}

export function openActions(state: ComplaintState): ActionState[] {
  return state.actions
    .filter((a) => a.completedAt === null)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

export function openActionsSummary(open: readonly ActionState[]): string {
  const next = open[0];
  const count = open.length === 1 ? '1 agreed action is' : `${open.length} agreed actions are`;
  return next
    ? `${count} still open; the next is due ${formatLocalDate(next.dueOn)}: ` +
        `"${next.description}" (${next.id}, owner ${next.owner}).`
    : `${count} still open.`;
}

export function notOpen(state: ComplaintState): Decision {
  const ended = state.closedAt ? ` on ${when(state.closedAt)}` : '';
  return refuse(
    'COMPLAINT_NOT_OPEN',
    `Complaint ${state.reference} was ${STATUS_LABELS[state.status].toLowerCase()}${ended}. ` +
      (state.status === 'merged'
        ? `It was merged into ${state.mergedInto?.reference ?? 'another complaint'}: record ` +
          'steps there.'
        : 'Re-open it (with a reason) to carry on; the Ombudsman, agreed actions and remedies ' +
          'can still be recorded on it as it stands. Log a new complaint for a new matter.'),
  );
}

export function refuse(
  code: ComplaintRefusalCode,
  message: string,
  field?: string,
): Result<never, ComplaintRefusal> {
  return err(field === undefined ? { code, message } : { code, message, field });
}

export function invalidRefusal(field: string, message: string): ComplaintRefusal {
  return { code: 'INVALID_COMMAND', message, field };
}

export function invalid(field: string, message: string): Result<never, ComplaintRefusal> {
  return err(invalidRefusal(field, message));
}

// The `never` makes a new command a compile error here; at run time a caller outside TypeScript
// gets a refusal, not a crash.
/**
 * The fewest characters a reason told to a resident may have: "good reason" (Code 6.4, 6.15), an
 * explanation of a refusal (2.1, 2.4), a reason to re-open. Enough for a sentence; "x" or "No."
 * is not one.
 */
export const MIN_REASON_LENGTH = 20;

/** A reason a resident can follow: at least MIN_REASON_LENGTH characters and three words. */
export function reasonProblem(
  field: string,
  value: string | null | undefined,
  what: string,
): ComplaintRefusal | null {
  const text = typeof value === 'string' ? value.trim() : '';
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  if (text.length >= MIN_REASON_LENGTH && words >= 3) return null;
  return invalidRefusal(
    field,
    `${what} Write it as a sentence the resident can follow: at least ` +
      `${MIN_REASON_LENGTH} characters and three words.`,
  );
}

/**
 * A notice to the resident (Code 2.4, 6.5, 6.16): a real date no later than the step's own day
 * and no earlier than `earliest`, a contact method, and the Ombudsman's details given.
 */
export function noticeProblem(
  notice: ResidentNotice | null | undefined,
  field: string,
  window: { readonly earliest: LocalDate; readonly today: LocalDate; readonly clause: string },
): ComplaintRefusal | null {
  if (notice == null || typeof notice !== 'object') {
    return {
      code: 'RESIDENT_NOT_TOLD',
      field,
      message:
        'Record when and how the resident was told, and that they were given the Housing ' +
        `Ombudsman's contact details (Code ${window.clause}).`,
    };
  }
  if (!isLocalDate(notice.toldOn)) {
    return invalidRefusal(
      `${field}.toldOn`,
      'The date the resident was told must be a real date written YYYY-MM-DD.',
    );
  }
  if (notice.toldOn > window.today) {
    return invalidRefusal(
      `${field}.toldOn`,
      `The resident is recorded as told on ${formatLocalDate(notice.toldOn)}, after the step ` +
        `(${formatLocalDate(window.today)}). Record the step once they have been told.`,
    );
  }
  if (notice.toldOn < window.earliest) {
    return invalidRefusal(
      `${field}.toldOn`,
      `The resident is recorded as told on ${formatLocalDate(notice.toldOn)}, before the ` +
        `complaint reached this point (${formatLocalDate(window.earliest)}). Give the date ` +
        'they were told.',
    );
  }
  if (!CONTACT_METHODS.includes(notice.method)) {
    return invalidRefusal(
      `${field}.method`,
      `Choose how the resident was told: one of ${CONTACT_METHODS.join(', ')}.`,
    );
  }
  if (notice.ombudsmanDetailsGiven !== true) {
    return {
      code: 'OMBUDSMAN_DETAILS_NOT_GIVEN',
      field: `${field}.ombudsmanDetailsGiven`,
      message:
        "The resident must be given the Housing Ombudsman's contact details, and told of " +
        `their right to go to it, with this step (Code ${window.clause}). Tell them, then ` +
        'record it.',
    };
  }
  return null;
}

/** The local date of a step: the day the Code's clocks count it on. */
export function dayOf(at: Instant): LocalDate {
  return localDateOf(at);
}

/** A notice as stored: only its own fields, whatever else the caller's object carried. */
export function noticeOf(notice: ResidentNotice | null | undefined): ResidentNotice {
  if (!notice) throw new Error('noticeOf needs a notice checked by noticeProblem first.');
  return {
    toldOn: notice.toldOn,
    method: notice.method,
    ombudsmanDetailsGiven: notice.ombudsmanDetailsGiven,
  };
}
