// Putting things right (Code 7): the actions agreed to deliver the remedies, the updates the
// resident is given while they are outstanding (6.6, 7.3), the resident's answer to a remedy
// offered, and payments of compensation.
import { formatLocalDate, isLocalDate } from '../../calendar/local-date.js';
import { ok } from '../../shared/result.js';
import type {
  AgreeAction,
  AnswerRemedy,
  CompleteAction,
  ComplaintState,
  PayRemedy,
  UpdateOnAction,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  ID_RULE,
  invalid,
  isId,
  refuse,
  type Step,
  when,
} from '../decision.js';
import { CONTACT_METHODS, REMEDY_KINDS, REMEDY_LABELS } from '../labels.js';
import { pounds } from '../remedies.js';

// Actions put right what the response found (Code 7.1–7.3), so they are agreed with or after the
// response that states the remedies. Work started during an investigation is a service request
// that runs alongside (Code 1.5), not an agreed remedy of the complaint.
export function decideAgreeAction(
  { state, context, at, stage }: Step,
  command: AgreeAction,
): Decision {
  if (!isId(command.actionId)) {
    return invalid('actionId', `${ID_RULE} Give the action an id.`);
  }
  if (blank(command.description)) {
    return invalid('description', 'Describe what will be done.');
  }
  if (blank(command.owner)) {
    return invalid('owner', 'Name who owns the action and will see it done.');
  }
  const today = dayOf(at);
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
  let remedyId: string | null = null;
  let remedyKind = command.remedy ?? null;
  if (command.remedyId != null && typeof command.remedyId !== 'string') {
    return invalid('remedyId', "Give the remedy's id as the response numbered it, e.g. 1.2.");
  }
  if (!blank(command.remedyId)) {
    const remedy = state.remedies.find((r) => r.id === command.remedyId?.trim());
    if (!remedy) return unknownRemedy(state, command.remedyId ?? '', 'remedyId');
    remedyId = remedy.id;
    if (remedyKind !== null && remedyKind !== remedy.kind) {
      return invalid(
        'remedy',
        `Remedy ${remedy.id} is ${REMEDY_LABELS[remedy.kind].toLowerCase()}, not ` +
          `${REMEDY_LABELS[remedyKind].toLowerCase()}. Leave the kind empty to take the remedy's.`,
      );
    }
    remedyKind = remedy.kind;
    if (remedy.answer?.answer === 'declined') {
      return refuse(
        'REMEDY_DECLINED',
        `The resident declined remedy ${remedy.id} on ${when(remedy.answer.at)}, so there is ` +
          'nothing to deliver. Record a new offer in a response, or agree the action without ' +
          'the remedy.',
        'remedyId',
      );
    }
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
      remedy: remedyKind,
      ...(remedyId !== null ? { remedyId } : {}),
    },
  ]);
}

