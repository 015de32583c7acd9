// The steps of a stage: assigning it, acknowledging (defining) it, extending its response
// deadline, adding a point raised meanwhile, and responding.
import { formatLocalDate } from '../../calendar/local-date.js';
import { deriveDeadlines } from '../../deadlines/derive-deadlines.js';
import { calendarForPolicy } from '../../policies/calendar-for-policy.js';
import { err, ok } from '../../shared/result.js';
import type { ComplaintRefusal } from '../complaint.refusals.js';
import type {
  AcknowledgeComplaint,
  AddPoint,
  AssignComplaint,
  ExtendResponseDeadline,
  Remedy,
  RespondToComplaint,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  days,
  invalid,
  invalidRefusal,
  noticeOf,
  noticeProblem,
  reasonProblem,
  refuse,
  type Step,
  stagePolicy,
  when,
} from '../decision.js';
import { OUTCOMES, REMEDY_KINDS } from '../labels.js';
import { actorNotIndependent, assigneeNotIndependent } from './independence.js';

export function decideAssign(
  { state, context, at, stage }: Step,
  command: AssignComplaint,
): Decision {
  if (blank(command.handler)) {
    return invalid('handler', 'Name the person who will handle this stage.');
  }
  const notIndependent = assigneeNotIndependent(state, stage, command);
  if (notIndependent) return notIndependent;
  return ok([
    {
      type: 'complaint-assigned',
      at,
      actor: context.actor,
      stage: stage.stage,
      handler: command.handler,
      ...(command.handlerId != null ? { handlerId: command.handlerId } : {}),
      ...(command.teamId != null ? { teamId: command.teamId } : {}),
    },
  ]);
}

/**
 * Acknowledging defines the complaint (Code 5.6, 6.2, 6.11): the landlord's understanding of it
 * and the outcome the resident seeks. Either may be left to what was logged (stage 2: to the
 * escalation and stage 1's definition); an outcome nobody knows is asked for, never guessed.
 */
export function decideAcknowledge(
  { state, context, at, stage }: Step,
  command: AcknowledgeComplaint,
): Decision {
  if (stage.acknowledgedAt !== null) {
    return refuse(
      'COMPLAINT_ALREADY_ACKNOWLEDGED',
      `Stage ${stage.stage} of complaint ${state.reference} was acknowledged on ` +
        `${when(stage.acknowledgedAt)}; a stage is acknowledged once. Carry on with the investigation.`,
    );
  }
  if (stage.respondedAt !== null) {
    return refuse(
      'COMPLAINT_ALREADY_RESPONDED',
      `Stage ${stage.stage} was already answered on ${when(stage.respondedAt)}, so there is nothing ` +
        'left to acknowledge. Escalate, agree actions or close the complaint instead.',
    );
  }
  const notIndependent = actorNotIndependent(state, stage, context.actor, 'acknowledge');
  if (notIndependent) return notIndependent;

  const stage1 = state.stages[0];
  const understanding =
    given(command.understanding) ??
    (stage.stage === 1
      ? state.summary
      : (stage.escalationReason ?? stage1?.understanding ?? state.summary));
  const outcomeSought =
    given(command.outcomeSought) ??
    (stage.stage === 1 ? state.desiredOutcome : (stage1?.outcomeSought ?? state.desiredOutcome));
  const clarification = given(command.clarification);
  if (outcomeSought === null && clarification === null) {
    return refuse(
      'OUTCOME_SOUGHT_NOT_RECORDED',
      'The acknowledgement sets out the outcome the resident seeks (Code 5.6), and none was ' +
        'recorded. Record it, or, if it is unclear, what you asked the resident to clarify it.',
      'outcomeSought',
    );
  }
  return ok([
    {
      type: 'complaint-acknowledged',
      at,
      actor: context.actor,
      stage: stage.stage,
      understanding,
      outcomeSought,
      clarification,
    },
  ]);
}

/**
 * The most one extension may add, exceptional reason or not: 60 working days (three months) is
 * the longest figure a policy may hold (validatePolicy), three times the Code's longest period.
 */
export const MAX_EXTENSION_WORKING_DAYS = 60;

/**
 * The most all extensions of one stage may add together: about six months of working days. A
 * response later than that is no longer a response the Code recognises; it is a case for the
 * Housing Ombudsman, and a due date that far off is a slip of the keyboard.
 */
export const MAX_STAGE_EXTENSION_WORKING_DAYS = 120;

