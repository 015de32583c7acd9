import type { LetterDraft } from '@redress/domain';
import PDFDocument from 'pdfkit';
import { numberPages } from '../reports/report-pdf.js';
import {
  addressLines,
  dateLine,
  letterTitle,
  logoOf,
  paragraphsOf,
  translationNote,
} from './letter-document.js';

// A letter as a tagged PDF (pdfkit), as the annual report is: its title and language in the
// catalogue, headings and paragraphs in the structure tree for screen readers, page numbers as
// pagination artifacts. Large print sets the body at 16pt and headings larger (RNIB's range).

const MARGINS = { top: 56, bottom: 64, left: 64, right: 64 } as const;
const INK = '#1b1b1b';

export async function letterPdf(draft: LetterDraft): Promise<Buffer> {
  const size = draft.largePrint ? 16 : 11;
  const title = letterTitle(draft);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${title} (${draft.reference})`,
      Author: draft.landlordName,
      Creator: 'Redress',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  done.catch(() => undefined);

  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.fillColor(INK);
  const paragraph = (value: string, gap = 0.4) => {
    doc.text(value, { structParent: root, structType: 'P' });
    doc.moveDown(gap);
  };

  const logo = logoOf(draft);
  if (logo) {
    const figure = doc.struct('Figure', { alt: draft.landlordName });
    root.add(figure);
    doc.markStructureContent('Figure');
    doc.image(logo.bytes, doc.page.width - MARGINS.right - 140, MARGINS.top, {
      fit: [140, 56],
      align: 'right',
    });
    doc.endMarkedContent();
    figure.end();
  }
  doc.font('Helvetica-Bold').fontSize(size);
  paragraph(draft.landlordName, 1.5);
  doc.font('Helvetica');
  for (const line of addressLines(draft)) doc.text(line, { structParent: root, structType: 'P' });
  doc.moveDown(1);
  paragraph(dateLine(draft), 0.1);
  paragraph(`Our reference: ${draft.reference}`, 0.8);
  const note = translationNote(draft);
  if (note !== null) {
    doc.font('Helvetica-Bold');
    paragraph(note, 0.8);
    doc.font('Helvetica');
  }
  doc.font('Helvetica-Bold').fontSize(size + 5);
  doc.text(title, { structParent: root, structType: 'H1' });
  doc.moveDown(0.6);
  doc.font('Helvetica').fontSize(size);
  paragraph(`${draft.salutation},`);
  paragraph(draft.opening, 0.6);
  for (const part of draft.parts) {
    const sect = doc.struct('Sect');
    root.add(sect);
    if (doc.y > doc.page.height - MARGINS.bottom - size * 5) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(size + 1.5);
    doc.text(part.heading, { structParent: sect, structType: 'H2' });
    doc.moveDown(0.2);
    doc.font('Helvetica').fontSize(size);
    for (const line of paragraphsOf(part.text)) {
      doc.text(line, { structParent: sect, structType: 'P' });
      doc.moveDown(0.3);
    }
    doc.moveDown(0.3);
    sect.end();
  }
  paragraph(draft.closing, 0.8);
  paragraph('Yours sincerely,', 1.2);
  for (const line of [draft.signature.name, draft.signature.role, draft.landlordName]) {
    doc.text(line, { structParent: root, structType: 'P' });
  }
  root.end();
  numberPages(doc, draft.reference, 9);
  doc.end();
  return done;
}
