// The few things every rendered part of a record bundle writes with pdfkit: a page, headings,
// labelled fields, paragraphs. Each part is a PDF of its own, merged afterwards (record-pdf.ts).
import { formatLocalDate, localDateOf } from '@redress/domain';
import PDFDocument from 'pdfkit';

export const PAGE_MARGINS = { top: 56, bottom: 64, left: 56, right: 56 } as const;
const INK = '#1b1b1b';
const ACCENT = '#1d4f91';
const MUTED = '#4a4a4a';
/** Space a heading needs below it on its page, so it is not left alone at the foot. */
const KEEP_WITH_NEXT = 80;

export type PartWriter = (doc: PDFKit.PDFDocument) => void;

/** A part laid out on A4 pages, as PDF bytes. */
export async function renderPart(title: string, write: PartWriter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    pdfVersion: '1.7',
    info: { Title: title, Creator: 'Redress' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  done.catch(() => undefined);
  doc.fillColor(INK);
  try {
    write(doc);
  } finally {
    doc.end();
  }
  return done;
}

export function heading(doc: PDFKit.PDFDocument, text: string, size = 16): void {
  keepWithNext(doc);
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(size).text(text);
  doc.fillColor(INK).moveDown(0.5);
}

export function subheading(doc: PDFKit.PDFDocument, text: string): void {
  keepWithNext(doc);
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(11.5).text(text);
  doc.moveDown(0.2);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(text);
  doc.moveDown(0.4);
}

export function muted(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Oblique').fontSize(9.5).fillColor(MUTED).text(text);
  doc.fillColor(INK).moveDown(0.4);
}

/** "Label: value" lines, the label in bold; empty values are left out. */
export function fields(
  doc: PDFKit.PDFDocument,
  rows: readonly (readonly [string, string | number | null | undefined])[],
): void {
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === '') continue;
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(String(value));
  }
  doc.moveDown(0.4);
}

/** An instant as a reader in the UK reads it: "Fri 6 Nov 2026, 10:00". */
export function when(instant: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${formatLocalDate(localDateOf(instant))}, ${time}`;
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function keepWithNext(doc: PDFKit.PDFDocument): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - KEEP_WITH_NEXT) doc.addPage();
}