/**
 * An extension is decided and the resident told before the due date it moves (Code 6.4, 6.5;
 * 6.15, 6.16): once that day has passed, the response is late, and nothing recorded later can
 * make it on time. Beyond the policy's maximum, the good reason is a sentence, not a token.
 */
export function decideExtend(
  { state, context, at, stage }: Step,
  command: ExtendResponseDeadline,
): Decision {
  if (
    !Number.isInteger(command.workingDays) ||
    command.workingDays < 1 ||
    command.workingDays > MAX_EXTENSION_WORKING_DAYS
  ) {
    return invalid(
      'workingDays',
      `Extend by a whole number of working days from 1 to ${MAX_EXTENSION_WORKING_DAYS}.`,
    );
  }
  const clauses = stage.stage === 1 ? '6.4' : '6.15';
  if (blank(command.reason)) {
    return invalid(
      'reason',
      `Give the reason for the extension: the resident is told it with the new date (Code ${clauses}).`,
    );
  }
  if (stage.respondedAt !== null) {
    return refuse(
      'EXTENSION_AFTER_RESPONSE',
      `Stage ${stage.stage} was answered on ${when(stage.respondedAt)}; its response deadline can no ` +
        'longer move. Agree an action with a due date for work still to do.',
    );
  }
  const current = deriveDeadlines(state, { holidays: context.holidays }).find(
    (d) => d.stage === stage.stage && d.kind === 'respond',
  );
  const today = dayOf(at);
  if (current && today > current.dueOn) {
    return refuse(
      'EXTENSION_AFTER_DUE_DATE',
      `Stage ${stage.stage}'s response was due on ${formatLocalDate(current.dueOn)}; an extension ` +
        `dated ${formatLocalDate(today)} comes after it. An extension is decided and the ` +
        `resident told before the due date (Code ${clauses}); the response is now late, and ` +
        'stays late however it is extended. Send it as soon as you can.',
    );
  }
  const noticeClause = stage.stage === 1 ? '6.5' : '6.16';
  const notice = noticeProblem(command.notice, 'notice', {
    earliest: dayOf(stage.startedAt),
    today,
    clause: noticeClause,
  });
  if (notice) return err(notice);
  if (current && command.notice && command.notice.toldOn > current.dueOn) {
    return refuse(
      'EXTENSION_AFTER_DUE_DATE',
      `The resident was told on ${formatLocalDate(command.notice.toldOn)}, after the response ` +
        `was due (${formatLocalDate(current.dueOn)}). They are told of an extension before the ` +
        `due date (Code ${clauses}).`,
      'notice.toldOn',
    );
  }
  const exceptionalReason = blank(command.exceptionalReason)
    ? null
    : (command.exceptionalReason ?? null);
  const maximum = stagePolicy(stage).maxExtensionDays;
  const used = stage.extensions.reduce((sum, e) => sum + e.workingDays, 0);
  if (used + command.workingDays > MAX_STAGE_EXTENSION_WORKING_DAYS) {
    const left = MAX_STAGE_EXTENSION_WORKING_DAYS - used;
    return invalid(
      'workingDays',
      `A stage may be extended by ${days(MAX_STAGE_EXTENSION_WORKING_DAYS)} at most in all, ` +
        `exceptional reasons included; ${days(used)} already used, so ` +
        (left > 0 ? `extend by ${days(left)} or fewer.` : 'it cannot be extended again.'),
    );
  }
  const overMaximum = used + command.workingDays > maximum;
  if (overMaximum && exceptionalReason === null) {
    const left = Math.max(0, maximum - used);
    return refuse(
      'EXTENSION_OVER_POLICY_MAXIMUM',
      `Policy "${stage.policy.name}" allows at most ${days(maximum)} of extension at stage ` +
        `${stage.stage}; ${days(used)} already used, so ${days(command.workingDays)} more ` +
        `would make ${used + command.workingDays}. ` +
        (left > 0 ? `Extend by ${days(left)} or fewer, or record` : 'Record') +
        ` the good reason to go beyond the maximum (Code ${clauses}).`,
      'workingDays',
    );
  }
  if (overMaximum) {
    const problem = reasonProblem(
      'exceptionalReason',
      exceptionalReason,
      `Going beyond ${days(maximum)} needs a good reason, explained to the resident (Code ${clauses}).`,
    );
    if (problem) return err(problem);
  }
  const calendar = calendarForPolicy(stage.policy, context.holidays);
  return ok([
    {
      type: 'response-deadline-extended',
      at,
      actor: context.actor,
      stage: stage.stage,
      workingDays: command.workingDays,
      reason: command.reason,
      exceptionalReason,
      ...(command.notice ? { notice: noticeOf(command.notice) } : {}),
      ...(current
        ? {
            fromDueOn: current.dueOn,
            toDueOn: calendar.addWorkingDays(current.dueOn, command.workingDays),
          }
        : {}),
    },
  ]);
}

