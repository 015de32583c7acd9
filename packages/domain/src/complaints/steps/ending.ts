// How a case ends, and how it opens again: closing (by hand, or by Redress when a policy's
// window lapses), withdrawal, refusal to accept it (Code 2), and re-opening with a reason.
import { addCalendarDays, formatLocalDate } from '../../calendar/local-date.js';
import { refusalReasonsOf } from '../../policies/policy-defaults.js';
import { err, ok } from '../../shared/result.js';
import { autoCloseDueOn, reopenedSinceResponse } from '../closing-windows.js';
import { unpaidRemedies, unpaidSummary } from '../remedies.js';
import type {
  ComplaintState,
  RefuseComplaint,
  ReopenComplaint,
  StageState,
  WithdrawComplaint,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  invalid,
  noticeOf,
  noticeProblem,
  openActions,
  openActionsSummary,
  reasonProblem,
  refuse,
  type Step,
  when,
} from '../decision.js';
import { REFUSAL_REASON_LABELS, REFUSAL_REASONS, STATUS_LABELS } from '../labels.js';

export function decideClose({ state, context, at, stage }: Step): Decision {
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
  const unpaid = unpaidRemedies(state);
  if (stage.policy.closing.requireActionsComplete && unpaid.length > 0) {
    return refuse(
      'CLOSE_WITH_REMEDY_UNPAID',
      `${unpaidSummary(unpaid)} Policy "${stage.policy.name}" closes a complaint only once its ` +
        'remedies are followed through (Code 7.3): record the payment, or that the resident ' +
        'declined it, then close.',
    );
  }
  return ok([
    { type: 'complaint-closed', at, actor: context.actor, reason: 'resolved', automatic: false },
  ]);
}

