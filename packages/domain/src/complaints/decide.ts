import type { ComplaintCommand, ComplaintState, DecisionContext } from './complaint.types.js';
import {
  currentStage,
  type Decision,
  invalid,
  isOpen,
  notOpen,
  refuse,
  stepInstant,
  toUtc,
  type Step,
} from './decision.js';
import {
  decideAgreeAction,
  decideAnswerRemedy,
  decideCompleteAction,
  decidePayRemedy,
  decideUpdateOnAction,
} from './steps/actions.js';
import {
  decideAbsorbDuplicate,
  decideAddComplainant,
  decideMergeInto,
  decideRecordContractor,
} from './steps/case-record.js';
import {
  decideAutoClose,
  decideClose,
  decideRefuse,
  decideReopen,
  decideWithdraw,
} from './steps/ending.js';
import { decideEscalation, decideRefuseEscalation } from './steps/escalation.js';
import { decideLog } from './steps/log.js';
import { decideRecordLesson } from './steps/record-lesson.js';
import { decideRecordSatisfaction } from './steps/record-satisfaction.js';
import { decideRecordStage2Reviewers } from './steps/record-stage-2-reviewers.js';
import { decideDetermination, decideOrderCompliance, decideReferral } from './steps/ombudsman.js';
import {
  decideAcknowledge,
  decideAddPoint,
  decideAssign,
  decideExtend,
  decideRespond,
} from './steps/stage.js';

export { MAX_EXTENSION_WORKING_DAYS, MAX_STAGE_EXTENSION_WORKING_DAYS } from './steps/stage.js';

type CommandType = ComplaintCommand['type'];

/**
 * The steps that outlive the case. The resident may go to an ombudsman at any time, and what
 * it determines is followed through; a remedy promised is still delivered, updated on and paid
 * (Code 6.6, 7.3); a closed case can be re-opened, and a resident who was not satisfied at
 * stage 1 may still ask for stage 2 after it closed (6.10), which the landlord accepts or
 * refuses with reasons (5.11). Lessons are learnt from a case however it ended (Code 9), and
 * the resident's satisfaction is asked once it closed (record-satisfaction refuses the others
 * with its own reason).
 */
export const AFTER_THE_END: Readonly<
  Record<'closed' | 'withdrawn' | 'refused', readonly CommandType[]>
> = {
  closed: [...followThrough(), 'reopen', 'request-escalation', 'refuse-escalation'],
  withdrawn: [...followThrough(), 'reopen'],
  refused: [...followThrough(), 'reopen'],
};

function followThrough(): CommandType[] {
  return [
    'refer-to-ombudsman',
    'record-determination',
    'record-order-compliance',
    'complete-action',
    'update-on-action',
    'answer-remedy',
    'pay-remedy',
    'record-lesson',
    'record-satisfaction',
  ];
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

  if (!isOpen(state)) {
    const allowed = state.status === 'merged' ? [] : AFTER_THE_END[state.status as 'closed'];
    if (!allowed.includes(command.type)) return notOpen(state);
  }

  const step: Step = { state, context, at, stage: currentStage(state) };
  switch (command.type) {
    case 'assign':
      return decideAssign(step, command);
    case 'acknowledge':
      return decideAcknowledge(step, command);
    case 'extend':
      return decideExtend(step, command);
    case 'add-point':
      return decideAddPoint(step, command);
    case 'respond':
      return decideRespond(step, command);
    case 'request-escalation':
      return decideEscalation(step, command);
    case 'refuse-escalation':
      return decideRefuseEscalation(step, command);
    case 'agree-action':
      return decideAgreeAction(step, command);
    case 'complete-action':
      return decideCompleteAction(step, command);
    case 'update-on-action':
      return decideUpdateOnAction(step, command);
    case 'answer-remedy':
      return decideAnswerRemedy(step, command);
    case 'pay-remedy':
      return decidePayRemedy(step, command);
    case 'close':
      return decideClose(step);
    case 'auto-close':
      return decideAutoClose(step);
    case 'reopen':
      return decideReopen(step, command);
    case 'withdraw':
      return decideWithdraw(step, command);
    case 'refuse':
      return decideRefuse(step, command);
    case 'add-complainant':
      return decideAddComplainant(step, command);
    case 'record-contractor':
      return decideRecordContractor(step, command);
    case 'merge-into':
      return decideMergeInto(step, command);
    case 'absorb-duplicate':
      return decideAbsorbDuplicate(step, command);
    case 'refer-to-ombudsman':
      return decideReferral(step, command);
    case 'record-determination':
      return decideDetermination(step, command);
    case 'record-order-compliance':
      return decideOrderCompliance(step, command);
    case 'record-satisfaction':
      return decideRecordSatisfaction(step, command);
    case 'record-lesson':
      return decideRecordLesson(step, command);
    case 'record-stage-2-reviewers':
      return decideRecordStage2Reviewers(step, command);
    default:
      return unknownCommand(command);
  }
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
