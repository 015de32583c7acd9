// Anonymising residents (UK GDPR erasure and the retention period) through the API: every case
// of a resident at once, once each has ended, keeping each case's dates, stages, outcomes and
// measures, erasing what was said by and of them everywhere it was kept (the events' personal
// parts, the read model, letters, notes, attachments), with the events themselves unchanged.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/demo-data.js';
import { readPdf } from '../reports/pdf-reading.js';
import { pngBytes } from '../test/attachment-files.js';
import { caseworkSteps } from '../test/casework-operations.js';
import { ACKNOWLEDGE } from '../test/complaint-operations.js';
import { gql, gqlData } from '../test/graphql-client.js';
import { MEASURES, TSM_REPORT } from '../test/measures-operations.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;
let manager: SignedInUser;
const steps = caseworkSteps(() => api.url);

const EMAIL = 'morgan.quinn@example.org';
const NAME = 'Morgan Quinn';
/** Morgan's cases: one answered and closed (with a letter, a note and a photo), one withdrawn. */
let closed: string;
let withdrawn: string;
let letterPath: string;
let attachmentPath: string;

const ANONYMISE = `mutation ($person: PersonInput, $complaintId: ID) {
  anonymiseResident(person: $person, complaintId: $complaintId) {
    complaints { id reference } alreadyAnonymised letters notes attachments
  }
}`;
const CASES = `query ($person: PersonInput!) {
  casesOfPerson(person: $person) { id reference closedAt anonymisedAt }
}`;
const CASE = `query ($id: ID!) {
  complaint(id: $id) {
    reference status stage receivedAt closedAt summary anonymisedAt
    complainant { name email phone address }
    stages { number outcome acknowledgedAt respondedAt findings }
    notes { body withWhom }
    letters { id recipientName parts { text } }
    attachments { id }
  }
}`;

interface Anonymisation {
  complaints: { id: string; reference: string }[];
  alreadyAnonymised: number;
  letters: number;
  notes: number;
  attachments: number;
}

async function measuresOf(years: readonly number[]): Promise<unknown[]> {
  const figures: unknown[] = [];
  for (const year of years) {
    figures.push(await gqlData(api.url, TSM_REPORT, { year }));
    figures.push(await gqlData(api.url, MEASURES, { year }));
  }
  return figures;
}

