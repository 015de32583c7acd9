// The Ombudsman's case file through the API: one PDF with an index whose page numbers are
// right, each letter exactly as issued, the files that can be pages, the rest listed, a page
// number on every page, who may have it, and the security log's entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReading } from '../reports/pdf-reading.js';
import { pdfBytes, pngBytes } from '../test/attachment-files.js';
import { gqlData } from '../test/graphql-client.js';
import { GIF_BYTES, LETTER_HEADING, recordCase, type RecordCase } from '../test/record-case.js';
import { newPartnerKey, signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;
let analyst: SignedInUser;
let theCase: RecordCase;
let reading: PdfReading;
const ATTACHED_PDF_TEXT = 'Photo report from the surveyor, 12 November';

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-20T10:00:00Z' });
  analyst = await signInNewUser(api.services, 'ANALYST');
  theCase = await recordCase(
    api,
    { name: 'Jordan Ellis', type: 'TENANT', email: 'jordan.ellis@example.org' },
    [
      { name: 'surveyor-report.pdf', content: await pdfBytes(ATTACHED_PDF_TEXT) },
      { name: 'mould.png', content: pngBytes(40, 30) },
      { name: 'animation.gif', content: GIF_BYTES },
    ],
  );
  const response = await fetch(`${api.baseUrl}/records/case-file/${theCase.id}.pdf`, {
    headers: api.admin.headers,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('cache-control')).toBe('no-store');
  reading = await readPdf(new Uint8Array(await response.arrayBuffer()));
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

/** The page the index gives for the entry that starts with `title`. */
function indexedPage(title: string): number {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^]*? (\\d+)(?: |$)`).exec(reading.pages[0] ?? '');
  if (!match) throw new Error(`The index has no entry "${title}": ${reading.pages[0]}`);
  return Number(match[1]);
}

describe('the case file for the Ombudsman', () => {
  it('starts with an index whose every page number is the page its section starts on', () => {
    const ref = theCase.reference;
    expect(reading.pages[0]).toContain(`Case file ${ref}`);
    expect(reading.pages[0]).toContain('Index');
    const sections = [
      `${ref}: the case`,
      `${ref}: timeline`,
      `${ref}: deadlines and how each was counted`,
      `${ref}: notes`,
      `${ref}: contact log`,
      `${ref}: attachments`,
      `${ref}: policy in force and its departures from the Code`,
    ];
    const pages = sections.map(indexedPage);
    for (const [position, section] of sections.entries()) {
      expect(reading.pages[(pages[position] ?? 0) - 1]).toContain(section);
    }
    // In the order listed, each after the one before.
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages[0]).toBe(2);
  });

  it('holds the letter exactly as issued, at the page the index gives', async () => {
    const letter = await fetch(`${api.baseUrl}/letters/${theCase.letterId}.pdf`, {
      headers: api.admin.headers,
    });
    const issued = await readPdf(new Uint8Array(await letter.arrayBuffer()));
    const page = indexedPage(
      `${theCase.reference}: letter, Stage 1 acknowledgement, dated Mon 9 Nov 2026 (as issued)`,
    );
    for (const [offset, text] of issued.pages.entries()) {
      // The letter's own text, with the case file's page number added at the foot.
      expect(reading.pages[page - 1 + offset]).toContain(text);
    }
    expect(reading.pages[page - 1]).toContain(LETTER_HEADING);
  });

  it('includes a PDF and an image as pages, and lists what cannot be a page as supplied separately', () => {
    const pdfPage = indexedPage(`${theCase.reference}: attachment, surveyor-report.pdf`);
    expect(reading.pages[pdfPage - 1]).toContain(ATTACHED_PDF_TEXT);
    const imagePage = indexedPage(`${theCase.reference}: attachment, mould.png`);
    expect(reading.pages[imagePage - 1]).toContain('mould.png');
    expect(reading.pages[0]).not.toContain('attachment, animation.gif');
    const list = reading.pages[indexedPage(`${theCase.reference}: attachments`) - 1] ?? '';
    expect(list).toContain('animation.gif');
    expect(list).toContain('image/gif');
    expect(list).toMatch(/SHA-256: [0-9a-f]{64}/);
    expect(list).toContain('Supplied separately');
  });

  it('shows the deadlines with their explanations, the notes, the contacts and the policy', () => {
    const text = reading.pages.join('\n');
    expect(text).toContain('Stage 1 acknowledgement due');
    expect(text).toContain('Surveyor to look at the extractor fan.');
    expect(text).toContain('Asked when the surveyor will come.');
    expect(text).toContain('Complaint acknowledged');
    expect(text).toContain('Jordan Ellis');
    expect(text).toMatch(/does not depart from the Complaint Handling Code|Clause \d/);
  });

  it('numbers every page "Page n of m"', () => {
    const total = reading.pages.length;
    expect(total).toBeGreaterThan(8);
    for (const [index, text] of reading.pages.entries()) {
      expect(text).toContain(`Case file ${theCase.reference} – Page ${index + 1} of ${total}`);
    }
  });

  it('is recorded in the security log', async () => {
    const data = await gqlData<{
      auditLog: {
        kind: string;
        actorId: string;
        subjectKind: string;
        subjectId: string;
        detail: unknown;
      }[];
    }>(
      api.url,
      `{ auditLog(filter: { kinds: [CASE_FILE_EXPORTED] }) { kind actorId subjectKind subjectId detail } }`,
    );
    expect(data.auditLog).toContainEqual({
      kind: 'CASE_FILE_EXPORTED',
      actorId: api.admin.id,
      subjectKind: 'complaint',
      subjectId: theCase.id,
      detail: { reference: theCase.reference, letters: 1, attachments: 3 },
    });
  });

  it('does not exist for those who may not see the case, and is refused to analysts and strangers', async () => {
    const path = `${api.baseUrl}/records/case-file/${theCase.id}.pdf`;
    const partner = await newPartnerKey(api.services, ['complaints:read']);
    expect((await fetch(path, { headers: partner.headers })).status).toBe(404);
    expect((await fetch(path, { headers: analyst.headers })).status).toBe(403);
    expect((await fetch(path)).status).toBe(401);
    const unknown = await fetch(`${api.baseUrl}/records/case-file/not-a-case.pdf`, {
      headers: api.admin.headers,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const post = await fetch(path, { method: 'POST', headers: api.admin.headers });
    expect(post.status).toBe(405);
  });
});
