// TP09: "Proportion of respondents, who have made a complaint in the last 12 months, who report
// that they are satisfied with their landlord's approach to complaints handling". The answers
// are the five-point scale of the TSM Tenant Survey Requirements; satisfied is "very" or
// "fairly" satisfied.
import type { SatisfactionAnswer, SurveyAnswer, SurveyCounts } from './metrics.types.js';

export const SATISFACTION_ANSWERS: readonly SatisfactionAnswer[] = Object.freeze([
  'very-satisfied',
  'fairly-satisfied',
  'neither',
  'fairly-dissatisfied',
  'very-dissatisfied',
]);

export const SATISFACTION_ANSWER_LABELS: Readonly<Record<SatisfactionAnswer, string>> =
  Object.freeze({
    'very-satisfied': 'Very satisfied',
    'fairly-satisfied': 'Fairly satisfied',
    neither: 'Neither satisfied nor dissatisfied',
    'fairly-dissatisfied': 'Fairly dissatisfied',
    'very-dissatisfied': 'Very dissatisfied',
  });

export function isSatisfied(answer: SatisfactionAnswer): boolean {
  return answer === 'very-satisfied' || answer === 'fairly-satisfied';
}

/**
 * TP09's respondents and satisfied: only those who said they complained in the last 12 months
 * and answered the question count. A response without an answer (skipped, "don't know") is in
 * neither count, as the Tenant Survey Requirements leave such responses out of the base.
 */
export function surveyCounts(responses: Iterable<SurveyAnswer>): SurveyCounts {
  let respondents = 0;
  let satisfied = 0;
  for (const response of responses) {
    if (!response.complainedInLast12Months || response.complaintHandling === null) continue;
    respondents += 1;
    if (isSatisfied(response.complaintHandling)) satisfied += 1;
  }
  return { respondents, satisfied };
}
