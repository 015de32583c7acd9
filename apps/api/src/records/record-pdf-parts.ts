// What a record bundle's PDF is made of, in order: for each case its facts, timeline, deadlines,
// each letter as issued, notes, contact log, the list of its files and the files that can be shown
// as pages, and its policy. Each part is PDF bytes with the title the index gives it.
import { formatLocalDate } from '@redress/domain';
import { PDFDocument } from 'pdf-lib';
import type { AttachmentRecordEntry, CaseRecord, RecordBundle } from './record-bundle.js';
import { muted, paragraph, heading, renderPart } from './record-pdf-layout.js';
import {
  attachmentsSection,
  deadlinesSection,
  factsSection,
  imageSection,
  notesSection,
  policySection,
  timelineSection,
  type AttachmentPlacement,
} from './record-pdf-sections.js';

export interface PdfPart {
  readonly title: string;
  /** 1: a case; 2: a section of it. */
  readonly level: 1 | 2;
  readonly bytes: Buffer;
}

/** Images pdfkit can lay out as they are; other images are supplied separately. */
const PAGE_IMAGES = new Set(['image/jpeg', 'image/png']);

export async function bundleParts(bundle: RecordBundle): Promise<PdfPart[]> {
  if (bundle.cases.length === 0) {
    const title = 'Nothing is held';
    return [
      {
        title,
        level: 1,
        bytes: await renderPart(title, (doc) => {
          heading(doc, title, 18);
          paragraph(
            doc,
            `Redress holds no complaint, letter, note, contact or file about the person found by ${bundle.subject}.`,
          );
          muted(
            doc,
            'Searched by the resident key of each detail given (the email address, else the phone number, else the name and address), as the case records them.',
          );
        }),
      },
    ];
  }
  const parts: PdfPart[] = [];
  for (const record of bundle.cases) parts.push(...(await caseParts(record)));
  return parts;
}

async function caseParts(record: CaseRecord): Promise<PdfPart[]> {
  const ref = record.reference;
  const rendered = async (
    title: string,
    level: 1 | 2,
    writer: Parameters<typeof renderPart>[1],
  ): Promise<PdfPart> => ({ title, level, bytes: await renderPart(title, writer) });

  const parts: PdfPart[] = [
    await rendered(`${ref}: the case`, 1, factsSection(`${ref}: the case`, record)),
    await rendered(`${ref}: timeline`, 2, timelineSection(`${ref}: timeline`, record)),
    await rendered(
      `${ref}: deadlines and how each was counted`,
      2,
      deadlinesSection(`${ref}: deadlines and how each was counted`, record),
    ),
  ];
  for (const letter of record.letters) {
    parts.push({
      title: `${ref}: letter, ${letter.title}, dated ${formatLocalDate(letter.issuedOn)} (as issued)`,
      level: 2,
      bytes: letter.pdf,
    });
  }
  parts.push(
    await rendered(
      `${ref}: notes`,
      2,
      notesSection(`${ref}: notes`, record.notes, 'No internal notes are recorded on the case.'),
    ),
    await rendered(
      `${ref}: contact log`,
      2,
      notesSection(`${ref}: contact log`, record.contacts, 'No contacts are recorded on the case.'),
    ),
  );
  const placed: { entry: AttachmentRecordEntry; placement: AttachmentPlacement }[] = [];
  const pages: PdfPart[] = [];
  for (const entry of record.attachments) {
    const page = await attachmentPages(ref, entry);
    placed.push({ entry, placement: page ? 'included' : 'separately' });
    if (page) pages.push(page);
  }
  parts.push(
    await rendered(`${ref}: attachments`, 2, attachmentsSection(`${ref}: attachments`, placed)),
    ...pages,
    await rendered(
      `${ref}: policy in force and its departures from the Code`,
      2,
      policySection(`${ref}: policy in force and its departures from the Code`, record),
    ),
  );
  return parts;
}

/**
 * A PDF attachment's own pages, or an image on a page; null for any other file, and for a PDF
 * or image that cannot be read (encrypted, damaged): those are supplied separately.
 */
async function attachmentPages(ref: string, entry: AttachmentRecordEntry): Promise<PdfPart | null> {
  const title = `${ref}: attachment, ${entry.fileName}`;
  if (entry.contentType === 'application/pdf') {
    try {
      const pdf = await PDFDocument.load(entry.content);
      return pdf.getPageCount() > 0 ? { title, level: 2, bytes: entry.content } : null;
    } catch {
      return null;
    }
  }
  if (PAGE_IMAGES.has(entry.contentType)) {
    try {
      return { title, level: 2, bytes: await renderPart(title, imageSection(title, entry)) };
    } catch {
      return null;
    }
  }
  return null;
}
