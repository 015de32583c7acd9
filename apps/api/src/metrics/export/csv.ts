// CSV as RFC 4180 has it: CRLF line ends, a field quoted when it holds a comma, a quote or a
// line break, quotes doubled inside. A text cell that a spreadsheet would run as a formula (one
// starting with = + - @, or a tab or carriage return before one) is prefixed with an apostrophe,
// so a category typed as "=HYPERLINK(...)" opens as the text it is.

export type CsvCell = string | number | boolean | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as written: numbers as themselves, absent values empty, text made inert. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
