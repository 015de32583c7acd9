import type {
  BankHolidaysData,
  Calendar,
  LocalDate,
  NonWorkingDay,
} from '../calendar/calendar.types.js';
import { formatLocalDate, localDateOf } from '../calendar/local-date.js';
import type { ComplaintState, Instant, StageState } from '../complaints/complaint.types.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import type { Deadline } from './deadline.types.js';

/**
 * The acknowledgement and response deadlines of every stage a complaint has reached. Each stage
 * counts with its own policy, the version in force when it began, so a later change of policy
 * never moves a date already given to a resident.
 */
export function deriveDeadlines(
  state: ComplaintState,
  options?: { readonly holidays?: BankHolidaysData },
): Deadline[] {
  const deadlines = state.stages.flatMap((stage) =>
    stageDeadlines(stage, calendarForPolicy(stage.policy, options?.holidays)),
  );
  // A withdrawn or refused complaint has nothing left to do: its open deadlines stop running.
  if (state.status === 'withdrawn' || state.status === 'refused') {
    return deadlines.filter((deadline) => deadline.metAt !== null);
  }
  return deadlines;
}

function stageDeadlines(stage: StageState, calendar: Calendar): [Deadline, Deadline] {
  const figures = stage.stage === 1 ? stage.policy.stage1 : stage.policy.stage2;
  const started = localDateOf(stage.startedAt);
  const startLabel = stage.stage === 1 ? 'receipt' : 'escalation request';
  const startPhrase = stage.stage === 1 ? 'receipt' : 'the escalation request';

  const acknowledgeDue = calendar.addWorkingDays(started, figures.acknowledgeDays);
  // A response sent with no acknowledgement before it does both jobs where the policy allows.
  const respondedUnacknowledged =
    stage.acknowledgedAt === null &&
    stage.respondedAt !== null &&
    stage.policy.respondWithoutAcknowledgement;
  const acknowledgedAt = respondedUnacknowledged ? stage.respondedAt : stage.acknowledgedAt;

  const acknowledge = deadline(calendar, {
    stage,
    kind: 'acknowledge',
    workingDays: figures.acknowledgeDays,
    rule: `${days(figures.acknowledgeDays)} after ${startLabel}`,
    from: started,
    fromLabel: startLabel,
    fromPhrase: `${startPhrase} on`,
    fromNote: '',
    provisional: false,
    metAt: acknowledgedAt,
    extensions: [],
  });

  let from: LocalDate;
  let fromLabel: string;
  let fromPhrase: string;
  let fromNote = '';
  let provisional = false;
  if (figures.responseClock === 'receipt') {
    from = started;
    fromLabel = startLabel;
    fromPhrase = `${startPhrase} on`;
  } else if (stage.acknowledgedAt !== null) {
    from = localDateOf(stage.acknowledgedAt);
    fromLabel = 'acknowledgement';
    fromPhrase = 'acknowledgement on';
  } else if (stage.respondedAt !== null) {
    // Never acknowledged apart: the response was due as if acknowledged on the last day allowed.
    from = acknowledgeDue;
    fromLabel = 'acknowledgement due date (no separate acknowledgement)';
    fromPhrase = 'the acknowledgement due date,';
    fromNote = ', as it was not acknowledged separately';
  } else {
    from = acknowledgeDue;
    fromLabel = 'acknowledgement due date (provisional)';
    fromPhrase = 'the acknowledgement due date,';
    fromNote = ', until the complaint is acknowledged';
    provisional = true;
  }

  const respond = deadline(calendar, {
    stage,
    kind: 'respond',
    workingDays: figures.respondDays,
    rule: `${days(figures.respondDays)} after ${figures.responseClock === 'receipt' ? startLabel : 'acknowledgement'}`,
    from,
    fromLabel,
    fromPhrase,
    fromNote,
    provisional,
    metAt: stage.respondedAt,
    extensions: stage.extensions,
  });

  return [acknowledge, respond];
}

interface DeadlineInput {
  readonly stage: StageState;
  readonly kind: Deadline['kind'];
  readonly workingDays: number;
  readonly rule: string;
  readonly from: LocalDate;
  readonly fromLabel: string;
  /** How the text names `from`, ending just before its date. */
  readonly fromPhrase: string;
  /** Said after `from`'s date when the count is not from the event itself. */
  readonly fromNote: string;
  readonly provisional: boolean;
  readonly metAt: Instant | null;
  readonly extensions: readonly { readonly workingDays: number; readonly reason: string }[];
}

function deadline(calendar: Calendar, input: DeadlineInput): Deadline {
  const counted = calendar.addWorkingDays(input.from, input.workingDays);
  // Each extension runs on from the date it moves, as the resident was told (Code 6.4, 6.5).
  const dueOn = input.extensions.reduce(
    (due, extension) => calendar.addWorkingDays(due, extension.workingDays),
    counted,
  );
  const extensions = input.extensions.map(({ workingDays, reason }) => ({ workingDays, reason }));
  const extendedBy = extensions.reduce((sum, extension) => sum + extension.workingDays, 0);
  const skipped = calendar.nonWorkingDaysBetween(input.from, dueOn);

  let text = `Due ${formatLocalDate(dueOn)}${input.provisional ? ' (provisional)' : ''}: `;
  text += `${days(input.workingDays)} after ${input.fromPhrase} ${formatLocalDate(input.from)}${input.fromNote}`;
  if (extensions.length > 0) {
    text += ', extended by ';
    text += extensions.map((e) => `${days(e.workingDays)} (${e.reason})`).join(' and ');
  }
  if (skipped.length > 0) text += `; skipped ${describeSkipped(skipped)}`;
  text += '.';

  return {
    stage: input.stage.stage,
    kind: input.kind,
    dueOn,
    provisional: input.provisional,
    metAt: input.metAt,
    metOn: input.metAt === null ? null : localDateOf(input.metAt),
    extendedBy,
    explanation: {
      rule: input.rule,
      from: input.from,
      fromLabel: input.fromLabel,
      workingDays: input.workingDays,
      extensions,
      skipped,
      text,
    },
  };
}

/**
 * "Sat 7 Nov, Sun 8 Nov (weekend); Fri 25 Dec (Christmas Day)": runs with the same reason share
 * it. Years are left out: the due and start dates carry them, and the span is under a year.
 */
function describeSkipped(skipped: readonly NonWorkingDay[]): string {
  const groups: { reason: string; dates: string[] }[] = [];
  for (const day of skipped) {
    const reason = day.kind === 'weekend' ? 'weekend' : day.title;
    const date = formatLocalDate(day.date).slice(0, -5);
    const last = groups.at(-1);
    if (last && last.reason === reason) last.dates.push(date);
    else groups.push({ reason, dates: [date] });
  }
  return groups.map((group) => `${group.dates.join(', ')} (${group.reason})`).join('; ');
}

function days(n: number): string {
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}