async function eventRows(): Promise<unknown[]> {
  return api.dataSource.query('SELECT * FROM complaint_event ORDER BY position');
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-12-01T10:00:00Z' });
  manager = await signInNewUser(api.services, 'MANAGER');
  await loadDemoData(api.services, api.clock);
  const complainant = {
    name: NAME,
    type: 'TENANT',
    email: EMAIL,
    phone: '07700 900456',
    address: '4 Orchard Row',
    vulnerable: true,
    adjustments: 'Calls after 2pm: my son has asthma',
  };
  const first = await steps.log({ complainant });
  closed = first.id;
  await gqlData(api.url, ACKNOWLEDGE, {
    id: closed,
    at: '2026-11-09T10:00:00Z',
    understanding: 'Morgan says the damp at 4 Orchard Row has come back.',
    outcomeSought: 'A lasting repair.',
  });
  await steps.run('respond', {
    id: closed,
    at: '2026-11-20T10:00:00Z',
    input: {
      outcome: 'UPHELD',
      findings: 'We let Morgan Quinn down.',
      remedies: [{ kind: 'FINANCIAL_COMPENSATION', description: 'For Morgan', amountPence: 20000 }],
    },
  });
  await steps.run('pay', { id: closed, remedyId: '1.1', amountPence: 20000, paidOn: '2026-11-25' });
  await steps.run('close', { id: closed });
  const letter = await gqlData<{ issueLetter: { id: string; pdfPath: string } }>(
    api.url,
    `mutation ($letter: LetterInput!) { issueLetter(letter: $letter, delivery: POST) { id pdfPath } }`,
    { letter: { complaintId: closed, kind: 'ACKNOWLEDGEMENT', stage: 1 } },
  );
  letterPath = letter.issueLetter.pdfPath;
  await gqlData(
    api.url,
    `mutation ($input: RecordCaseNoteInput!) { recordCaseNote(input: $input) { id } }`,
    {
      input: {
        complaintId: closed,
        kind: 'CALL',
        direction: 'INBOUND',
        withWhom: 'Morgan Quinn',
        body: 'Morgan rang about the mould on her son’s inhaler.',
      },
    },
  );
  const upload = await fetch(
    `${api.baseUrl}/attachments?complaintId=${closed}&fileName=morgan-quinn-damp.png`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...api.admin.headers },
      body: pngBytes(4, 4),
    },
  );
  expect(upload.status).toBe(201);
  attachmentPath = ((await upload.json()) as { downloadPath: string }).downloadPath;
  withdrawn = (await steps.log({ complainant: { ...complainant, phone: null } })).id;
  await steps.run('withdraw', { id: withdrawn });
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('anonymising a resident', () => {
  it('is for those who keep residents’ records: a manager is refused', async () => {
    const result = await gql(api.url, ANONYMISE, { person: { email: EMAIL } }, manager.headers);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('needs the resident named, one way', async () => {
    const none = await gql(api.url, ANONYMISE, { person: {} });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toMatch(
      /an email, a phone number, or a name with an address/,
    );
    const both = await gql(api.url, ANONYMISE, { person: { email: EMAIL }, complaintId: closed });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is refused, and nothing changed, while one of their cases is open', async () => {
    const open = await steps.log({
      complainant: { name: 'Rae Open', type: 'TENANT', email: 'rae@example.org' },
    });
    const ended = await steps.log({
      complainant: { name: 'Rae Open', type: 'TENANT', email: 'rae@example.org' },
    });
    await steps.run('withdraw', { id: ended.id });
    const before = await eventRows();
    const result = await gql(api.url, ANONYMISE, { complaintId: ended.id });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'ANONYMISATION_REFUSED',
      openReferences: [open.reference],
    });
    expect(result.errors?.[0]?.message).toMatch(/still open.*Nothing was changed/);
    expect(await eventRows()).toEqual(before);
    const read = await steps.run('get', { id: ended.id });
    expect(JSON.stringify(read)).toContain('Rae Open');
  });

  it('finds their cases by what they were logged with', async () => {
    const data = await gqlData<{ casesOfPerson: { id: string; anonymisedAt: string | null }[] }>(
      api.url,
      CASES,
      { person: { email: EMAIL.toUpperCase(), phone: '+44 7700 900456' } },
    );
    expect(data.casesOfPerson.map((c) => c.id).sort()).toEqual([closed, withdrawn].sort());
    expect(data.casesOfPerson.every((c) => c.anonymisedAt === null)).toBe(true);
  });

  it('keeps dates, stages, outcomes and measures; erases what was said, everywhere; never touches an event', async () => {
    const years = [2025, 2026];
    const figures = await measuresOf(years);
    const events = await eventRows();
    const before = await gqlData<{ complaint: Record<string, unknown> }>(api.url, CASE, {
      id: closed,
    });

    const data = await gqlData<{ anonymiseResident: Anonymisation }>(api.url, ANONYMISE, {
      person: { email: EMAIL },
    });
    expect(data.anonymiseResident).toMatchObject({
      alreadyAnonymised: 0,
      letters: 1,
      notes: 1,
      attachments: 1,
    });
    expect(data.anonymiseResident.complaints.map((c) => c.id).sort()).toEqual(
      [closed, withdrawn].sort(),
    );

    expect(await eventRows()).toEqual(events);
    expect(await measuresOf(years)).toEqual(figures);

    const after = await gqlData<{ complaint: Record<string, unknown> }>(api.url, CASE, {
      id: closed,
    });
    const kept = ['reference', 'status', 'stage', 'receivedAt', 'closedAt'];
    for (const field of kept) expect(after.complaint[field]).toEqual(before.complaint[field]);
    expect(after.complaint.stages).toEqual(
      (before.complaint.stages as Record<string, unknown>[]).map((stage) => ({
        ...stage,
        findings: '[anonymised]',
      })),
    );
    expect(after.complaint.complainant).toEqual({
      name: 'Anonymised resident',
      email: null,
      phone: null,
      address: null,
    });
    expect(after.complaint.summary).toBe('[anonymised]');
    expect(before.complaint.anonymisedAt).toBeNull();
    expect(after.complaint.anonymisedAt).toBe(api.clock.now().toISOString());
    expect(after.complaint.notes).toEqual([{ body: '[anonymised]', withWhom: null }]);
    expect(after.complaint.attachments).toEqual([]);
    const text = JSON.stringify(after);
    for (const said of ['Morgan', 'Quinn', 'Orchard', 'asthma', 'morgan.quinn']) {
      expect(text).not.toContain(said);
    }

    // The letter is kept, as anonymised: its kind and parts by clause, not what it said.
    const pdf = await fetch(`${api.baseUrl}${letterPath}`, { headers: api.admin.headers });
    expect(pdf.status).toBe(200);
    const pages = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).pages.join('\n');
    expect(pages).toContain('Anonymised resident');
    expect(pages).not.toMatch(/Morgan|Orchard/);
    // The photo is gone, bytes and all.
    const photo = await fetch(`${api.baseUrl}${attachmentPath}`, { headers: api.admin.headers });
    expect(photo.status).toBe(404);
    expect(await readdir(api.attachmentsDir)).toEqual([]);

    // Nothing of them is left in the database, but in the security log's references.
    const rows: { hit: boolean }[] = await api.dataSource.query(
      `SELECT bool_or(t::text ILIKE '%morgan%' OR t::text ILIKE '%orchard%') AS hit FROM (
         SELECT to_jsonb(c) AS t FROM complaint c WHERE id = ANY($1::uuid[])
         UNION ALL SELECT to_jsonb(e) FROM complaint_event e WHERE complaint_id = ANY($1::uuid[])
         UNION ALL SELECT to_jsonb(p) FROM complaint_event_personal p WHERE complaint_id = ANY($1::uuid[])
         UNION ALL SELECT to_jsonb(l) - 'pdf' FROM letter l WHERE complaint_id = ANY($1::uuid[])
         UNION ALL SELECT to_jsonb(n) FROM case_note n WHERE complaint_id = ANY($1::uuid[])
       ) AS everything`,
      [[closed, withdrawn]],
    );
    expect(rows[0]?.hit).toBe(false);

    const log: { detail: { reason: string; complaints: number } }[] = await api.dataSource.query(
      `SELECT detail FROM security_log WHERE kind = 'resident-anonymised'`,
    );
    expect(log.map((row) => row.detail)).toContainEqual(
      expect.objectContaining({ reason: 'request', complaints: 2 }),
    );
  });

  it('asked again, erases what was written on their cases since, and they stay one resident', async () => {
    const cases = await gqlData<{ casesOfPerson: { id: string }[] }>(api.url, CASES, {
      person: { email: EMAIL },
    });
    // Their details are gone, so the details no longer find them.
    expect(cases.casesOfPerson).toEqual([]);
    await gqlData(
      api.url,
      `mutation ($input: RecordCaseNoteInput!) { recordCaseNote(input: $input) { id } }`,
      { input: { complaintId: closed, kind: 'NOTE', body: 'Morgan rang again.' } },
    );
    const keys = async () =>
      (
        await api.dataSource.query(
          'SELECT DISTINCT resident_key FROM complaint WHERE id = ANY($1::uuid[])',
          [[closed, withdrawn]],
        )
      ).length as number;
    expect(await keys()).toBe(1);
    const again = await gqlData<{ anonymiseResident: Anonymisation }>(api.url, ANONYMISE, {
      complaintId: closed,
    });
    expect(again.anonymiseResident).toMatchObject({ alreadyAnonymised: 2, notes: 2 });
    expect(again.anonymiseResident.complaints).toHaveLength(2);
    const after = await gqlData<{ complaint: { notes: { body: string }[] } }>(api.url, CASE, {
      id: closed,
    });
    expect(after.complaint.notes.map((n) => n.body)).toEqual(['[anonymised]', '[anonymised]']);
    expect(await keys()).toBe(1);
  });
});

