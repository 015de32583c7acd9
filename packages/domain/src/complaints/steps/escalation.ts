// Asking for stage 2, and declining to take a case there. The resident may ask whenever they
// are not satisfied with stage 1 (Code 6.10), with or without reasons (6.12), even after the
// case was closed; declining is a decision the landlord makes for a valid reason, tells the
// resident with their right to go to the Ombudsman, and records (5.11, 2.4).
import { formatLocalDate } from '../../calendar/local-date.js';
import { refusalReasonsOf } from '../../policies/policy-defaults.js';
import { err, ok } from '../../shared/result.js';
import { escalationWindowEndsOn } from '../closing-windows.js';
import type {
  EscalationRefusalReason,
  RefuseEscalation,
  RequestEscalation,
  StageState,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  days,
  invalid,
  noticeOf,
  noticeProblem,
  reasonProblem,
  refuse,
  type Step,
} from '../decision.js';
import { ESCALATION_REFUSAL_REASON_LABELS } from '../labels.js';

export function decideEscalation(step: Step, command: RequestEscalation): Decision {
  const { state, context, at, stage } = step;
  const refused = notEscalatable(step);
  if (refused) return refused;
  // Asked for, recorded, never required (Code 6.12), whatever the policy's wording asks.
  const reason = blank(command.reason) ? null : (command.reason ?? null);
  const lateReason = blank(command.lateReason) ? null : (command.lateReason ?? null);
  const lastDay = escalationWindowEndsOn(state, { holidays: context.holidays });
  if (lastDay !== null && dayOf(at) > lastDay && lateReason === null) {
    const window = stage.policy.escalation.window;
    const rule = window ? ` (${days(window.length, window.unit)} after the stage 1 response)` : '';
    return refuse(
      'ESCALATION_OUT_OF_TIME',
      `Policy "${stage.policy.name}" gives the resident until ${formatLocalDate(lastDay)}${rule} ` +
        `to ask for stage 2; this request is dated ${formatLocalDate(dayOf(at))}. The Code sets ` +
        'no time limit, so decide it: accept it, recording why (lateReason), or refuse the ' +
        "escalation with its reasons and the Ombudsman's details (Code 5.11, 2.4).",
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
      ...(state.status === 'closed' ? { reopened: true } : {}),
    },
  ]);
}

export function decideRefuseEscalation(step: Step, command: RefuseEscalation): Decision {
  const { state, context, at, stage } = step;
  const refused = notEscalatable(step);
  if (refused) return refused;
  const valid = validReasons(step, stage);
  if (!valid.includes(command.reason)) {
    return invalid(
      'reason',
      'An escalation is refused only for a valid reason under section 2 of the Code (5.11): ' +
        `here, one of ${valid.map((r) => `"${ESCALATION_REFUSAL_REASON_LABELS[r]}"`).join(', ')}. ` +
        (command.reason === 'out-of-time'
          ? "The request is within the policy's time for asking, so it is not out of time."
          : ''),
    );
  }
  const explanation = reasonProblem(
    'explanation',
    command.explanation,
    'Explain to the resident why stage 2 is refused, and that they may take the decision to ' +
      'the Housing Ombudsman (Code 2.4).',
  );
  if (explanation) return err(explanation);
  const stage1Answered = state.stages[0]?.respondedAt ?? stage.startedAt;
  const notice = noticeProblem(command.notice, 'notice', {
    earliest: dayOf(stage1Answered),
    today: dayOf(at),
    clause: '2.4, 5.11',
  });
  if (notice) return err(notice);
  return ok([
    {
      type: 'escalation-refused',
      at,
      actor: context.actor,
      reason: command.reason,
      explanation: command.explanation,
      notice: noticeOf(command.notice),
    },
  ]);
}

/** What stops either step: not at stage 1, stage 1 not answered. */
function notEscalatable({ stage }: Step): Decision | null {
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
  return null;
}

/**
 * The Code's grounds the stage 1 policy sets out, and "out of time" once the policy's window for
 * asking has passed. A landlord's own further grounds (seed 001's "we followed policy") are
 * never offered: they are flagged on the policy instead.
 */
function validReasons({ state, context, at }: Step, stage: StageState): EscalationRefusalReason[] {
  const reasons: EscalationRefusalReason[] = [...refusalReasonsOf(stage.policy)];
  const lastDay = escalationWindowEndsOn(state, { holidays: context.holidays });
  if (lastDay !== null && dayOf(at) > lastDay) reasons.push('out-of-time');
  return reasons;
}