// Allowed on an ended case too: a case closes with actions open only under a policy that does
// not wait for them, and the remedy is still owed to the resident.
export function decideCompleteAction(
  { state, context, at }: Step,
  command: CompleteAction,
): Decision {
  const action = state.actions.find((a) => a.id === command.actionId);
  if (!action) return unknownAction(state, command.actionId);
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

/** What the resident was told about an outstanding action, and how (Code 6.6, 7.3). */
export function decideUpdateOnAction(
  { state, context, at }: Step,
  command: UpdateOnAction,
): Decision {
  const action = state.actions.find((a) => a.id === command.actionId);
  if (!action) return unknownAction(state, command.actionId);
  if (blank(command.update)) {
    return invalid('update', 'Write what the resident was told about the action.');
  }
  if (!CONTACT_METHODS.includes(command.method)) {
    return invalid('method', `Choose how they were told: one of ${CONTACT_METHODS.join(', ')}.`);
  }
  if (action.completedAt !== null) {
    return refuse(
      'ACTION_ALREADY_COMPLETED',
      `Action ${action.id} was completed on ${when(action.completedAt)}; updates are for ` +
        'actions still outstanding. Record the completion note instead.',
      'actionId',
    );
  }
  return ok([
    {
      type: 'action-update-given',
      at,
      actor: context.actor,
      actionId: action.id,
      update: command.update,
      method: command.method,
    },
  ]);
}

/** The resident accepts or declines a remedy offered (Code 7.3: "in agreement with the resident"). */
export function decideAnswerRemedy({ state, context, at }: Step, command: AnswerRemedy): Decision {
  const remedy = state.remedies.find((r) => r.id === command.remedyId);
  if (!remedy) return unknownRemedy(state, command.remedyId, 'remedyId');
  if (command.answer !== 'accepted' && command.answer !== 'declined') {
    return invalid('answer', 'Record the answer: accepted or declined.');
  }
  if (remedy.answer !== null) {
    return refuse(
      'REMEDY_ALREADY_ANSWERED',
      `The resident ${remedy.answer.answer} remedy ${remedy.id} on ${when(remedy.answer.at)}. ` +
        'A changed mind is a new offer: record it in a response, or as a note.',
      'remedyId',
    );
  }
  return ok([
    {
      type: 'remedy-answered',
      at,
      actor: context.actor,
      remedyId: remedy.id,
      answer: command.answer,
      note: blank(command.note) ? null : (command.note ?? null),
    },
  ]);
}

/** A payment of compensation offered as a remedy: never more than was offered, in all. */
export function decidePayRemedy({ state, context, at }: Step, command: PayRemedy): Decision {
  const remedy = state.remedies.find((r) => r.id === command.remedyId);
  if (!remedy) return unknownRemedy(state, command.remedyId, 'remedyId');
  if (remedy.kind !== 'financial-compensation' || remedy.amountPence === null) {
    return refuse(
      'REMEDY_NOT_PAYABLE',
      `Remedy ${remedy.id} is ${REMEDY_LABELS[remedy.kind].toLowerCase()}, not an amount of ` +
        'compensation: there is nothing to pay. Complete the action that delivers it instead.',
      'remedyId',
    );
  }
  if (!Number.isSafeInteger(command.amountPence) || command.amountPence < 1) {
    return invalid('amountPence', 'Give the amount paid in whole pence, 1 or more.');
  }
  if (!isLocalDate(command.paidOn)) {
    return invalid('paidOn', 'The date paid must be a real date written YYYY-MM-DD.');
  }
  if (command.paidOn > dayOf(at) || command.paidOn < dayOf(remedy.offeredAt)) {
    return invalid(
      'paidOn',
      `Give the day it was paid: from ${formatLocalDate(dayOf(remedy.offeredAt))}, when it was ` +
        `offered, to ${formatLocalDate(dayOf(at))}.`,
    );
  }
  if (remedy.answer?.answer === 'declined') {
    return refuse(
      'REMEDY_DECLINED',
      `The resident declined remedy ${remedy.id} on ${when(remedy.answer.at)}. Record a new ` +
        'offer in a response before paying.',
      'remedyId',
    );
  }
  const paid = remedy.payments.reduce((sum, p) => sum + p.amountPence, 0);
  if (paid + command.amountPence > remedy.amountPence) {
    return refuse(
      'PAYMENT_OVER_REMEDY',
      `Remedy ${remedy.id} offered ${pounds(remedy.amountPence)}; ${pounds(paid)} is paid, so at ` +
        `most ${pounds(remedy.amountPence - paid)} more can be. Offer more in a response first.`,
      'amountPence',
    );
  }
  return ok([
    {
      type: 'remedy-paid',
      at,
      actor: context.actor,
      remedyId: remedy.id,
      amountPence: command.amountPence,
      paidOn: command.paidOn,
    },
  ]);
}

function unknownAction(state: ComplaintState, actionId: unknown): Decision {
  const known = state.actions.map((a) => a.id);
  return refuse(
    'ACTION_NOT_FOUND',
    `Complaint ${state.reference} has no action ${shown(actionId)}. ` +
      (known.length > 0
        ? `Its actions are: ${known.join(', ')}.`
        : 'No actions have been agreed on it yet.'),
    'actionId',
  );
}

function unknownRemedy(state: ComplaintState, remedyId: unknown, field: string): Decision {
  const known = state.remedies.map((r) => r.id);
  return refuse(
    'REMEDY_NOT_FOUND',
    `Complaint ${state.reference} has no remedy ${shown(remedyId)}. ` +
      (known.length > 0
        ? `Its remedies are: ${known.join(', ')} (stage.number, in the order the response gave them).`
        : 'No remedies have been offered in a response yet.'),
    field,
  );
}

// An id as a message quotes it: whatever a caller outside TypeScript sent, never a crash.
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
