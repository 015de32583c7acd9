// Internal case notes and the contact log through the API: recorded and read back in the
// timeline's order, refused with a coded error for bad input (nothing written), invisible outside
// the caller's scope and to a caller without personal data, and never part of the case's events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal, userPrincipal } from '../auth/principal.js';
import { logInput } from '../test/complaint-operations.js';
import { gql, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import {
  newPartnerKey,
  signInNewUser,
  type PartnerKey,
  type SignedInUser,
} from '../test/test-principals.js';

const NOW = '2026-11-09T09:00:00.000Z';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordCaseNoteInput!, $idempotencyKey: String) {
    recordCaseNote(input: $input, idempotencyKey: $idempotencyKey) {
      id
      complaintId
      kind
      direction
      withWhom
      occurredAt
      body
      author {
        kind
        id
        name
      }
      recordedAt
      correctsId
    }
  }
`;

const NOTES = /* GraphQL */ `
  query Notes($id: ID!) {
    complaint(id: $id) {
      id
      version
      events {
        type
      }
      notes {
        id
        kind
        direction
        withWhom
        occurredAt
        body
        author {
          id
          name
        }
        correctsId
      }
    }
  }
`;

interface Note {
  id: string;
  complaintId: string;
  kind: string;
  direction: string | null;
  withWhom: string | null;
  occurredAt: string;
  body: string;
  author: { kind?: string; id: string; name: string | null };
  recordedAt?: string;
  correctsId: string | null;
}

interface NotesAnswer {
  complaint: {
    id: string;
    version: number;
    events: { type: string }[];
    notes: Note[] | null;
  } | null;
}

let api: TestServer;
let handler: SignedInUser;
let otherHandler: SignedInUser;
let analyst: SignedInUser;
/** A case in the handler's queue (assigned to them), one held by another handler. */
let mine: string;
let theirs: string;

async function logComplaint(headers: Readonly<Record<string, string>> = {}): Promise<string> {
  const data = await gqlData<{ logComplaint: { id: string } }>(
    api.url,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
    { input: logInput('2026-11-06T10:00:00Z') },
    headers,
  );
  return data.logComplaint.id;
}

async function record(
  input: Variables,
  headers: Readonly<Record<string, string>> = handler.headers,
): Promise<Note> {
  const data = await gqlData<{ recordCaseNote: Note }>(api.url, RECORD, { input }, headers);
  return data.recordCaseNote;
}

async function notesOf(
  id: string,
  headers: Readonly<Record<string, string>> = handler.headers,
): Promise<Note[]> {
  const data = await gqlData<NotesAnswer>(api.url, NOTES, { id }, headers);
  if (!data.complaint?.notes) throw new Error(`No notes for ${id}: ${JSON.stringify(data)}`);
  return data.complaint.notes;
}

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
  [handler, otherHandler, analyst] = await Promise.all([
    signInNewUser(api.services, 'HANDLER', { name: 'Sam Patel' }),
    signInNewUser(api.services, 'HANDLER', { name: 'Other Handler' }),
    signInNewUser(api.services, 'ANALYST'),
  ]);
  [mine, theirs] = await Promise.all([logComplaint(), logComplaint()]);
  const by = systemPrincipal('case-notes-test');
  await api.services.complaints.execute(
    mine,
    { type: 'assign', handler: 'Sam Patel', handlerId: handler.id },
    { by },
  );
  await api.services.complaints.execute(
    theirs,
    { type: 'assign', handler: 'Other Handler', handlerId: otherHandler.id },
    { by },
  );
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('recording notes and contacts', () => {
  let recorded: Note[];

  beforeAll(async () => {
    // Recorded out of order: the case reads them by when each happened.
    recorded = [
      await record({
        complaintId: mine,
        kind: 'VISIT',
        body: 'Saw the mould behind the wardrobe; photos taken.',
        withWhom: 'Ms Okafor (resident)',
        direction: 'OUTBOUND',
        occurredAt: '2026-11-08T14:00:00+00:00',
      }),
      await record({
        complaintId: mine,
        kind: 'CALL',
        body: '  Her daughter called: the damp is back in the bedroom.  ',
        withWhom: ' her daughter ',
        direction: 'INBOUND',
        occurredAt: '2026-11-07T09:15:00Z',
      }),
      await record({
        complaintId: mine,
        kind: 'EMAIL',
        body: 'Sent the surveyor’s availability.',
        withWhom: 'Ms Okafor (resident)',
        direction: 'OUTBOUND',
        occurredAt: '2026-11-08T16:30:00+01:00',
      }),
      await record({
        complaintId: mine,
        kind: 'LETTER',
        body: 'Her letter with photos of the ceiling arrived.',
        withWhom: 'Ms Okafor (resident)',
        direction: 'INBOUND',
        occurredAt: '2026-11-06T12:00:00Z',
      }),
      // No occurredAt: it happened now.
      await record({ complaintId: mine, kind: 'NOTE', body: 'Chase the surveyor on Monday.' }),
    ];
  });

  it('answers each as recorded: trimmed, with its author, stamped with when it was recorded', () => {
    expect(recorded[1]).toEqual({
      id: expect.any(String),
      complaintId: mine,
      kind: 'CALL',
      direction: 'INBOUND',
      withWhom: 'her daughter',
      occurredAt: '2026-11-07T09:15:00.000Z',
      body: 'Her daughter called: the damp is back in the bedroom.',
      author: { kind: 'USER', id: handler.id, name: 'Sam Patel' },
      recordedAt: NOW,
      correctsId: null,
    });
    expect(recorded[4]).toMatchObject({
      kind: 'NOTE',
      direction: null,
      withWhom: null,
      occurredAt: NOW,
    });
  });

  it('reads them back on the case, oldest first by when each happened', async () => {
    const notes = await notesOf(mine);
    expect(notes.map((n) => [n.kind, n.occurredAt])).toEqual([
      ['LETTER', '2026-11-06T12:00:00.000Z'],
      ['CALL', '2026-11-07T09:15:00.000Z'],
      ['VISIT', '2026-11-08T14:00:00.000Z'],
      // 16:30 in Paris is 15:30 UTC.
      ['EMAIL', '2026-11-08T15:30:00.000Z'],
      ['NOTE', NOW],
    ]);
    expect(notes.find((n) => n.kind === 'CALL')).toEqual({
      id: recorded[1]?.id,
      kind: 'CALL',
      direction: 'INBOUND',
      withWhom: 'her daughter',
      occurredAt: '2026-11-07T09:15:00.000Z',
      body: 'Her daughter called: the damp is back in the bedroom.',
      author: { id: handler.id, name: 'Sam Patel' },
      correctsId: null,
    });
  });

  it('are not events: the case keeps its version and its history', async () => {
    const before = await gqlData<NotesAnswer>(api.url, NOTES, { id: theirs });
    await record(
      { complaintId: theirs, kind: 'NOTE', body: 'Asked the surveyor for a date.' },
      otherHandler.headers,
    );
    const after = await gqlData<NotesAnswer>(api.url, NOTES, { id: theirs });
    expect(after.complaint?.version).toBe(before.complaint?.version);
    expect(after.complaint?.events).toEqual(before.complaint?.events);
    expect(after.complaint?.notes).toHaveLength((before.complaint?.notes?.length ?? 0) + 1);
  });

  it('records a correction as another note, leaving the one it corrects as it was', async () => {
    const wrong = recorded[1] as Note;
    const correction = await record({
      complaintId: mine,
      kind: 'NOTE',
      body: 'Correction: it was her son who called, not her daughter.',
      correctsId: wrong.id,
    });
    expect(correction.correctsId).toBe(wrong.id);
    const notes = await notesOf(mine);
    expect(notes.find((n) => n.id === wrong.id)?.body).toBe(wrong.body);
    expect(notes.find((n) => n.id === correction.id)?.correctsId).toBe(wrong.id);
  });

  it('records once under an idempotency key sent twice', async () => {
    const input = { complaintId: theirs, kind: 'NOTE', body: 'Sent twice by a flaky network.' };
    const send = () =>
      gqlData<{ recordCaseNote: Note }>(
        api.url,
        RECORD,
        { input, idempotencyKey: 'note-once' },
        otherHandler.headers,
      );
    const first = await send();
    const second = await send();
    expect(second.recordCaseNote.id).toBe(first.recordCaseNote.id);
    const notes = await notesOf(theirs, otherHandler.headers);
    expect(notes.filter((n) => n.body === input.body)).toHaveLength(1);
  });
});

describe('refusals', () => {
  const call = {
    kind: 'CALL',
    body: 'She asked when the surveyor comes.',
    withWhom: 'Ms Okafor (resident)',
    direction: 'INBOUND',
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty body', { body: '   ' }, 'body'],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }, 'body'],
    ['a contact with no one', { withWhom: null }, 'withWhom'],
    ['a contact with no direction', { direction: null }, 'direction'],
    ['a note with a direction', { kind: 'NOTE', withWhom: null }, 'direction'],
    ['a contact in the future', { occurredAt: '2026-11-09T09:00:01Z' }, 'occurredAt'],
    [
      'a correction of no note',
      { correctsId: '00000000-0000-4000-8000-000000000000' },
      'correctsId',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT on its field, writing nothing',
    async (_name, change, field) => {
      const before = await notesOf(mine);
      const error = await gqlError(
        api.url,
        RECORD,
        { input: { complaintId: mine, ...call, ...change } },
        handler.headers,
      );
      expect([error.extensions?.code, error.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(error.message).not.toMatch(/at .*\.ts|Error:/);
      expect(await notesOf(mine)).toEqual(before);
    },
  );

  it('refuses to correct a note of another case', async () => {
    const [other] = await notesOf(theirs, otherHandler.headers);
    const error = await gqlError(
      api.url,
      RECORD,
      { input: { complaintId: mine, kind: 'NOTE', body: 'Correction.', correctsId: other?.id } },
      handler.headers,
    );
    expect([error.extensions?.code, error.extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'correctsId',
    ]);
  });

  it('answers NOT_FOUND for a case outside the caller’s scope, as for the case itself', async () => {
    const before = await notesOf(theirs, otherHandler.headers);
    const error = await gqlError(
      api.url,
      RECORD,
      { input: { complaintId: theirs, kind: 'NOTE', body: 'Not my case.' } },
      handler.headers,
    );
    expect(error.extensions?.code).toBe('NOT_FOUND');
    const read = await gqlData<NotesAnswer>(api.url, NOTES, { id: theirs }, handler.headers);
    expect(read.complaint).toBeNull();
    expect(await notesOf(theirs, otherHandler.headers)).toEqual(before);
  });

  it('reads no notes of a case outside the scope, even when asked for it directly', async () => {
    const principal = userPrincipal({
      id: handler.id,
      email: handler.email,
      name: handler.name,
      role: 'HANDLER',
      teamIds: [],
      sessionId: 'case-notes-test',
    });
    const found = await api.services.caseNotes.notesFor(principal, [mine, theirs]);
    expect(found.get(mine)?.length).toBeGreaterThan(0);
    expect(found.has(theirs)).toBe(false);
  });

  it('refuses the notes, and only the notes, to a caller without personal data', async () => {
    const answer = await gql<NotesAnswer>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) { id version notes { id body } } }`,
      { id: mine },
      analyst.headers,
    );
    expect(answer.status).toBe(200);
    expect(answer.data?.complaint).toMatchObject({ id: mine, notes: null });
    expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['complaint.notes', 'FORBIDDEN'],
    ]);
    await expect(
      api.services.caseNotes.notesFor(
        userPrincipal({
          id: analyst.id,
          email: analyst.email,
          name: analyst.name,
          role: 'ANALYST',
          teamIds: [],
          sessionId: 'case-notes-test',
        }),
        [mine],
      ),
    ).rejects.toThrow(/complaints:personal/);
  });

  it('refuses a caller who may not write to the case', async () => {
    const error = await gqlError(
      api.url,
      RECORD,
      { input: { complaintId: mine, kind: 'NOTE', body: 'An analyst’s note.' } },
      analyst.headers,
    );
    expect([error.status, error.extensions?.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('partner keys', () => {
  let portal: PartnerKey;
  let writeOnly: PartnerKey;

  beforeAll(async () => {
    [portal, writeOnly] = await Promise.all([
      newPartnerKey(api.services, ['complaints:read', 'complaints:write']),
      newPartnerKey(api.services, ['complaints:write']),
    ]);
  });

  it('with complaint scopes that grant personal data, note and read the cases they logged', async () => {
    const own = await logComplaint(portal.headers);
    const note = await record(
      {
        complaintId: own,
        kind: 'EMAIL',
        body: 'Resident replied through the portal.',
        withWhom: 'Ms Okafor (resident)',
        direction: 'INBOUND',
      },
      portal.headers,
    );
    expect(note.author).toMatchObject({ kind: 'API_KEY', id: portal.id });
    expect((await notesOf(own, portal.headers)).map((n) => n.id)).toEqual([note.id]);
    // A case it did not log does not exist for it.
    const error = await gqlError(
      api.url,
      RECORD,
      { input: { complaintId: mine, kind: 'NOTE', body: 'Not ours.' } },
      portal.headers,
    );
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it('with write alone, read nothing and so note nothing, not even on a case they logged', async () => {
    const own = await logComplaint(writeOnly.headers);
    const error = await gqlError(
      api.url,
      RECORD,
      { input: { complaintId: own, kind: 'NOTE', body: 'Blind write.' } },
      writeOnly.headers,
    );
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(await notesOf(own)).toEqual([]);
  });
});

describe('a page of complaints with their notes', () => {
  const PAGE = /* GraphQL */ `
    query Page($first: Int!) {
      complaints(first: $first, orderBy: { field: RECEIVED_AT, direction: ASC }) {
        nodes {
          id
          notes {
            id
            kind
            body
          }
        }
      }
    }
  `;
  type Page = { complaints: { nodes: { id: string; notes: Note[] }[] } };

  it('reads every case’s notes in one statement, whatever the page size', async () => {
    const by = systemPrincipal('case-notes-page');
    for (let i = 0; i < 40; i += 1) {
      const id = await logComplaint();
      await api.services.caseNotes.record(
        { complaintId: id, kind: 'note', body: `Note ${i}` },
        { by },
      );
    }
    await gqlData<Page>(api.url, PAGE, { first: 5 });
    const counts: number[] = [];
    for (const first of [10, 40]) {
      let page: Page | undefined;
      const statements = await statementsDuring(api.dataSource, async () => {
        page = await gqlData<Page>(api.url, PAGE, { first });
      });
      expect(page?.complaints.nodes).toHaveLength(first);
      expect(page?.complaints.nodes.filter((n) => n.notes.length > 0).length).toBeGreaterThan(
        first / 2,
      );
      expect(statements.filter((sql) => /FROM case_note/.test(sql))).toHaveLength(1);
      counts.push(statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
