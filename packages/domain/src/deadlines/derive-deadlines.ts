import type { BankHolidaysData, Calendar, LocalDate } from '../calendar/calendar.types.js';
import { formatLocalDate, localDateOf } from '../calendar/local-date.js';
import type { ComplaintState, Instant, StageState } from '../complaints/complaint.types.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import type { Deadline } from './deadline.types.js';
import { explainDeadline, MAX_EXPLANATION_LENGTH, workingDaysText } from './explain-deadline.js';

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
  // A withdrawn, refused or merged complaint has nothing left to do: its open deadlines stop.
  // One already past when the case ended stays, as missed: refusing a complaint (Code 2) does
  // not undo a late acknowledgement, in its history or in the measures.
  if (state.closedAt !== null && STOPPING.has(state.status)) {
    const endedOn = localDateOf(state.closedAt);
    const stoppedAt = state.closedAt;
    return deadlines.flatMap((deadline) => {
      if (deadline.metAt !== null) return [deadline];
      return deadline.dueOn < endedOn ? [{ ...deadline, stoppedAt }] : [];
    });
  }
  return deadlines;
}

const STOPPING = new Set<ComplaintState['status']>(['withdrawn', 'refused', 'merged']);

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
  } else if (stage.acknowledgedAt !== null && localDateOf(stage.acknowledgedAt) <= acknowledgeDue) {
    from = localDateOf(stage.acknowledgedAt);
    fromLabel = 'acknowledgement';
    fromPhrase = 'acknowledgement on';
  } else if (stage.acknowledgedAt !== null) {
    // Acknowledged late: the response keeps the date it had while it waited (counted from the
    // acknowledgement's due date), so a late acknowledgement never buys the response more time,
    // nor turns an overdue response back to pending. The Code counts from the acknowledgement
    // (6.3, 6.14); counting from the earlier day holds the landlord to more, never the resident.
    from = acknowledgeDue;
    fromLabel = 'acknowledgement due date (acknowledged late)';
    fromPhrase = 'the acknowledgement due date,';
    fromNote = `, as the acknowledgement on ${formatLocalDate(localDateOf(stage.acknowledgedAt))} was late`;
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

// Kept here too: the package has always exported it beside deriveDeadlines.
export { MAX_EXPLANATION_LENGTH };

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

  const text = explainDeadline({
    stage: input.stage.stage,
    kind: input.kind,
    dueOn,
    provisional: input.provisional,
    workingDays: input.workingDays,
    from: input.from,
    fromPhrase: input.fromPhrase,
    fromNote: input.fromNote,
    extensions,
    skipped,
  });

  return {
    stage: input.stage.stage,
    kind: input.kind,
    dueOn,
    provisional: input.provisional,
    metAt: input.metAt,
    metOn: input.metAt === null ? null : localDateOf(input.metAt),
    stoppedAt: null,
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

function days(n: number): string {
  return workingDaysText(n);
}