describe('the retention period', () => {
  it('anonymises every resident whose last case ended six years ago, and the measures stay as they were', async () => {
    const years = [2025, 2026];
    api.clock.set('2033-06-01T10:00:00Z');
    const figures = await measuresOf(years);
    const repeat = (figures[1] as { measures: { repeatComplainants: number } }).measures;
    // Demo residents complain more than once: the count that anonymising could break.
    expect(repeat.repeatComplainants).toBeGreaterThan(0);
    const events = await eventRows();
    const open: { n: number }[] = await api.dataSource.query(
      `SELECT count(DISTINCT resident_key)::int AS n FROM complaint WHERE closed_at IS NULL`,
    );

    // In batches of 7 residents, so the run goes through many of them.
    const result = await api.services.anonymisation.anonymisePastRetention(6, 7);
    expect(result.residents).toBeGreaterThan(10);

    expect(await eventRows()).toEqual(events);
    expect(await measuresOf(years)).toEqual(figures);
    // Residents with a case still open keep their details; everyone else is anonymised.
    const left: { open: number; named: number }[] = await api.dataSource.query(
      `SELECT count(DISTINCT resident_key) FILTER (WHERE closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE closed_at IS NOT NULL AND complainant_name <> 'Anonymised resident'
                AND resident_key IN (SELECT resident_key FROM complaint GROUP BY resident_key
                                      HAVING bool_and(closed_at IS NOT NULL)))::int AS named
         FROM complaint`,
    );
    expect(left[0]).toEqual({ open: open[0]?.n, named: 0 });
    expect(await api.services.anonymisation.anonymisePastRetention(6)).toEqual({
      residents: 0,
      complaints: 0,
    });
  });

  it('runs from the day the last case ended: kept until the day six years on', async () => {
    api.clock.set('2027-06-01T10:00:00Z');
    const resident = { name: 'Ida Recent', type: 'TENANT', email: 'ida@example.org' };
    const c = await steps.log({ complainant: resident });
    await steps.run('withdraw', { id: c.id });
    api.clock.set('2033-05-31T22:00:00Z');
    await api.services.anonymisation.anonymisePastRetention(6);
    expect(JSON.stringify(await steps.run('get', { id: c.id }))).toContain('Ida Recent');
    // 1 June 2033 in London (BST) begins at 23:00 UTC on 31 May.
    api.clock.set('2033-05-31T23:00:00Z');
    expect(await api.services.anonymisation.anonymisePastRetention(6)).toEqual({
      residents: 1,
      complaints: 1,
    });
    expect(JSON.stringify(await steps.run('get', { id: c.id }))).not.toContain('Ida Recent');
  });
});
