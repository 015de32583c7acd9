// The bundle as one paginated PDF: an index of every part with the page it starts on, then the
// parts (record-pdf-parts.ts) merged with pdf-lib, each letter and PDF attachment page by page
// exactly as it is, and "<title> – Page n of m" at the foot of every page, below any page's own
// footer (a letter numbers its own pages too).
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { RecordBundle } from './record-bundle.js';
import { bundleParts, type PdfPart } from './record-pdf-parts.js';
import { fields, heading, paragraph, renderPart, when } from './record-pdf-layout.js';

export interface BundleCover {
  /** On the index page and at the foot of every page: "Case file CMP-2026-000123". */
  readonly title: string;
  readonly lines: readonly string[];
}

/** The most times the index is laid out again to find how many pages it takes itself. */
const INDEX_LAYOUT_ROUNDS = 5;
const STAMP_SIZE = 7.5;
const STAMP_FROM_FOOT = 14;

export async function recordBundlePdf(bundle: RecordBundle, cover: BundleCover): Promise<Buffer> {
  const parts = await bundleParts(bundle);
  const loaded = await Promise.all(parts.map((part) => PDFDocument.load(part.bytes)));
  const counts = loaded.map((pdf) => pdf.getPageCount());

  let indexPages = 1;
  let index = await indexPdf(bundle, cover, parts, counts, indexPages);
  for (let round = 0; round < INDEX_LAYOUT_ROUNDS; round += 1) {
    const pages = (await PDFDocument.load(index)).getPageCount();
    if (pages === indexPages) break;
    indexPages = pages;
    index = await indexPdf(bundle, cover, parts, counts, indexPages);
  }

  const out = await PDFDocument.create();
  out.setTitle(cover.title);
  out.setLanguage('en-GB');
  out.setCreator('Redress');
  out.setProducer('Redress');
  for (const source of [await PDFDocument.load(index), ...loaded]) {
    const copied = await out.copyPages(source, source.getPageIndices());
    for (const page of copied) out.addPage(page);
  }
  const font = await out.embedFont(StandardFonts.Helvetica);
  const pages = out.getPages();
  for (const [number, page] of pages.entries()) {
    const text = `${cover.title} – Page ${number + 1} of ${pages.length}`;
    const width = font.widthOfTextAtSize(text, STAMP_SIZE);
    page.drawText(text, {
      x: (page.getWidth() - width) / 2,
      y: STAMP_FROM_FOOT,
      size: STAMP_SIZE,
      font,
      color: rgb(0.2, 0.2, 0.2),
    });
  }
  return Buffer.from(await out.save());
}

/** Where each part starts, counting `indexPages` pages of index before the first. */
export function startPages(counts: readonly number[], indexPages: number): number[] {
  let next = indexPages + 1;
  return counts.map((count) => {
    const start = next;
    next += count;
    return start;
  });
}

async function indexPdf(
  bundle: RecordBundle,
  cover: BundleCover,
  parts: readonly PdfPart[],
  counts: readonly number[],
  indexPages: number,
): Promise<Buffer> {
  const starts = startPages(counts, indexPages);
  return renderPart(cover.title, (doc) => {
    heading(doc, cover.title, 20);
    for (const line of cover.lines) paragraph(doc, line);
    fields(doc, [
      ['Produced', when(bundle.producedAt)],
      ['By', bundle.producedBy.name ?? bundle.producedBy.id],
    ]);
    heading(doc, 'Index', 14);
    const { margins, width } = doc.page;
    const numberWidth = 40;
    for (const [position, part] of parts.entries()) {
      const indent = part.level === 1 ? 0 : 14;
      const textWidth = width - margins.left - margins.right - numberWidth - indent - 8;
      doc.font(part.level === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
      const lineHeight = doc.heightOfString(part.title, { width: textWidth });
      if (doc.y + lineHeight > doc.page.height - margins.bottom) doc.addPage();
      const top = doc.y;
      doc.text(part.title, margins.left + indent, top, { width: textWidth });
      const after = doc.y;
      doc.text(String(starts[position]), width - margins.right - numberWidth, top, {
        width: numberWidth,
        align: 'right',
      });
      doc.x = margins.left;
      doc.y = after + 3;
    }
  });
}
