// A survey file as the console reads it before sending: papaparse splits the CSV (quoted
// fields, commas and line breaks inside them, a byte-order mark from spreadsheet exports), and
// each row is checked here so every error is shown against its row before anything is sent.
// The API checks the same again and refuses a call with any bad row.
import { isLocalDate, SATISFACTION_ANSWER_LABELS, SATISFACTION_ANSWERS } from '@redress/domain';
import Papa from 'papaparse';
import { enumNameOf } from '../complaints/steps/choices';
import type { SurveyResponseInput } from './measures.types';

export const SURVEY_COLUMNS = [
  'respondent',
  'tenure',
  'answered_on',
  'complained_in_last_12_months',
  'complaint_handling',
] as const;

/** The most rows one file may hold: ten calls of the API's largest. */
export const MAX_SURVEY_ROWS = 100_000;
const MAX_RESPONDENT_LENGTH = 100;

export interface SurveyRow {
  /** The row's line in the file, counting the header as line 1. */
  line: number;
  values: Record<string, string>;
  response: SurveyResponseInput | null;
  problems: string[];
}

export interface SurveyFile {
  /** Problems with the file as a whole (a missing column, too many rows). */
  problems: string[];
  rows: SurveyRow[];
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const TENURES = new Set(['LCRA', 'LCHO', 'OTHER']);

/** An answer written as the scale's key, its label or the API's name: "Fairly satisfied". */
const ANSWERS = new Map<string, string>();
for (const answer of SATISFACTION_ANSWERS) {
  const name = enumNameOf(answer);
  for (const spelling of [answer, SATISFACTION_ANSWER_LABELS[answer], name]) {
    ANSWERS.set(spelling.trim().toLowerCase(), name);
  }
}

function checkRow(line: number, values: Record<string, string>): SurveyRow {
  const problems: string[] = [];
  const respondent = (values.respondent ?? '').trim();
  if (!respondent) problems.push('respondent is empty');
  else if (respondent.length > MAX_RESPONDENT_LENGTH)
    problems.push(`respondent is longer than ${MAX_RESPONDENT_LENGTH} characters`);
  const tenure = (values.tenure ?? '').trim().toUpperCase();
  if (!TENURES.has(tenure)) problems.push('tenure must be LCRA, LCHO or OTHER');
  const answeredOn = (values.answered_on ?? '').trim();
  if (!isLocalDate(answeredOn)) problems.push('answered_on must be a date written YYYY-MM-DD');
  const complainedText = (values.complained_in_last_12_months ?? '').trim().toLowerCase();
  const complained = YES.has(complainedText) ? true : NO.has(complainedText) ? false : undefined;
  if (complained === undefined) problems.push('complained_in_last_12_months must be yes or no');
  const handlingText = (values.complaint_handling ?? '').trim().toLowerCase();
  const handling = handlingText === '' ? null : (ANSWERS.get(handlingText) ?? undefined);
  if (handling === undefined) {
    problems.push(
      `complaint_handling must be empty or one of: ${SATISFACTION_ANSWERS.map((a) => SATISFACTION_ANSWER_LABELS[a]).join(', ')}`,
    );
  }
  const response: SurveyResponseInput | null =
    problems.length === 0
      ? {
          respondent,
          tenure: tenure as SurveyResponseInput['tenure'],
          answeredOn,
          complainedInLast12Months: complained!,
          complaintHandling: handling ?? null,
        }
      : null;
  return { line, values, response, problems };
}

/** Reads a survey CSV's text into rows, each checked. */
export function parseSurveyCsv(text: string): SurveyFile {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = SURVEY_COLUMNS.filter((column) => !headers.includes(column));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`The file has no column ${missing.join(', ')}.`);
  if (parsed.data.length === 0) problems.push('The file has no rows under its header.');
  if (parsed.data.length > MAX_SURVEY_ROWS) {
    problems.push(`The file has ${parsed.data.length} rows; at most ${MAX_SURVEY_ROWS} at a time.`);
  }
  for (const error of parsed.errors) {
    // A row with too few or too many fields is reported against that row below.
    if (error.type !== 'FieldMismatch') problems.push(`${error.message}.`);
  }
  if (missing.length > 0) return { problems, rows: [] };
  const mismatched = new Set(
    parsed.errors.filter((e) => e.type === 'FieldMismatch').map((e) => e.row),
  );
  const rows = parsed.data.map((values, index) => {
    const row = checkRow(index + 2, values);
    if (mismatched.has(index)) {
      row.problems.unshift(`the row does not have ${SURVEY_COLUMNS.length} fields`);
      row.response = null;
    }
    return row;
  });
  return { problems, rows };
}

/** The rows in chunks of at most `size` (the API takes at most 5,000 a call). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