/** A point raised during the investigation joins the open stage's response (Code 6.8). */
export function decideAddPoint({ state, context, at, stage }: Step, command: AddPoint): Decision {
  if (blank(command.point)) {
    return invalid('point', 'Write the point the resident raised, as they put it.');
  }
  if (stage.respondedAt !== null) {
    return refuse(
      'POINT_AFTER_RESPONSE',
      `Stage ${stage.stage} of complaint ${state.reference} was answered on ` +
        `${when(stage.respondedAt)}. A new point raised after the response is logged as a new ` +
        'complaint (Code 6.8), or, if the resident is unhappy with the answer, escalated.',
    );
  }
  return ok([
    { type: 'point-added', at, actor: context.actor, stage: stage.stage, point: command.point },
  ]);
}

export function decideRespond(
  { state, context, at, stage }: Step,
  command: RespondToComplaint,
): Decision {
  if (!OUTCOMES.includes(command.outcome)) {
    return invalid('outcome', `Choose the outcome: one of ${OUTCOMES.join(', ')}.`);
  }
  if (blank(command.findings)) {
    return invalid(
      'findings',
      'Record the findings and the reasons for the outcome: the resident is told them.',
    );
  }
  const remedies = command.remedies ?? [];
  for (const [index, remedy] of remedies.entries()) {
    const problem = remedyProblem(remedy, `remedies[${index}]`);
    if (problem) return err(problem);
  }
  if (stage.respondedAt !== null) {
    return refuse(
      'COMPLAINT_ALREADY_RESPONDED',
      `Stage ${stage.stage} was already answered on ${when(stage.respondedAt)}; a stage has one ` +
        'response. ' +
        (stage.stage === 1
          ? 'If the resident is unhappy with it, record their escalation request.'
          : 'If the resident is still unhappy, they may go to the Housing Ombudsman.'),
    );
  }
  if (stage.acknowledgedAt === null && !stage.policy.respondWithoutAcknowledgement) {
    return refuse(
      'COMPLAINT_NOT_ACKNOWLEDGED',
      `Stage ${stage.stage} has not been acknowledged. Acknowledge the complaint before ` +
        'responding, or use a policy that allows responding without acknowledgement.',
    );
  }
  const notIndependent = actorNotIndependent(state, stage, context.actor, 'respond to');
  if (notIndependent) return notIndependent;
  return ok([
    {
      type: 'complaint-responded',
      at,
      actor: context.actor,
      stage: stage.stage,
      outcome: command.outcome,
      findings: command.findings,
      // Ids let an action, the resident's answer and a payment name the remedy (Code 7.3).
      remedies: remedies.map((r, index) => ({
        id: `${stage.stage}.${index + 1}`,
        kind: r.kind,
        description: r.description,
        amountPence: r.amountPence ?? null,
      })),
    },
  ]);
}

function remedyProblem(remedy: Remedy, field: string): ComplaintRefusal | null {
  if (!REMEDY_KINDS.includes(remedy.kind)) {
    return invalidRefusal(
      `${field}.kind`,
      `Choose the remedy's kind: one of ${REMEDY_KINDS.join(', ')}.`,
    );
  }
  if (blank(remedy.description)) {
    return invalidRefusal(`${field}.description`, 'Describe the remedy offered to the resident.');
  }
  const amount = remedy.amountPence;
  if (remedy.kind === 'financial-compensation' && amount == null) {
    return invalidRefusal(
      `${field}.amountPence`,
      'Give the amount of financial compensation in pence (e.g. 25000 for £250).',
    );
  }
  if (amount != null && (!Number.isSafeInteger(amount) || amount < 0)) {
    return invalidRefusal(
      `${field}.amountPence`,
      'Give the amount in whole pence, 0 or more (e.g. 25000 for £250).',
    );
  }
  return null;
}

function given(value: string | null | undefined): string | null {
  return blank(value) ? null : (value ?? null);
}
