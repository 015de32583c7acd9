// A case with something of every kind on it (a letter, a note, a contact, files), for the
// records tests: the Ombudsman's case file and the subject access export.
import { ACKNOWLEDGE, logInput } from './complaint-operations.js';
import { gqlData } from './graphql-client.js';
import type { TestServer } from './test-server.js';

export const LETTER_HEADING = 'We have received your complaint';

/** A GIF's first bytes: a type Redress accepts and a case file cannot show as a page. */
export const GIF_BYTES = Buffer.concat([
  Buffer.from('GIF89a', 'latin1'),
  Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0, 0, 0, 0, 0]),
  Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0, 0x3b]),
]);

export interface RecordCaseFiles {
  readonly name: string;
  readonly content: Buffer;
}

export interface RecordCase {
  readonly id: string;
  readonly reference: string;
  readonly letterId: string;
}

/**
 * Logs a case for the complainant given, acknowledges it, issues the acknowledgement letter
 * (to be posted), records a note and a call, and attaches the files.
 */
export async function recordCase(
  api: TestServer,
  complainant: Record<string, unknown>,
  files: readonly RecordCaseFiles[],
): Promise<RecordCase> {
  const logged = await gqlData<{ logComplaint: { id: string; reference: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!, $at: DateTime) { logComplaint(input: $input, at: $at) { id reference } }`,
    { input: logInput('2026-11-06T10:00:00Z', { complainant }), at: '2026-11-06T10:00:00Z' },
  );
  const { id, reference } = logged.logComplaint;
  await gqlData(api.url, ACKNOWLEDGE, {
    id,
    at: '2026-11-09T10:00:00Z',
    understanding: 'The damp in the back bedroom has come back after three repair visits.',
    outcomeSought: 'A lasting repair and payment for the damaged wardrobe.',
  });
  const letter = await gqlData<{ issueLetter: { id: string } }>(
    api.url,
    `mutation ($letter: LetterInput!) { issueLetter(letter: $letter, delivery: POST) { id } }`,
    { letter: { complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 } },
  );
  const RECORD = `mutation ($input: RecordCaseNoteInput!) { recordCaseNote(input: $input) { id } }`;
  await gqlData(api.url, RECORD, {
    input: { complaintId: id, kind: 'NOTE', body: 'Surveyor to look at the extractor fan.' },
  });
  await gqlData(api.url, RECORD, {
    input: {
      complaintId: id,
      kind: 'CALL',
      direction: 'INBOUND',
      withWhom: 'the resident',
      body: 'Asked when the surveyor will come.',
    },
  });
  for (const file of files) {
    const query = new URLSearchParams({ complaintId: id, fileName: file.name });
    const response = await fetch(`${api.baseUrl}/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...api.admin.headers },
      body: file.content,
    });
    if (response.status !== 201)
      throw new Error(`Attaching ${file.name}: ${await response.text()}`);
  }
  return { id, reference, letterId: letter.issueLetter.id };
}
