// Letters through the API: one issued at each step the Code expects a letter for, its PDF read
// back as a reader's software reads it, an email received by a real SMTP server started here
// with the PDF attached, a failed send retried until it goes, and who may read a letter.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPdf } from '../reports/pdf-reading.js';
import { caseworkSteps } from '../test/casework-operations.js';
import {
  ACKNOWLEDGE,
  EXTEND,
  REFUSE,
  REFUSE_ESCALATION,
  REQUEST_ESCALATION,
  RESPOND,
  logInput,
  notice,
} from '../test/complaint-operations.js';
import { gql, gqlData, gqlError } from '../test/graphql-client.js';
import { newPartnerKey, signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { MAX_SEND_ATTEMPTS, RETRY_DELAYS_MS } from './letter-sender.js';

const LETTER = `id complaintId reference kind stage issuedOn recipientName recipientEmail largePrint
  translateTo delivery attempts nextAttemptAt lastError sentAt postedOn pdfPath htmlPath
  parts { part heading clause text }`;
const PREVIEW = `query ($letter: LetterInput!) {
  letterPreview(letter: $letter) { kind stage issuedOn issuable missing { part clause label } parts { part text } html }
}`;
const ISSUE = `mutation ($letter: LetterInput!, $delivery: LetterDeliveryMethod!) {
  issueLetter(letter: $letter, delivery: $delivery) { ${LETTER} }
}`;
const RETRY = `mutation ($id: ID!) { retryLetterDelivery(letterId: $id) { ${LETTER} } }`;
const POSTED = `mutation ($id: ID!, $on: LocalDate) { markLetterPosted(letterId: $id, postedOn: $on) { ${LETTER} } }`;
const ONE = `query ($id: ID!) { letter(id: $id) { ${LETTER} } }`;
const OF_CASE = `query ($id: ID!) { complaint(id: $id) { letters { id kind stage delivery } letterOptions { kind stage required { part clause } } } }`;
const TEMPLATE = `mutation ($t: LetterTemplateInput!) { updateLetterTemplate(template: $t) { landlordName logoDataUrl updatedAt } }`;

interface LetterView {
  id: string;
  kind: string;
  stage: number;
  issuedOn: string;
  recipientEmail: string | null;
  largePrint: boolean;
  translateTo: string | null;
  delivery: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  postedOn: string | null;
  pdfPath: string;
  htmlPath: string;
  parts: { part: string; text: string }[];
}

let api: TestServer;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
/** While set, the SMTP server refuses every message with this reply. */
let refuseWith: string | null = null;
let analyst: SignedInUser;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseWith !== null) {
          const error = Object.assign(new Error(refuseWith), { responseCode: 451 });
          callback(error);
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  api = await startTestServer({
    now: '2026-12-20T10:00:00Z',
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Complaints <complaints@landlord.example>' },
  });
  analyst = await signInNewUser(api.services, 'ANALYST');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  received.length = 0;
  refuseWith = null;
  api.clock.set('2026-12-20T10:00:00Z');
});

const steps = caseworkSteps(() => api.url);

async function issue(
  letter: Record<string, unknown>,
  delivery: 'EMAIL' | 'POST',
): Promise<LetterView> {
  const data = await gqlData<{ issueLetter: LetterView }>(api.url, ISSUE, { letter, delivery });
  return data.issueLetter;
}

async function pdfText(path: string, headers: Record<string, string> = api.admin.headers) {
  const response = await fetch(`${api.baseUrl}${path}`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: (await readPdf(bytes)).pages.join('\n') };
}

