import {
  addCalendarDays,
  formatLocalDate,
  isLocalDate,
  localDateOf,
} from '../calendar/local-date.js';
import { isSupportedInstant, SUPPORTED_DATES } from '../calendar/supported-dates.js';
import type { StagePolicy } from '../policies/policy.types.js';
import { err, ok, type Result } from '../shared/result.js';
import { autoCloseDueOn, escalationWindowEndsOn } from './closing-windows.js';
import type { ComplaintRefusal, ComplaintRefusalCode } from './complaint.refusals.js';
import type {
  ActionState,
  AgreeAction,
  AssignComplaint,
  CompleteAction,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  DecisionContext,
  ExtendResponseDeadline,
  Instant,
  LogComplaint,
  ReferToOmbudsman,
  RefuseComplaint,
  Remedy,
  RequestEscalation,
  RespondToComplaint,
  StageState,
  WithdrawComplaint,
} from './complaint.types.js';
import {
  CHANNELS,
  COMPLAINANT_TYPES,
  CONTACT_METHODS,
  OUTCOMES,
  REFUSAL_REASONS,
  REMEDY_KINDS,
  REPRESENTATIVE_ROLES,
  STATUS_LABELS,
  TENURES,
} from './labels.js';

type Decision = Result<ComplaintEvent[], ComplaintRefusal>;

/** What every step shares once the case, the instant and the stage are known. */
interface Step {
  readonly state: ComplaintState;
  readonly context: DecisionContext;
  /** The step's instant, normalised to UTC. */
  readonly at: Instant;
  readonly stage: StageState;
}

/**
 * Whether a command may happen now, under the policy, at this time: the events it produces, or a
 * coded refusal saying what to do instead. Pure: "now" and the policy come in the context, and a
 * business rule never throws.
 */
