import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportDocument, ReportTable } from './report-document.js';

// A report as a tagged PDF (pdfkit): a title and language in the document's catalogue, the
// title shown in the window's bar, a structure tree of headings, paragraphs and tables with
// header cells scoped to their column or row (what screen readers read), bookmarks for the
// sections, and page numbers marked as pagination artifacts so they are not read as text.

const A4_MARGINS = { top: 56, bottom: 64, left: 56, right: 56 } as const;
const INK = '#1b1b1b';
const ACCENT = '#1d4f91';
const HEADER_FILL = '#e8eef7';
const RULE = '#6b6b6b';
/** Space a heading needs below it on its page, so it is not left alone at the foot. */
const KEEP_WITH_NEXT = 90;

/** pdfkit tags a table and scopes its header cells when given these (its typings lag). */
type TaggedTableOptions = PDFKit.Mixins.TableOptions & {
  readonly structParent: PDFKit.PDFStructureElement;
};
type ScopedCell = PDFKit.Mixins.CellOptions & { readonly scope?: 'column' | 'row' };

/**
 * How many table rows are laid out between turns of the event loop: laying out text is
 * synchronous, and a year's tables take about a second, which other requests should not wait
 * behind.
 */
const ROWS_PER_TURN = 8;

export async function reportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: A4_MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: report.language,
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${report.title}, ${report.subtitle}`,
      Subject: report.subtitle,
      Creator: 'Redress',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Awaited at the end; until then an error mid-layout is not to be reported as unhandled.
  done.catch(() => undefined);

  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.fillColor(INK);
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(report.title, { structParent: root, structType: 'H1' });
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(13).text(report.subtitle, { structParent: root, structType: 'P' });
  doc.moveDown(0.6);
  doc.fontSize(10.5);
  for (const line of report.preface) {
    doc.text(line, { structParent: root, structType: 'P' });
    doc.moveDown(0.5);
  }

  for (const section of report.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    keepWithNext(doc);
    doc.moveDown(0.8);
    doc.outline.addItem(section.heading);
    doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(15);
    doc.text(section.heading, { structParent: sect, structType: 'H2' });
    doc.fillColor(INK).moveDown(0.4);
    for (const block of section.blocks) await renderBlock(doc, sect, block);
    sect.end();
  }
  root.end();

  numberPages(doc, report.title);
  doc.end();
  return done;
}

async function renderBlock(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  block: ReportBlock,
): Promise<void> {
  switch (block.kind) {
    case 'paragraph':
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .text(block.text, { structParent: parent, structType: 'P' });
      doc.moveDown(0.6);
      return;
    case 'subheading':
      keepWithNext(doc);
      doc.moveDown(0.3);
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(block.text, { structParent: parent, structType: 'H3' });
      doc.moveDown(0.3);
      return;
    case 'table':
      await renderTable(doc, parent, block);
      return;
  }
}

async function renderTable(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  table: ReportTable,
): Promise<void> {
  keepWithNext(doc);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(table.caption, { structParent: parent, structType: 'Caption' });
  doc.moveDown(0.25);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const weights = table.columns.map((column) => column.weight ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const align = (index: number) => (table.columns[index]?.numeric ? 'right' : 'left');
  const head: ScopedCell[] = table.columns.map((column, index) => ({
    text: column.heading,
    type: 'TH',
    scope: 'column',
    font: { src: 'Helvetica-Bold' },
    backgroundColor: HEADER_FILL,
    align: { x: align(index), y: 'top' },
  }));
  const body: ScopedCell[][] = table.rows.map((row) =>
    row.map((cell, index) =>
      index === 0
        ? { text: cell, type: 'TH', scope: 'row', font: { src: 'Helvetica-Bold' } }
        : { text: cell, type: 'TD', align: { x: align(index), y: 'top' } },
    ),
  );
  const options: TaggedTableOptions = {
    structParent: parent,
    columnStyles: weights.map((weight) => ({ width: (width * weight) / total })),
    defaultStyle: {
      border: 0.5,
      borderColor: RULE,
      padding: { top: 3, bottom: 3, left: 4, right: 4 },
    },
  };
  doc.font('Helvetica').fontSize(9.5);
  const rows = doc.table(options).row(head);
  for (const [index, row] of body.entries()) {
    rows.row(row);
    if ((index + 1) % ROWS_PER_TURN === 0) await nextTurn();
  }
  rows.end();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function keepWithNext(doc: PDFKit.PDFDocument): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - KEEP_WITH_NEXT) doc.addPage();
}

/**
 * "<title> – page n of m" at the foot of every page, outside the structure (a pagination
 * artifact); the letters' PDFs number their pages the same way.
 */
export function numberPages(doc: PDFKit.PDFDocument, title: string, fontSize = 8.5): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // Writing below the bottom margin would start a new page: lift the margin while writing.
    margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Helvetica')
      .fontSize(fontSize)
      .fillColor(INK)
      .text(
        `${title} – page ${index + 1} of ${range.count}`,
        margins.left,
        height - bottom / 2 - 6,
        {
          width: width - margins.left - margins.right,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}
