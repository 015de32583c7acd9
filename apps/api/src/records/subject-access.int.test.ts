// The subject access export through the API: everything held about a person, found by the
// details an admin gives, as versioned JSON and as a readable PDF; refused to anyone without
// records:manage; a bad body answered in words; nobody found answered with an empty bundle; and
// each export in the security log without the person's details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../reports/pdf-reading.js';
import { pngBytes } from '../test/attachment-files.js';
import { gqlData } from '../test/graphql-client.js';
import { LETTER_HEADING, recordCase, type RecordCase } from '../test/record-case.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;
let manager: SignedInUser;
let byEmail: RecordCase;
let byPhone: RecordCase;
const photo = pngBytes(8, 6);

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-20T10:00:00Z' });
  manager = await signInNewUser(api.services, 'MANAGER');
  byEmail = await recordCase(
    api,
    { name: 'Sam Okafor', type: 'TENANT', email: 'Sam.Okafor@example.org', phone: '07700 900456' },
    [{ name: 'leak.png', content: photo }],
  );
  // The same person, on a case that holds their phone number and no email.
  byPhone = await recordCase(
    api,
    { name: 'Sam Okafor', type: 'TENANT', phone: '+44 7700 900456', address: '4 Mill Lane' },
    [],
  );
  // Someone else entirely.
  await recordCase(api, { name: 'Ada Brown', type: 'TENANT', email: 'ada@example.org' }, []);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

