import {
  SATISFACTION_ANSWERS,
  TENURES,
  isSupportedDate,
  localDateOf,
  reportingYearOf,
  unsupportedDateMessage,
  type LocalDate,
  type SatisfactionAnswer,
  type Tenure,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { Transactions } from '../database/transactions.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import { recordedByOf } from './homes.service.js';
import { checkReportingYear } from './measure-enums.type.js';
import type {
  SurveyRepository,
  SurveyResponseFilter,
  SurveyResponseInputRow,
  SurveyResponseOrder,
  SurveyResponseRecord,
} from './survey.repository.js';

export type { SurveyResponseFilter, SurveyResponseOrder } from './survey.repository.js';

/** The most responses one call may import: a large landlord's year of the survey. */
// Every call this allows fits in the 1 MiB a request body may be (about 7,000 rows of the
// input's shape), so the limit means the same to a caller over HTTP as to the service.
export const MAX_SURVEY_RESPONSES = 5_000;
/** Rows per statement: one multi-row insert each, all in the call's one transaction. */
const CHUNK = 2_000;
/**
 * A survey's id for whoever answered, e.g. `R-00123`: letters, digits and `.-_/:`, no spaces, so
 * that a name cannot be imported in its place.
 */
const RESPONDENT = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

export interface SurveyResponseInput {
  readonly respondent: string;
  readonly tenure: Tenure;
  readonly answeredOn: LocalDate;
  readonly complainedInLast12Months: boolean;
  readonly complaintHandling: SatisfactionAnswer | null;
}

export interface SurveyImport {
  /** Responses new to Redress, or whose answers changed. */
  readonly recorded: number;
  /** Responses stored already with the same answers. */
  readonly unchanged: number;
}

/** The perception survey's responses, TP09's source. */
export class SurveyService {
  constructor(
    readonly repository: SurveyRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Imports responses, all or none: every row is checked before any is written, and the first
   * bad one refuses the call, naming its index and field. A response is known by its respondent
   * and the day answered: importing the same one again leaves it unchanged, a changed answer
   * replaces the stored one.
   */
  async record(by: Principal, responses: readonly SurveyResponseInput[]): Promise<SurveyImport> {
    requirePermission(by, 'surveys:write');
    if (responses.length > MAX_SURVEY_RESPONSES) {
      throw new BadUserInputError(
        `At most ${MAX_SURVEY_RESPONSES.toLocaleString('en-GB')} responses a call; this one has ${responses.length.toLocaleString('en-GB')}. Nothing was recorded: send them in several calls.`,
        'responses',
      );
    }
    const today = localDateOf(this.clock.now());
    const rows = distinctRows(responses.map((response, index) => checked(response, index, today)));
    let recorded = 0;
    if (rows.length > 0) {
      const at = this.clock.now();
      const who = recordedByOf(by);
      await this.transactions.run(async (tx) => {
        for (let start = 0; start < rows.length; start += CHUNK) {
          recorded += await this.repository.upsert(tx, rows.slice(start, start + CHUNK), at, who);
        }
      });
    }
    return { recorded, unchanged: responses.length - recorded };
  }

  /** A page of a reporting year's responses, latest answered first unless ordered otherwise. */
  async list(
    by: Principal,
    filter: SurveyResponseFilter,
    order: SurveyResponseOrder,
    request: PageRequest,
  ): Promise<Page<SurveyResponseRecord>> {
    requirePermission(by, 'measures:read');
    checkReportingYear(filter.year);
    return pageOf(request, {
      cursorList: ['surveyResponses', String(filter.year), order.field, order.direction],
      read: (window) => this.repository.findPage(filter, order, window),
      count: () => this.repository.countUpTo(filter, COUNT_BOUND),
    });
  }
}

/** The row to store, or BAD_USER_INPUT naming the row's index and field. */
function checked(
  response: SurveyResponseInput,
  index: number,
  today: LocalDate,
): SurveyResponseInputRow {
  const refuse = (field: string, message: string): never => {
    throw new BadUserInputError(
      `responses[${index}].${field}: ${message} Nothing was recorded.`,
      `responses[${index}].${field}`,
    );
  };
  const respondent = typeof response.respondent === 'string' ? response.respondent.trim() : '';
  if (!RESPONDENT.test(respondent)) {
    refuse(
      'respondent',
      "must be the survey's id for the respondent (e.g. R-00123): 1 to 64 letters, digits and . - _ / :, with no spaces; never a name.",
    );
  }
  if (!TENURES.includes(response.tenure)) {
    refuse('tenure', `must be one of ${TENURES.join(', ')}.`);
  }
  const { answeredOn } = response;
  if (!isSupportedDate(answeredOn)) {
    refuse('answeredOn', unsupportedDateMessage('The date', String(answeredOn)));
  }
  if (answeredOn > today) {
    refuse(
      'answeredOn',
      `${answeredOn} is after today (${today}): a response is imported once given.`,
    );
  }
  if (typeof response.complainedInLast12Months !== 'boolean') {
    refuse('complainedInLast12Months', 'must be true or false.');
  }
  const handling = response.complaintHandling;
  if (handling !== null && !SATISFACTION_ANSWERS.includes(handling)) {
    refuse('complaintHandling', `must be one of ${SATISFACTION_ANSWERS.join(', ')}, or null.`);
  }
  return {
    respondent,
    tenure: response.tenure,
    answeredOn,
    reportingYear: reportingYearOf(answeredOn),
    complainedInLast12Months: response.complainedInLast12Months,
    complaintHandling: handling,
  };
}

/**
 * The rows once each: a response repeated in the call as it was is stored once (the repeat is
 * unchanged), and one repeated with another answer refuses the call, as which to keep is unclear.
 */
function distinctRows(rows: readonly SurveyResponseInputRow[]): SurveyResponseInputRow[] {
  const seen = new Map<string, { index: number; row: SurveyResponseInputRow }>();
  rows.forEach((row, index) => {
    const key = `${row.respondent}\u0000${row.answeredOn}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, { index, row });
      return;
    }
    const same =
      earlier.row.tenure === row.tenure &&
      earlier.row.complainedInLast12Months === row.complainedInLast12Months &&
      earlier.row.complaintHandling === row.complaintHandling;
    if (!same) {
      throw new BadUserInputError(
        `responses[${index}].respondent: ${row.respondent} answering on ${row.answeredOn} is also responses[${earlier.index}], with other answers: keep one of them. Nothing was recorded.`,
        `responses[${index}].respondent`,
      );
    }
  });
  return [...seen.values()].map(({ row }) => row);
}
