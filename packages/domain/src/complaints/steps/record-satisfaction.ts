// Transactional satisfaction (seed 002: "a minimum score of 6.5 out of 10 on how we handled
// your complaint"): the resident's score for the handling of this complaint, asked once it has
// closed. A later answer replaces the earlier one; the history keeps both.
import { ok } from '../../shared/result.js';
import type { RecordSatisfaction } from '../complaint.types.js';
import { blank, type Decision, invalid, refuse, type Step } from '../decision.js';
import { STATUS_LABELS } from '../labels.js';

/** The scale of the score: whole numbers from 0 (not at all satisfied) to 10 (entirely). */
export const SATISFACTION_SCORE_MIN = 0;
export const SATISFACTION_SCORE_MAX = 10;

export function isSatisfactionScore(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= SATISFACTION_SCORE_MIN &&
    value <= SATISFACTION_SCORE_MAX
  );
}

export function decideRecordSatisfaction(
  { state, context, at }: Step,
  command: RecordSatisfaction,
): Decision {
  if (state.status !== 'closed') {
    return refuse(
      'COMPLAINT_NOT_CLOSED',
      `Complaint ${state.reference} is ${STATUS_LABELS[state.status].toLowerCase()}, not ` +
        "closed. The resident's satisfaction with how it was handled is recorded once the " +
        'complaint has closed.',
    );
  }
  if (!isSatisfactionScore(command.score)) {
    return refuse(
      'SATISFACTION_SCORE_INVALID',
      `The score must be a whole number from ${SATISFACTION_SCORE_MIN} to ` +
        `${SATISFACTION_SCORE_MAX}, as the resident gave it (${SATISFACTION_SCORE_MAX}: entirely ` +
        'satisfied with how the complaint was handled).',
      'score',
    );
  }
  const { comment } = command;
  if (comment != null && typeof comment !== 'string') {
    return invalid('comment', "The resident's comment must be text, or left out.");
  }
  return ok([
    {
      type: 'satisfaction-recorded',
      at,
      actor: context.actor,
      score: command.score,
      comment: blank(comment) ? null : (comment as string).trim(),
    },
  ]);
}
