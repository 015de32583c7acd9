// A report as headings, paragraphs and tables, before it is HTML or PDF: both are made from one
// document, so the printable page and the PDF hold the same sections in the same words.

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string }
  | ReportTable;

/**
 * A table whose first column heads each row (`<th scope="row">`). Numeric columns are aligned
 * right. A table is never empty: a section with nothing to list says so in a paragraph instead.
 */
export interface ReportTable {
  readonly kind: 'table';
  readonly caption: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly string[])[];
}

export interface ReportColumn {
  readonly heading: string;
  readonly numeric?: boolean;
  /** A share of the width, relative to the other columns (default 1). */
  readonly weight?: number;
}

export interface ReportSection {
  /** An id for links within the document (the HTML's contents list). */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  /** BCP 47: the HTML's lang and the PDF's /Lang. */
  readonly language: string;
  /** Lines under the title: when it was prepared, what it covers. */
  readonly preface: readonly string[];
  readonly sections: readonly ReportSection[];
}

export function paragraph(text: string): ReportBlock {
  return { kind: 'paragraph', text };
}

export function subheading(text: string): ReportBlock {
  return { kind: 'subheading', text };
}

/** A table of the rows, or the sentence that says there are none. */
export function tableOr(
  empty: string,
  caption: string,
  columns: readonly ReportColumn[],
  rows: readonly (readonly string[])[],
): ReportBlock {
  return rows.length === 0 ? paragraph(empty) : { kind: 'table', caption, columns, rows };
}