function ask(
  body: unknown,
  format: string | null = 'json',
  headers: Record<string, string> = api.admin.headers,
): Promise<Response> {
  const query = format === null ? '' : `?format=${format}`;
  return fetch(`${api.baseUrl}/records/subject-access${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface Bundle {
  format: string;
  version: number;
  kind: string;
  nothingHeld: boolean;
  cases: {
    id: string;
    reference: string;
    complainants: { name: string; email?: string | null }[];
    events: { type: string; label: string }[];
    timeline: { title: string }[];
    deadlines: { label: string; explanation: string }[];
    letters: { id: string; title: string; contentType: string; contentBase64: string }[];
    notes: { body: string }[];
    contacts: { body: string; withWhom: string }[];
    attachments: { fileName: string; sha256: string; contentBase64: string }[];
    policies: { name: string; departures: unknown[] }[];
  }[];
}

describe('the subject access export', () => {
  it('gives everything held on the person’s case as versioned JSON, files in base64', async () => {
    const response = await ask({ email: '  sam.okafor@EXAMPLE.org ' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bundle = (await response.json()) as Bundle;
    expect(bundle).toMatchObject({
      format: 'redress-record-bundle',
      version: 1,
      kind: 'subject-access',
      nothingHeld: false,
    });
    expect(bundle.cases.map((c) => c.id)).toEqual([byEmail.id]);
    const [found] = bundle.cases;
    expect(found?.reference).toBe(byEmail.reference);
    expect(found?.complainants[0]).toMatchObject({ name: 'Sam Okafor' });
    expect(found?.events.map((e) => e.type)).toEqual([
      'complaint-logged',
      'complaint-acknowledged',
    ]);
    expect(found?.timeline.map((t) => t.title)).toContain('Complaint acknowledged');
    expect(found?.deadlines[0]?.explanation).toMatch(/^Stage 1 acknowledgement due/);
    expect(found?.letters).toHaveLength(1);
    expect(found?.letters[0]?.id).toBe(byEmail.letterId);
    const letterPdf = Buffer.from(found?.letters[0]?.contentBase64 ?? '', 'base64');
    expect(letterPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await readPdf(new Uint8Array(letterPdf))).pages.join(' ')).toContain(LETTER_HEADING);
    expect(found?.notes.map((n) => n.body)).toEqual(['Surveyor to look at the extractor fan.']);
    expect(found?.contacts.map((n) => n.body)).toEqual(['Asked when the surveyor will come.']);
    expect(found?.attachments).toHaveLength(1);
    expect(found?.attachments[0]?.fileName).toBe('leak.png');
    expect(Buffer.from(found?.attachments[0]?.contentBase64 ?? '', 'base64')).toEqual(photo);
    expect(found?.policies[0]?.name).toBeTruthy();
  });

  it('finds the cases by each detail given: a phone number in another form finds both', async () => {
    const byNumber = (await (await ask({ phone: '+447700900456' })).json()) as Bundle;
    expect(byNumber.cases.map((c) => c.id)).toEqual([byPhone.id]);
    const both = (await (
      await ask({ email: 'sam.okafor@example.org', phone: '07700 900456' })
    ).json()) as Bundle;
    expect(both.cases.map((c) => c.id).sort()).toEqual([byEmail.id, byPhone.id].sort());
  });

  it('lists the person’s cases over GraphQL, for the console to show before exporting', async () => {
    const data = await gqlData<{
      casesOfPerson: { id: string; reference: string; status: string }[];
    }>(
      api.url,
      `query ($person: PersonInput!) { casesOfPerson(person: $person) { id reference status } }`,
      { person: { email: 'sam.okafor@example.org', phone: '07700 900456' } },
    );
    // Both were received at the same moment: their order is the ids'.
    expect(data.casesOfPerson.map((c) => c.id).sort()).toEqual([byEmail.id, byPhone.id].sort());
    expect(data.casesOfPerson.find((c) => c.id === byEmail.id)).toMatchObject({
      reference: byEmail.reference,
      status: 'ACKNOWLEDGED',
    });
  });

  it('gives a readable PDF of the same', async () => {
    const response = await ask({ email: 'sam.okafor@example.org' }, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const reading = await readPdf(new Uint8Array(await response.arrayBuffer()));
    const text = reading.pages.join('\n');
    expect(reading.pages[0]).toContain('Subject access: everything held');
    expect(reading.pages[0]).toContain(`${byEmail.reference}: the case`);
    expect(text).toContain('Sam Okafor');
    expect(text).toContain(LETTER_HEADING);
    expect(text).toContain('Surveyor to look at the extractor fan.');
    expect(text).toContain('leak.png');
    expect(text).toContain(`Page ${reading.pages.length} of ${reading.pages.length}`);
  });

  it('answers a person of whom nothing is held with a bundle that says so', async () => {
    const json = await ask({ name: 'Nobody Known', address: '1 Nowhere Road' });
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ nothingHeld: true, cases: [] });
    const pdf = await ask({ email: 'nobody@example.org' }, 'pdf');
    expect(pdf.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).pages.join('\n');
    expect(text).toContain('Nothing is held');
    expect(text).toContain('email nobody@example.org');
  });

  it('is for records:manage alone', async () => {
    const handler = await signInNewUser(api.services, 'HANDLER');
    for (const caller of [manager, handler]) {
      const response = await ask({ email: 'sam.okafor@example.org' }, 'json', caller.headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'FORBIDDEN' } }],
      });
    }
    const anonymous = await fetch(`${api.baseUrl}/records/subject-access?format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"sam.okafor@example.org"}',
    });
    expect(anonymous.status).toBe(401);
    const get = await fetch(`${api.baseUrl}/records/subject-access`, {
      headers: api.admin.headers,
    });
    expect(get.status).toBe(405);
  });

  it.each([
    ['no detail', {}, 'email'],
    ['an address alone', { address: '4 Mill Lane' }, 'name'],
    ['an unknown field', { surname: 'Okafor' }, 'surname'],
    ['a detail that is not text', { email: 42 }, 'email'],
    ['not an object', '["sam.okafor@example.org"]', 'body'],
    ['not JSON', 'email=sam.okafor@example.org', 'body'],
  ])('refuses %s with a coded error that says what to give', async (_what, body, field) => {
    const response = await ask(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as {
      errors: { message: string; extensions: { code: string; field?: string } }[];
    };
    expect(answer.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.errors[0]?.message).not.toMatch(/at .*\.js/);
  });

  it('refuses a missing or unknown format', async () => {
    for (const format of [null, 'xml']) {
      const response = await ask({ email: 'sam.okafor@example.org' }, format);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }],
      });
    }
  });

  it('is recorded in the security log with the number of cases, not the person', async () => {
    await ask({ email: 'sam.okafor@example.org' }, 'pdf');
    const data = await gqlData<{
      auditLog: { kind: string; actorId: string; subjectId: string | null; detail: unknown }[];
    }>(
      api.url,
      `{ auditLog(filter: { kinds: [SUBJECT_ACCESS_EXPORTED], first: 1 }) { kind actorId subjectId detail } }`,
    );
    expect(data.auditLog).toEqual([
      {
        kind: 'SUBJECT_ACCESS_EXPORTED',
        actorId: api.admin.id,
        subjectId: null,
        detail: { cases: 1, format: 'pdf' },
      },
    ]);
    expect(JSON.stringify(data)).not.toContain('okafor');
  });
});