export function decideAutoClose({ state, context, at, stage }: Step): Decision {
  const dueOn = autoCloseDueOn(state, { holidays: context.holidays });
  if (dueOn === null) {
    return refuse('AUTO_CLOSE_NOT_DUE', autoCloseNotDueReason(state, stage));
  }
  const today = dayOf(at);
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

export function decideWithdraw({ context, at }: Step, command: WithdrawComplaint): Decision {
  if (blank(command.reason)) {
    return invalid('reason', 'Record why the resident withdrew the complaint, in their words.');
  }
  return ok([{ type: 'complaint-withdrawn', at, actor: context.actor, reason: command.reason }]);
}

/**
 * Refusing to accept a complaint (Code 2.1–2.4) is a decision with evidence: a valid reason the
 * policy sets out, an explanation the resident can follow, the day and way they were told with
 * their right to go to the Ombudsman, and, for an issue over 12 months old, how discretion to
 * accept it anyway was weighed. Deadlines already missed stay missed (deriveDeadlines).
 */
export function decideRefuse(
  { state, context, at, stage }: Step,
  command: RefuseComplaint,
): Decision {
  if (!REFUSAL_REASONS.includes(command.reason)) {
    return invalid(
      'reason',
      `A complaint may be refused only for a valid reason (Code 2.1–2.4): one of ` +
        `${REFUSAL_REASONS.join(', ')}.`,
    );
  }
  const offered = refusalReasonsOf(stage.policy);
  if (!offered.includes(command.reason)) {
    return refuse(
      'REFUSAL_REASON_NOT_IN_POLICY',
      `Policy "${stage.policy.name}" does not set out "${REFUSAL_REASON_LABELS[command.reason]}" ` +
        'as a reason to refuse a complaint (Code 2.2). ' +
        (command.reason === 'third-party-service'
          ? "A contractor or agent acts on the landlord's behalf, so a complaint about one is the " +
            "landlord's (Code 1.2): record the contractor and handle the complaint. "
          : '') +
        `Its reasons are: ${offered.map((r) => `"${REFUSAL_REASON_LABELS[r]}"`).join(', ')}.`,
      'reason',
    );
  }
  const explanation = reasonProblem(
    'explanation',
    command.explanation,
    'Explain to the resident why the complaint is not taken on, and that they may take the ' +
      'decision to the Housing Ombudsman (Code 2.1, 2.4).',
  );
  if (explanation) return err(explanation);
  let discretionConsidered: string | null = null;
  if (command.reason === 'over-12-months-old') {
    const problem = reasonProblem(
      'discretionConsidered',
      command.discretionConsidered,
      'Record how you considered using discretion to accept the complaint anyway, where there ' +
        'is good reason (Code 2.3).',
    );
    if (problem) return err(problem);
    discretionConsidered = command.discretionConsidered ?? null;
  }
  const stage1 = state.stages[0];
  if (state.stage === 2 || (stage1 && stage1.respondedAt !== null)) {
    return refuse(
      'REFUSAL_AFTER_RESPONSE',
      'Stage 1 has been answered, so the complaint was taken on and can no longer be refused. ' +
        'Carry on with the process: escalate or close it, or refuse the escalation with reasons.',
    );
  }
  const notice = noticeProblem(command.notice, 'notice', {
    earliest: dayOf(state.receivedAt),
    today: dayOf(at),
    clause: '2.4',
  });
  if (notice) return err(notice);
  return ok([
    {
      type: 'complaint-refused',
      at,
      actor: context.actor,
      reason: command.reason,
      explanation: command.explanation,
      notice: noticeOf(command.notice),
      ...(discretionConsidered !== null ? { discretionConsidered } : {}),
    },
  ]);
}

/**
 * Opens an ended case again where it stood (a resident who comes back, the Ombudsman saying a
 * refusal was wrong, Code 2.4), with the reason recorded. Not an escalation: the stage stays.
 */
export function decideReopen({ state, context, at }: Step, command: ReopenComplaint): Decision {
  if (state.status === 'merged' || !ENDABLE.has(state.status)) {
    return refuse(
      'COMPLAINT_NOT_ENDED',
      state.status === 'merged'
        ? `Complaint ${state.reference} was merged into ${state.mergedInto?.reference ?? 'another'}` +
            ': carry on there.'
        : `Complaint ${state.reference} is ${STATUS_LABELS[state.status].toLowerCase()}, not ` +
            'ended: there is nothing to re-open.',
    );
  }
  const problem = reasonProblem('reason', command.reason, 'Record why the case is re-opened.');
  if (problem) return err(problem);
  return ok([{ type: 'complaint-reopened', at, actor: context.actor, reason: command.reason }]);
}

const ENDABLE = new Set<ComplaintState['status']>(['closed', 'withdrawn', 'refused']);

function autoCloseNotDueReason(state: ComplaintState, stage: StageState): string {
  if (state.status !== 'responded') {
    return (
      `Complaint ${state.reference} is ${STATUS_LABELS[state.status].toLowerCase()} at stage ` +
      `${stage.stage}; it can close automatically only after a response, when the resident ` +
      'has not come back in time.'
    );
  }
  if (stage.respondedAt !== null && reopenedSinceResponse(state, stage.respondedAt)) {
    const last = state.reopenings.at(-1);
    return (
      `Complaint ${state.reference} was re-opened${last ? ` on ${when(last.at)}` : ''} after ` +
      'its response, so it does not close by itself: close it by hand once it is settled.'
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
  // What remains: the window would have lapsed, but agreed actions or unpaid compensation hold
  // the case open.
  const unpaid = unpaidRemedies(state);
  if (openActions(state).length === 0 && unpaid.length > 0) {
    return (
      `${unpaidSummary(unpaid)} Policy "${name}" closes a complaint only once its remedies are ` +
      'followed through (Code 7.3): record the payment, or that the resident declined it.'
    );
  }
  return (
    `${openActionsSummary(openActions(state))} Policy "${name}" closes a complaint only once ` +
    'all agreed actions are complete: complete them, then it can close.'
  );
}
