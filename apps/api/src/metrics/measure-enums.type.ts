// What the measures' operations share in the schema: the perception survey's answers, and the
// reporting years they accept.
import { SATISFACTION_ANSWERS, SATISFACTION_ANSWER_LABELS } from '@redress/domain';
import { BadUserInputError } from '../errors/app-errors.js';
import { registerDomainEnum } from '../scalars/graphql-enum.js';

export const SatisfactionAnswerEnum = registerDomainEnum(
  SATISFACTION_ANSWERS,
  'SatisfactionAnswer',
  "The perception survey's five-point answer to how satisfied the respondent is with the landlord's approach to complaints handling (TP09).",
  SATISFACTION_ANSWER_LABELS,
);

/** The reporting years the measures take, named by the year they start in (1 April). */
export const FIRST_REPORTING_YEAR = 2000;
export const LAST_REPORTING_YEAR = 2100;

/** BAD_USER_INPUT naming `field` unless `year` is a reporting year the measures take. */
export function checkReportingYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < FIRST_REPORTING_YEAR || year > LAST_REPORTING_YEAR) {
    throw new BadUserInputError(
      `${field} must be a reporting year from ${FIRST_REPORTING_YEAR} to ${LAST_REPORTING_YEAR}, named by the year it starts in (2026 is 1 April 2026 to 31 March 2027); ${String(year)} is not.`,
      field,
    );
  }
}