export function decide(
  state: ComplaintState | null,
  command: ComplaintCommand,
  context: DecisionContext,
): Decision {
  const instant = stepInstant(context);
  if (!instant.ok) return instant;
  const at = instant.value;

  if (command.type === 'log') {
    if (state === null) return decideLog(command, context, at);
    return refuse(
      'COMPLAINT_ALREADY_LOGGED',
      `Complaint ${state.reference} is already logged. Record the next step on it, or log a new ` +
        'complaint under a new id.',
    );
  }
  if (state === null) {
    return refuse(
      'COMPLAINT_NOT_FOUND',
      'There is no complaint with this id. Check the id, or log the complaint first.',
    );
  }

  if (Date.parse(at) < Date.parse(state.lastEventAt)) {
    return refuse(
      'EVENT_BEFORE_PREVIOUS',
      `The step is dated ${at}, before the last step recorded on complaint ${state.reference} ` +
        `(${toUtc(state.lastEventAt)}). Steps are recorded in order: give a time on or after it.`,
    );
  }

  // The resident may go to the Ombudsman at any time, and a promised remedy is still followed
  // to completion (Code 7.3), so these two steps outlive the case.
  if (
    !isOpen(state) &&
    command.type !== 'refer-to-ombudsman' &&
    command.type !== 'complete-action'
  ) {
    return notOpen(state);
  }

  const step: Step = { state, context, at, stage: currentStage(state) };
  switch (command.type) {
    case 'assign':
      return decideAssign(step, command);
    case 'acknowledge':
      return decideAcknowledge(step);
    case 'extend':
      return decideExtend(step, command);
    case 'respond':
      return decideRespond(step, command);
    case 'request-escalation':
      return decideEscalation(step, command);
    case 'agree-action':
      return decideAgreeAction(step, command);
    case 'complete-action':
      return decideCompleteAction(step, command);
    case 'close':
      return decideClose(step);
    case 'auto-close':
      return decideAutoClose(step);
    case 'withdraw':
      return decideWithdraw(step, command);
    case 'refuse':
      return decideRefuse(step, command);
    case 'refer-to-ombudsman':
      return decideReferral(step, command);
    default:
      return unknownCommand(command);
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

function decideLog(command: LogComplaint, context: DecisionContext, at: Instant): Decision {
  if (!isId(command.complaintId)) {
    return invalid('complaintId', `${ID_RULE} Give the complaint an id such as C-2026-0001.`);
  }
  if (!isReference(command.reference)) {
    return invalid(
      'reference',
      `Give the complaint a reference the resident can quote. ${REF_RULE}`,
    );
  }
  if (!isInstant(command.receivedAt)) {
    return invalid(
      'receivedAt',
      'When the complaint was received must be ISO 8601 with Z or an offset, e.g. ' +
        `2026-11-06T09:30:00Z, ${IN_SUPPORTED_DATES}.`,
    );
  }
  if (!CHANNELS.includes(command.channel)) {
    return invalid('channel', `Choose how the complaint came in: one of ${CHANNELS.join(', ')}.`);
  }
  if (!TENURES.includes(command.tenure)) {
    return invalid('tenure', `Choose the tenure: one of ${TENURES.join(', ')}.`);
  }
  const { complainant, representative } = command;
  if (blank(complainant.name)) {
    return invalid('complainant.name', "Record the complainant's name.");
  }
  if (!COMPLAINANT_TYPES.includes(complainant.type)) {
    return invalid(
      'complainant.type',
      `Choose who the complainant is: one of ${COMPLAINANT_TYPES.join(', ')}.`,
    );
  }
  if (
    complainant.preferredContact != null &&
    !CONTACT_METHODS.includes(complainant.preferredContact)
  ) {
    return invalid(
      'complainant.preferredContact',
      `Choose a contact method from ${CONTACT_METHODS.join(', ')}, or leave it empty.`,
    );
  }
  if (representative) {
    if (blank(representative.name)) {
      return invalid('representative.name', "Record the representative's name.");
    }
    if (!REPRESENTATIVE_ROLES.includes(representative.role)) {
      return invalid(
        'representative.role',
        `Choose the representative's role: one of ${REPRESENTATIVE_ROLES.join(', ')}.`,
      );
    }
    if (representative.consentGiven !== true) {
      return refuse(
        'REPRESENTATIVE_WITHOUT_CONSENT',
        `${representative.name} can act for the resident only with the resident's consent. ` +
          "Record the resident's consent, or log the complaint in the resident's own name.",
        'representative.consentGiven',
      );
    }
    if (
      representative.consentRecordedOn != null &&
      !isLocalDate(representative.consentRecordedOn)
    ) {
      return invalid(
        'representative.consentRecordedOn',
        'The date consent was recorded must be a real date written YYYY-MM-DD, or left empty.',
      );
    }
  }
  if (blank(command.summary)) {
    return invalid('summary', 'Summarise what the complaint is about.');
  }
  if (blank(command.category)) {
    return invalid(
      'category',
      'Choose a category for the complaint (repairs, anti-social behaviour ...).',
    );
  }
  if (command.serviceRequestId != null && !isId(command.serviceRequestId)) {
    return invalid(
      'serviceRequestId',
      `${ID_RULE} Give the service request's id, or leave it empty.`,
    );
  }

  const receivedAt = toUtc(command.receivedAt);
  if (Date.parse(receivedAt) > Date.parse(context.now)) {
    return refuse(
      'RECEIVED_IN_FUTURE',
      `The complaint is dated as received at ${receivedAt}, after now (${toUtc(context.now)}). ` +
        'Give the time it actually reached you.',
      'receivedAt',
    );
  }
  if (Date.parse(at) < Date.parse(receivedAt)) {
    return refuse(
      'EVENT_BEFORE_PREVIOUS',
      `The complaint is logged at ${at}, before it was received (${receivedAt}). Log it at or ` +
        'after the time it was received.',
      'at',
    );
  }

  return ok([
    {
      type: 'complaint-logged',
      at,
      actor: context.actor,
      complaintId: command.complaintId,
      reference: command.reference.trim(),
      receivedAt,
      channel: command.channel,
      complainant,
      representative: representative ?? null,
      summary: command.summary,
      desiredOutcome: blank(command.desiredOutcome) ? null : (command.desiredOutcome ?? null),
      category: command.category,
      tenure: command.tenure,
      serviceRequestId: command.serviceRequestId ?? null,
      policy: context.policy,
    },
  ]);
}

function decideAssign({ state, context, at, stage }: Step, command: AssignComplaint): Decision {
  if (blank(command.handler)) {
    return invalid('handler', 'Name the person who will handle this stage.');
  }
  const stage1Handler = state.stages[0]?.handler ?? null;
  if (
    stage.stage === 2 &&
    stage.policy.independentStage2Handler &&
    stage1Handler !== null &&
    sameText(stage1Handler, command.handler)
  ) {
    return refuse(
      'STAGE2_HANDLER_NOT_INDEPENDENT',
      `${command.handler} handled stage 1, and policy "${stage.policy.name}" requires stage 2 ` +
        'to be reviewed by someone not involved at stage 1 (Code 6.13). Assign a different person.',
      'handler',
    );
  }
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

function decideAcknowledge({ state, context, at, stage }: Step): Decision {
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
  return ok([{ type: 'complaint-acknowledged', at, actor: context.actor, stage: stage.stage }]);
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

function decideExtend({ context, at, stage }: Step, command: ExtendResponseDeadline): Decision {
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
  if (blank(command.reason)) {
    return invalid(
      'reason',
      'Give the reason for the extension: the resident is told it with the new date (Code 6.4).',
    );
  }
  if (stage.respondedAt !== null) {
    return refuse(
      'EXTENSION_AFTER_RESPONSE',
      `Stage ${stage.stage} was answered on ${when(stage.respondedAt)}; its response deadline can no ` +
        'longer move. Agree an action with a due date for work still to do.',
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
  if (used + command.workingDays > maximum && exceptionalReason === null) {
    const left = Math.max(0, maximum - used);
    return refuse(
      'EXTENSION_OVER_POLICY_MAXIMUM',
      `Policy "${stage.policy.name}" allows at most ${days(maximum)} of extension at stage ` +
        `${stage.stage}; ${days(used)} already used, so ${days(command.workingDays)} more ` +
        `would make ${used + command.workingDays}. ` +
        (left > 0 ? `Extend by ${days(left)} or fewer, or record` : 'Record') +
        ' an exceptional reason to go beyond the maximum.',
      'workingDays',
    );
  }
  return ok([
    {
      type: 'response-deadline-extended',
      at,
      actor: context.actor,
      stage: stage.stage,
      workingDays: command.workingDays,
      reason: command.reason,
      exceptionalReason,
    },
  ]);
}

function decideRespond({ context, at, stage }: Step, command: RespondToComplaint): Decision {
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
  return ok([
    {
      type: 'complaint-responded',
      at,
      actor: context.actor,
      stage: stage.stage,
      outcome: command.outcome,
      findings: command.findings,
      remedies: remedies.map((r) => ({
        kind: r.kind,
        description: r.description,
        amountPence: r.amountPence ?? null,
      })),
    },
  ]);
}

function decideEscalation(step: Step, command: RequestEscalation): Decision {
  const { state, context, at, stage } = step;
  if (stage.stage === 2) {
    return refuse(
      'NO_FURTHER_STAGE',
      'This complaint is already at stage 2. Two stages, never more (Code 5.2): once stage 2 ' +
        'is answered, the resident may go to the Housing Ombudsman.',
    );
  }
  if (stage.respondedAt === null) {
    return refuse(
      'ESCALATION_BEFORE_RESPONSE',
      'Stage 1 has not been answered yet, so there is nothing to escalate. Send the stage 1 ' +
        'response first; a resident unhappy with the delay may go to the Housing Ombudsman.',
    );
  }
  const reason = blank(command.reason) ? null : (command.reason ?? null);
  if (reason === null && context.policy.escalation.reasonsRequired) {
    return refuse(
      'ESCALATION_REASON_REQUIRED',
      `Policy "${context.policy.name}" asks the resident why they want stage 2. Record the ` +
        'reasons they gave (the Code itself does not require reasons, 6.12).',
      'reason',
    );
  }
  const lateReason = blank(command.lateReason) ? null : (command.lateReason ?? null);
  const lastDay = escalationWindowEndsOn(state, { holidays: context.holidays });
  if (lastDay !== null && localDateOf(at) > lastDay && lateReason === null) {
    const window = stage.policy.escalation.window;
    const rule = window ? ` (${days(window.length, window.unit)} after the stage 1 response)` : '';
    return refuse(
      'ESCALATION_OUT_OF_TIME',
      `The resident could ask for stage 2 until ${formatLocalDate(lastDay)}${rule}; this ` +
        `request is dated ${formatLocalDate(localDateOf(at))}. Record why the late request is ` +
        'accepted (a late reason) to escalate anyway.',
      'lateReason',
    );
  }
  return ok([
    {
      type: 'escalation-requested',
      at,
      actor: context.actor,
      reason,
      lateReason,
      policy: context.policy,
    },
  ]);
}

// Actions put right what the response found (Code 7.1–7.3), so they are agreed with or after the
// response that states the remedies. Work started during an investigation is a service request
// that runs alongside (Code 1.5), not an agreed remedy of the complaint.
function decideAgreeAction({ state, context, at, stage }: Step, command: AgreeAction): Decision {
  if (!isId(command.actionId)) {
    return invalid('actionId', `${ID_RULE} Give the action an id.`);
  }
  if (blank(command.description)) {
    return invalid('description', 'Describe what will be done.');
  }
  if (blank(command.owner)) {
    return invalid('owner', 'Name who owns the action and will see it done.');
  }
  const today = localDateOf(at);
  if (!isLocalDate(command.dueOn)) {
    return invalid('dueOn', 'The due date must be a real date written YYYY-MM-DD.');
  }
  if (command.dueOn < today) {
    return invalid(
      'dueOn',
      `The action is due on ${formatLocalDate(command.dueOn)}, before the day it is agreed ` +
        `(${formatLocalDate(today)}). Give a due date on or after ${formatLocalDate(today)}.`,
    );
  }
  if (command.remedy != null && !REMEDY_KINDS.includes(command.remedy)) {
    return invalid(
      'remedy',
      `Choose the remedy it delivers from ${REMEDY_KINDS.join(', ')}, or none.`,
    );
  }
  if (stage.respondedAt === null) {
    return refuse(
      'ACTIONS_BEFORE_RESPONSE',
      `Stage ${stage.stage} has not been answered yet. Actions put right what the response ` +
        'finds: send the response with its remedies, then agree the actions. Urgent work can go ' +
        'ahead as a service request meanwhile.',
    );
  }
  if (state.actions.some((a) => a.id === command.actionId)) {
    return refuse(
      'ACTION_ALREADY_EXISTS',
      `Complaint ${state.reference} already has an action ${command.actionId}. Give the new ` +
        'action its own id.',
      'actionId',
    );
  }
  return ok([
    {
      type: 'action-agreed',
      at,
      actor: context.actor,
      stage: stage.stage,
      actionId: command.actionId,
      description: command.description,
      owner: command.owner,
      dueOn: command.dueOn,
      remedy: command.remedy ?? null,
    },
  ]);
}

// Allowed on an ended case too: a case closes with actions open only under a policy that does
// not wait for them, and the remedy is still owed to the resident.
function decideCompleteAction({ state, context, at }: Step, command: CompleteAction): Decision {
  const action = state.actions.find((a) => a.id === command.actionId);
  if (!action) {
    const known = state.actions.map((a) => a.id);
    return refuse(
      'ACTION_NOT_FOUND',
      `Complaint ${state.reference} has no action ${command.actionId}. ` +
        (known.length > 0
          ? `Its actions are: ${known.join(', ')}.`
          : 'No actions have been agreed on it yet.'),
      'actionId',
    );
  }
  if (action.completedAt !== null) {
    return refuse(
      'ACTION_ALREADY_COMPLETED',
      `Action ${action.id} ("${action.description}") was completed on ${when(action.completedAt)}. ` +
        'Nothing more to record; agree a new action for further work.',
      'actionId',
    );
  }
  return ok([
    {
      type: 'action-completed',
      at,
      actor: context.actor,
      actionId: action.id,
      note: blank(command.note) ? null : (command.note ?? null),
    },
  ]);
}

function decideClose({ state, context, at, stage }: Step): Decision {
  if (stage.respondedAt === null) {
    return refuse(
      'CLOSE_BEFORE_RESPONSE',
      `Stage ${stage.stage} has not been answered. Send the response before closing; if the ` +
        'resident no longer wants to go on, record a withdrawal instead.',
    );
  }
  const open = openActions(state);
  if (stage.policy.closing.requireActionsComplete && open.length > 0) {
    return refuse(
      'CLOSE_WITH_OPEN_ACTIONS',
      `${openActionsSummary(open)} Policy "${stage.policy.name}" closes a complaint only once ` +
        'all agreed actions are complete: complete them first.',
    );
  }
  return ok([
    { type: 'complaint-closed', at, actor: context.actor, reason: 'resolved', automatic: false },
  ]);
}

function decideAutoClose({ state, context, at, stage }: Step): Decision {
  const dueOn = autoCloseDueOn(state, { holidays: context.holidays });
  if (dueOn === null) {
    return refuse('AUTO_CLOSE_NOT_DUE', autoCloseNotDueReason(state, stage));
  }
  const today = localDateOf(at);
  if (today < dueOn) {
    return refuse(
      'AUTO_CLOSE_NOT_DUE',
      `The resident still has until ${formatLocalDate(addCalendarDays(dueOn, -1))} to come back; ` +
        `complaint ${state.reference} may be closed automatically from ${formatLocalDate(dueOn)}. ` +
        'Close it by hand sooner only if the resident says they are satisfied.',
    );
  }
  return ok([
    {
      type: 'complaint-closed',
      at,
      actor: context.actor,
      reason: stage.stage === 1 ? 'escalation-window-lapsed' : 'no-reply-after-stage-2',
      automatic: true,
    },
  ]);
}

function decideWithdraw({ context, at }: Step, command: WithdrawComplaint): Decision {
  if (blank(command.reason)) {
    return invalid('reason', 'Record why the resident withdrew the complaint, in their words.');
  }
  return ok([{ type: 'complaint-withdrawn', at, actor: context.actor, reason: command.reason }]);
}

function decideRefuse({ state, context, at }: Step, command: RefuseComplaint): Decision {
  if (!REFUSAL_REASONS.includes(command.reason)) {
    return invalid(
      'reason',
      `A complaint may be refused only for a valid reason (Code 2.1–2.4): one of ` +
        `${REFUSAL_REASONS.join(', ')}.`,
    );
  }
  if (blank(command.explanation)) {
    return invalid(
      'explanation',
      'Write the explanation the resident receives: why the complaint is not taken on, and ' +
        'their right to go to the Housing Ombudsman.',
    );
  }
  const stage1 = state.stages[0];
  if (state.stage === 2 || (stage1 && stage1.respondedAt !== null)) {
    return refuse(
      'REFUSAL_AFTER_RESPONSE',
      'Stage 1 has been answered, so the complaint was taken on and can no longer be refused. ' +
        'Carry on with the process: escalate or close it.',
    );
  }
  return ok([
    {
      type: 'complaint-refused',
      at,
      actor: context.actor,
      reason: command.reason,
      explanation: command.explanation,
    },
  ]);
}

function decideReferral({ state, context, at }: Step, command: ReferToOmbudsman): Decision {
  if (!isReference(command.reference)) {
    return invalid('reference', `Give the Housing Ombudsman's case reference. ${REF_RULE}`);
  }
  const reference = command.reference.trim();
  const earlier = state.ombudsman.find((r) => sameText(r.reference, reference));
  if (earlier) {
    return refuse(
      'ALREADY_REFERRED_TO_OMBUDSMAN',
      `Referral ${reference} was recorded on ${when(earlier.referredAt)}. Nothing more to record; a ` +
        'new referral comes with a new reference from the Ombudsman.',
      'reference',
    );
  }
  return ok([{ type: 'referred-to-ombudsman', at, actor: context.actor, reference }]);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const ID_RULE =
  'Ids are 1 to 200 letters, digits and . _ : / # -, starting with a letter or digit.';
const REF_RULE = 'References are 1 to 100 characters, not blank.';
const IN_SUPPORTED_DATES = `on a date from ${SUPPORTED_DATES.first} to ${SUPPORTED_DATES.last}`;
const ID_TEXT = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,199}$/;
const INSTANT_TEXT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The step's instant, `at` if given or else now, in UTC: never after now. */
function stepInstant(context: DecisionContext): Result<Instant, ComplaintRefusal> {
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

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_TEXT.test(value);
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= 100;
}

/**
 * ISO 8601 with an offset and a real date (JavaScript alone would roll 30 February into March),
 * within the supported dates.
 */
function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const match = INSTANT_TEXT.exec(value);
  if (match === null || !isLocalDate(match[1])) return false;
  return isSupportedInstant(value);
}

/** An instant as a person reads it in a message: its London date, `Tue 1 Dec 2026`. */
function when(instant: Instant): string {
  return formatLocalDate(localDateOf(instant));
}

// Events carry UTC text so that stored instants compare and sort as plain strings.
function toUtc(instant: Instant): Instant {
  return new Date(Date.parse(instant)).toISOString();
}

function blank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

// Typed in by people: "J Smith" and "j smith " are one handler, "hos-1" and "HOS-1" one reference.
function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function days(n: number, unit: 'working-days' | 'calendar-days' = 'working-days'): string {
  const word = unit === 'working-days' ? 'working day' : 'calendar day';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isOpen(state: ComplaintState): boolean {
  return state.status !== 'closed' && state.status !== 'withdrawn' && state.status !== 'refused';
}

function currentStage(state: ComplaintState): StageState {
  const stage = state.stages[state.stage - 1];
  if (!stage) {
    // Only a hand-built or corrupt state lacks its current stage; that is a defect, not a rule.
    throw new Error(`Complaint ${state.id} has no stage ${state.stage}.`);
  }
  return stage;
}

function stagePolicy(stage: StageState): StagePolicy {
  return stage.stage === 1 ? stage.policy.stage1 : stage.policy.stage2;
}

function openActions(state: ComplaintState): ActionState[] {
  return state.actions
    .filter((a) => a.completedAt === null)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

function openActionsSummary(open: readonly ActionState[]): string {
  const next = open[0];
  const count = open.length === 1 ? '1 agreed action is' : `${open.length} agreed actions are`;
  return next
    ? `${count} still open; the next is due ${formatLocalDate(next.dueOn)}: ` +
        `"${next.description}" (${next.id}, owner ${next.owner}).`
    : `${count} still open.`;
}

function autoCloseNotDueReason(state: ComplaintState, stage: StageState): string {
  if (state.status !== 'responded') {
    return (
      `Complaint ${state.reference} is ${STATUS_LABELS[state.status].toLowerCase()} at stage ` +
      `${stage.stage}; it can close automatically only after a response, when the resident ` +
      'has not come back in time.'
    );
  }
  const { closing, name } = stage.policy;
  if (stage.stage === 1 && !closing.autoCloseWhenEscalationWindowLapses) {
    return (
      `Policy "${name}" does not close complaints automatically after stage 1. Close it by hand ` +
      'once the resident is satisfied.'
    );
  }
  if (stage.stage === 1 && stage.policy.escalation.window === null) {
    return (
      `Policy "${name}" sets no time limit to ask for stage 2, so the window never lapses. Close ` +
      'it by hand once the resident is satisfied.'
    );
  }
  if (stage.stage === 2 && closing.autoCloseAfterStage2 === null) {
    return (
      `Policy "${name}" does not close complaints automatically after stage 2. Close it by hand ` +
      'once the remedies are in hand.'
    );
  }
  // What remains: the window would have lapsed, but agreed actions hold the case open.
  return (
    `${openActionsSummary(openActions(state))} Policy "${name}" closes a complaint only once ` +
    'all agreed actions are complete: complete them, then it can close.'
  );
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

function notOpen(state: ComplaintState): Decision {
  const ended = state.closedAt ? ` on ${when(state.closedAt)}` : '';
  return refuse(
    'COMPLAINT_NOT_OPEN',
    `Complaint ${state.reference} was ${STATUS_LABELS[state.status].toLowerCase()}${ended}. ` +
      'Only an Ombudsman referral, or completing an agreed action still open, can be recorded ' +
      'on it now; log a new complaint for a new matter.',
  );
}

function refuse(
  code: ComplaintRefusalCode,
  message: string,
  field?: string,
): Result<never, ComplaintRefusal> {
  return err(field === undefined ? { code, message } : { code, message, field });
}

function invalidRefusal(field: string, message: string): ComplaintRefusal {
  return { code: 'INVALID_COMMAND', message, field };
}

function invalid(field: string, message: string): Result<never, ComplaintRefusal> {
  return err(invalidRefusal(field, message));
}

// The `never` makes a new command a compile error here; at run time a caller outside TypeScript
// gets a refusal, not a crash.
function unknownCommand(command: never): Decision {
  const type: unknown = (command as { type?: unknown }).type;
  return invalid(
    'type',
    `Unknown step ${JSON.stringify(type)}. Use one of the documented commands.`,
  );
}