/** Logged and acknowledged with the complaint as understood and the outcome sought. */
async function acknowledged(overrides: Record<string, unknown> = {}): Promise<string> {
  const base = logInput('2026-11-06T10:00:00Z');
  const input = {
    ...base,
    complainant: { ...(base.complainant as object), format: 'Large print' },
    ...overrides,
  };
  const logged = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!, $at: DateTime) { logComplaint(input: $input, at: $at) { id } }`,
    { input, at: '2026-11-06T10:00:00Z' },
  );
  const id = logged.logComplaint.id;
  await gqlData(api.url, ACKNOWLEDGE, {
    id,
    at: '2026-11-09T10:00:00Z',
    understanding: 'The damp in the back bedroom has come back after three repair visits.',
    outcomeSought: 'A lasting repair and payment for the damaged wardrobe.',
  });
  return id;
}

const ADD_POINT = `mutation ($id: ID!, $point: String!, $at: DateTime) {
  addComplaintPoint(id: $id, point: $point, at: $at) { id }
}`;

async function respondedWithPoint(id: string, stage = 1): Promise<void> {
  await gqlData(api.url, ADD_POINT, {
    id,
    point: 'The surveyor did not turn up on 12 November.',
    at: stage === 1 ? '2026-11-13T10:00:00Z' : '2026-12-01T10:00:00Z',
  });
  await gqlData(api.url, RESPOND, {
    id,
    at: stage === 1 ? '2026-11-20T10:00:00Z' : '2026-12-15T10:00:00Z',
    input: {
      outcome: 'UPHELD',
      findings: 'The extractor fan was never fitted, so the mould came back.',
      remedies: [
        { kind: 'APOLOGY', description: 'An apology in writing.' },
        {
          kind: 'FINANCIAL_COMPENSATION',
          description: 'The damaged wardrobe.',
          amountPence: 125_050,
        },
      ],
    },
  });
}

const DECISION = [
  {
    point: 'The surveyor did not turn up on 12 November.',
    decision: 'Upheld: we missed the visit.',
  },
];

describe('a letter at each step', () => {
  it('acknowledges stage 1 by email, received with the PDF attached and saying what the Code asks', async () => {
    const id = await acknowledged();
    const options = await gqlData<{
      complaint: { letterOptions: { kind: string; stage: number }[] };
    }>(api.url, OF_CASE, { id });
    expect(options.complaint.letterOptions.map((o) => `${o.kind} ${o.stage}`)).toEqual([
      'ACKNOWLEDGEMENT 1',
    ]);
    const letter = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 }, 'EMAIL');
    expect(letter).toMatchObject({
      delivery: 'EMAIL_QUEUED',
      issuedOn: '2026-11-09',
      largePrint: true,
    });

    const run = await api.services.letterSender.runOnce();
    expect(run.sent).toEqual([letter.id]);
    expect(received).toHaveLength(1);
    const mail = received[0] as ParsedMail;
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.text).toBe('jordan.ellis@example.org');
    expect(mail.subject).toContain('Stage 1: We have received your complaint');
    const attachment = mail.attachments[0];
    expect(attachment?.contentType).toBe('application/pdf');
    const attached = (await readPdf(new Uint8Array(attachment?.content ?? []))).pages.join('\n');
    expect(attached).toContain('The complaint as we understand it');
    expect(attached).toContain('The damp in the back bedroom has come back');
    expect(attached).toContain('The outcome you are looking for');
    expect(attached).toMatch(/We will send you our stage 1 response by \w+day \d+ \w+ 2026/);

    // The letter served is the letter sent, byte for byte.
    const served = await pdfText(letter.pdfPath);
    expect(Buffer.from(served.bytes).equals(attachment?.content ?? Buffer.alloc(0))).toBe(true);
    const after = await gqlData<{ letter: LetterView }>(api.url, ONE, { id: letter.id });
    expect(after.letter).toMatchObject({ delivery: 'SENT', attempts: 1, lastError: null });
    expect(after.letter.sentAt).not.toBeNull();
  });

  it('refuses a stage 1 response missing a decision on a point, naming the part and its clause, then issues it for post', async () => {
    const id = await acknowledged();
    await respondedWithPoint(id);
    const letter = { complaintId: id, kind: 'RESPONSE', stage: 1 };
    const preview = await gqlData<{
      letterPreview: { issuable: boolean; missing: { part: string; clause: string }[] };
    }>(api.url, PREVIEW, { letter });
    expect(preview.letterPreview.issuable).toBe(false);
    expect(preview.letterPreview.missing).toEqual([
      expect.objectContaining({ part: 'DECISION_ON_EACH_POINT', clause: '6.7, 6.9' }),
    ]);
    const error = await gqlError(api.url, ISSUE, { letter, delivery: 'POST' });
    expect(error.extensions).toMatchObject({
      code: 'LETTER_REFUSED',
      refusal: 'LETTER_PART_MISSING',
      part: 'decision-on-each-point',
      clause: '6.7, 6.9',
    });
    expect(error.message).toContain('Our decision on each point');
    const none = await gqlData<{ complaint: { letters: unknown[] } }>(api.url, OF_CASE, { id });
    expect(none.complaint.letters).toEqual([]);

    const issued = await issue({ ...letter, decisions: DECISION }, 'POST');
    expect(issued).toMatchObject({ delivery: 'AWAITING_POST', issuedOn: '2026-11-20' });
    const { text } = await pdfText(issued.pdfPath);
    for (const expected of [
      'Our response to your complaint',
      'Our decision on each point',
      'Upheld: we missed the visit.',
      'The extractor fan was never fitted',
      '£1,250.50',
      'If you are not satisfied',
      'look at your complaint again at stage 2',
    ]) {
      expect(text).toContain(expected);
    }
    api.clock.set('2026-11-23T09:00:00Z');
    const posted = await gqlData<{ markLetterPosted: LetterView }>(api.url, POSTED, {
      id: issued.id,
    });
    expect(posted.markLetterPosted).toMatchObject({ delivery: 'POSTED', postedOn: '2026-11-23' });
    const again = await gqlError(api.url, POSTED, { id: issued.id });
    expect(again.extensions).toMatchObject({ refusal: 'LETTER_NOT_AWAITING_POST' });
    expect(received).toHaveLength(0);
  });

  it('writes the extension with its reason, new date and the Ombudsman’s details', async () => {
    const id = await acknowledged();
    await gqlData(api.url, EXTEND, {
      id,
      workingDays: 5,
      reason: 'We are waiting for a damp survey.',
      notice: notice('2026-11-12'),
      at: '2026-11-12T10:00:00Z',
    });
    const letter = await issue({ complaintId: id, kind: 'EXTENSION', stage: 1 }, 'POST');
    const { text } = await pdfText(letter.pdfPath);
    expect(text).toContain('We are waiting for a damp survey.');
    expect(text).toMatch(/We will now reply by \w+day \d+ \w+ 2026/);
    expect(text).toContain('Housing Ombudsman Service');
    expect(text).toContain('0300 111 3000');
  });

  it('writes a refusal to accept, with the reason and the right to go to the Ombudsman', async () => {
    const logged = await steps.log();
    await gqlData(api.url, REFUSE, {
      id: logged.id,
      reason: 'LEGAL_PROCEEDINGS',
      explanation: 'The same matter is before the county court.',
      notice: notice('2026-11-06'),
      at: '2026-11-06T12:00:00Z',
    });
    const letter = await issue(
      { complaintId: logged.id, kind: 'ACCEPTANCE_REFUSAL', stage: 1 },
      'POST',
    );
    const { text } = await pdfText(letter.pdfPath);
    expect(text).toContain('The same matter is before the county court.');
    expect(text).toContain('You have the right to take your complaint to the Ombudsman');
  });

  it('writes stage 2: the acknowledgement, then the final response with the route to the LGSCO when asked', async () => {
    const id = await acknowledged();
    await respondedWithPoint(id);
    await gqlData(api.url, REQUEST_ESCALATION, {
      id,
      reason: 'The repair has still not been done.',
      at: '2026-11-25T10:00:00Z',
    });
    // Stage 2 is for someone who had no part in stage 1 (Code 6.13).
    const reviewer = await signInNewUser(api.services, 'MANAGER');
    await gqlData(
      api.url,
      ACKNOWLEDGE,
      {
        id,
        at: '2026-11-26T10:00:00Z',
        understanding: 'The repair promised at stage 1 has not been done.',
        outcomeSought: 'The fan fitted this month.',
      },
      reviewer.headers,
    );
    const ack = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 2 }, 'POST');
    expect((await pdfText(ack.pdfPath)).text).toContain(
      'The repair promised at stage 1 has not been done.',
    );
    await gqlData(
      api.url,
      ADD_POINT,
      { id, point: 'Nobody called back about the fan.', at: '2026-12-01T10:00:00Z' },
      reviewer.headers,
    );
    await gqlData(
      api.url,
      RESPOND,
      {
        id,
        at: '2026-12-10T10:00:00Z',
        input: { outcome: 'UPHELD', findings: 'The fan order was lost between teams.' },
      },
      reviewer.headers,
    );
    const final = await issue(
      {
        complaintId: id,
        kind: 'RESPONSE',
        stage: 2,
        ombudsman: 'LOCAL_GOVERNMENT_OMBUDSMAN',
        decisions: [{ point: 'Nobody called back about the fan.', decision: 'Upheld.' }],
        edits: [{ part: 'REMEDY', text: 'We will fit the fan by 18 December and apologise.' }],
      },
      'POST',
    );
    const { text } = await pdfText(final.pdfPath);
    expect(text).toContain('This is our final response');
    expect(text).toContain('Local Government and Social Care Ombudsman');
    expect(text).toContain('We will fit the fan by 18 December and apologise.');
  });

  it('writes a refusal to escalate with its reason', async () => {
    const id = await acknowledged();
    await respondedWithPoint(id);
    await gqlData(api.url, REFUSE_ESCALATION, {
      id,
      reason: 'ALREADY_CONSIDERED',
      explanation: 'Stage 2 already answered this complaint in October.',
      notice: notice('2026-11-27'),
      at: '2026-11-27T10:00:00Z',
    });
    const letter = await issue({ complaintId: id, kind: 'ESCALATION_REFUSAL', stage: 1 }, 'POST');
    expect((await pdfText(letter.pdfPath)).text).toContain(
      'Stage 2 already answered this complaint in October.',
    );
  });
});

describe('delivery', () => {
  it('retries a refused email on its schedule, fails it after the last attempt, and sends it again when asked', async () => {
    // Whatever earlier tests left queued goes first, so this run sees only its own letter.
    await api.services.letterSender.runOnce();
    received.length = 0;
    const id = await acknowledged();
    const letter = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 }, 'EMAIL');
    refuseWith = 'Mailbox temporarily unavailable';
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt += 1) {
      const run = await api.services.letterSender.runOnce();
      expect(run.failed.map((f) => f.id)).toEqual([letter.id]);
      const now = await gqlData<{ letter: LetterView }>(api.url, ONE, { id: letter.id });
      expect(now.letter.attempts).toBe(attempt);
      expect(now.letter.lastError).toContain('Mailbox temporarily unavailable');
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (delay === undefined) {
        expect(now.letter).toMatchObject({ delivery: 'FAILED', nextAttemptAt: null });
        break;
      }
      expect(now.letter.delivery).toBe('EMAIL_QUEUED');
      expect(Date.parse(now.letter.nextAttemptAt ?? '') - api.clock.now().getTime()).toBe(delay);
      // Not due yet: nothing is tried before its time.
      expect((await api.services.letterSender.runOnce()).failed).toEqual([]);
      api.clock.advance(delay);
    }
    expect(received).toHaveLength(0);
    refuseWith = null;
    expect((await api.services.letterSender.runOnce()).sent).toEqual([]);
    const queued = await gqlData<{ retryLetterDelivery: LetterView }>(api.url, RETRY, {
      id: letter.id,
    });
    expect(queued.retryLetterDelivery).toMatchObject({ delivery: 'EMAIL_QUEUED', attempts: 0 });
    expect((await api.services.letterSender.runOnce()).sent).toEqual([letter.id]);
    expect(received).toHaveLength(1);
    const retryAgain = await gqlError(api.url, RETRY, { id: letter.id });
    expect(retryAgain.extensions).toMatchObject({
      code: 'LETTER_REFUSED',
      refusal: 'LETTER_NOT_FAILED',
    });
  });

  it('refuses email to a resident with no address, and a letter for a step not taken', async () => {
    const id = await acknowledged({
      complainant: {
        name: 'Sam Okafor',
        type: 'TENANT',
        phone: '01632 960000',
        preferredContact: 'PHONE',
      },
    });
    const noEmail = await gqlError(api.url, ISSUE, {
      letter: { complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 },
      delivery: 'EMAIL',
    });
    expect(noEmail.extensions).toMatchObject({ refusal: 'NO_EMAIL_ADDRESS' });
    const notTaken = await gqlError(api.url, ISSUE, {
      letter: { complaintId: id, kind: 'RESPONSE', stage: 1 },
      delivery: 'POST',
    });
    expect(notTaken.extensions).toMatchObject({ refusal: 'LETTER_STEP_NOT_TAKEN' });
    const badDate = await gqlError(api.url, ISSUE, {
      letter: { complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1, issuedOn: '2026-11-08' },
      delivery: 'POST',
    });
    expect(badDate.extensions).toMatchObject({ refusal: 'LETTER_DATE_BEFORE_STEP' });
  });
});

describe('a letter as issued', () => {
  it('cannot be changed or removed, whoever writes to the table', async () => {
    const id = await acknowledged();
    const letter = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 }, 'POST');
    await expect(
      api.dataSource.query(`UPDATE letter SET html = '<p>changed</p>' WHERE id = $1`, [letter.id]),
    ).rejects.toThrow(/kept as it was issued/);
    await expect(
      api.dataSource.query(`DELETE FROM letter WHERE id = $1`, [letter.id]),
    ).rejects.toThrow(/part of the case record/);
    // Its delivery still moves.
    await gqlData(api.url, POSTED, { id: letter.id });
  });

  it('is read by those who may read its case’s personal data, and does not exist for others', async () => {
    const id = await acknowledged();
    const letter = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 }, 'POST');
    const html = await fetch(`${api.baseUrl}${letter.htmlPath}`, { headers: api.admin.headers });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await html.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Stage 1: We have received your complaint</h1>');

    const partner = await newPartnerKey(api.services, ['complaints:read']);
    const outside = await fetch(`${api.baseUrl}${letter.pdfPath}`, { headers: partner.headers });
    expect(outside.status).toBe(404);
    expect(
      (await gqlError(api.url, ONE, { id: letter.id }, partner.headers)).extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    const noPersonal = await fetch(`${api.baseUrl}${letter.pdfPath}`, { headers: analyst.headers });
    expect(noPersonal.status).toBe(403);
    const anonymous = await fetch(`${api.baseUrl}${letter.pdfPath}`);
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(`${api.baseUrl}/letters/not-a-letter.pdf`, {
      headers: api.admin.headers,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the template', () => {
  const template = {
    landlordName: 'Riverside Homes',
    signatureName: 'Priya Shah',
    signatureRole: 'Complaints manager',
    ombudsmanContact:
      'Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET. Telephone 0300 111 3000.',
    lgscoContact: 'Local Government and Social Care Ombudsman, PO Box 4771, Coventry, CV4 0EH.',
    escalationHowTo: 'Reply to this letter, call 0300 000 0000, or ask any member of staff.',
  };

  it('signs letters issued after it changes, and refuses a logo whose bytes are not an image', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const refused = await gqlError(api.url, TEMPLATE, {
      t: { ...template, logoDataUrl: `data:image/png;base64,${html}` },
    });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'logoDataUrl' });
    const empty = await gqlError(api.url, TEMPLATE, { t: { ...template, ombudsmanContact: ' ' } });
    expect(empty.extensions).toMatchObject({ field: 'ombudsmanContact' });

    const saved = await gqlData<{ updateLetterTemplate: { landlordName: string } }>(
      api.url,
      TEMPLATE,
      {
        t: template,
      },
    );
    expect(saved.updateLetterTemplate.landlordName).toBe('Riverside Homes');
    const id = await acknowledged();
    const letter = await issue({ complaintId: id, kind: 'ACKNOWLEDGEMENT', stage: 1 }, 'POST');
    const { text } = await pdfText(letter.pdfPath);
    expect(text).toContain('Riverside Homes');
    expect(text).toContain('Priya Shah');
    const result = await gql(api.url, TEMPLATE, { t: template }, analyst.headers);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
