// Files on a case through the API as the console and partners use it: POST /attachments with the
// bytes as the body, GET /attachments/<id>, and Complaint.attachments in GraphQL. The type is
// read from the bytes, sizes are bounded while reading, nothing is left half-stored, and a file
// is read only by those who may read the case's personal data.
import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, gql, gqlData } from '../test/graphql-client.js';
import { ASSIGN, LOG_COMPLAINT, complaintFrom, logInput } from '../test/complaint-operations.js';
import { ELF_EXECUTABLE, HTML_PAGE, pdfBytes, pngBytes } from '../test/attachment-files.js';
import { statementsDuring } from '../test/statements-during.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { MAX_ATTACHMENT_BYTES } from './attachment.service.js';

let api: TestServer;
/** Holds the case `theirs`. */
let handler: SignedInUser;
/** Another handler: `theirs` is outside their queue. */
let other: SignedInUser;
/** Reads every case, but no personal data. */
let analyst: SignedInUser;
let theirs: string;

interface AttachmentJson {
  id: string;
  complaintId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  uploadedBy: { kind: string; id: string; name: string | null };
  uploadedAt: string;
  downloadPath: string;
}

interface ErrorJson {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

async function upload(
  complaintId: string,
  fileName: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string> = handler.headers,
  extra: Record<string, string> = {},
): Promise<Response> {
  // A minute between uploads, so that "oldest first" has an order to show.
  api.clock.advance(60_000);
  const query = new URLSearchParams({ complaintId, fileName, ...extra });
  return fetch(`${api.baseUrl}/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

async function download(path: string, headers: Record<string, string> = handler.headers) {
  return fetch(`${api.baseUrl}${path}`, { headers });
}

async function stored(): Promise<{ files: string[]; rows: number }> {
  const rows: { n: number }[] = await api.dataSource.query(
    'SELECT count(*)::int AS n FROM attachment',
  );
  return { files: (await readdir(api.attachmentsDir)).sort(), rows: rows[0]?.n ?? 0 };
}

async function codeOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as ErrorJson;
  return body.errors[0]?.extensions.code as string | undefined;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
  [handler, other, analyst] = await Promise.all([
    signInNewUser(api.services, 'HANDLER', { name: 'Hana Patel' }),
    signInNewUser(api.services, 'HANDLER', { name: 'Owen Brooks' }),
    signInNewUser(api.services, 'ANALYST'),
  ]);
  const logged = await complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
    input: logInput('2026-11-06T10:00:00Z'),
  });
  theirs = logged.id;
  await complaintFrom(api.url, ASSIGN, 'assignComplaint', { id: theirs, handler: 'Hana Patel' });
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('uploading a file to a case', () => {
  it('keeps a photo with the type its bytes are, its size and hash, and who gave it', async () => {
    const png = pngBytes(8, 6);
    const response = await upload(theirs, 'C:\\Photos\\damp in\u202e bedroom.png', png);
    expect(response.status).toBe(201);
    const body = (await response.json()) as AttachmentJson;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      complaintId: theirs,
      fileName: 'damp in bedroom.png',
      contentType: 'image/png',
      sizeBytes: png.length,
      sha256: sha256(png),
      description: null,
      uploadedBy: { kind: 'user', id: handler.id, name: 'Hana Patel' },
      uploadedAt: '2026-11-09T09:01:00.000Z',
      downloadPath: `/attachments/${body.id}`,
    });
    expect(response.headers.get('location')).toBe(body.downloadPath);
    expect((await stored()).files).toContain(body.id);
  });

  it('reads the type from the bytes, whatever the name and the request say', async () => {
    const pdf = await pdfBytes('Dear Hana, the mould is back in the back bedroom. Jordan');
    const response = await upload(
      theirs,
      "Jordan's letter.png",
      pdf,
      { ...handler.headers, 'content-type': 'image/png' },
      { description: 'The letter Jordan posted on 4 November.' },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as AttachmentJson;
    expect(body).toMatchObject({
      fileName: "Jordan's letter.png",
      contentType: 'application/pdf',
      description: 'The letter Jordan posted on 4 November.',
      sizeBytes: pdf.length,
    });
  });

  it.each([
    ['an HTML page named photo.png', 'photo.png', HTML_PAGE, null],
    ['an executable named photo.png', 'photo.png', ELF_EXECUTABLE, 'application/x-elf'],
    ['plain text', 'notes.txt', Buffer.from('Called Jordan: no answer.'), null],
  ])(
    'refuses %s with 415, naming what is accepted, and stores nothing',
    async (_n, name, bytes, detected) => {
      const before = await stored();
      const response = await upload(theirs, name, bytes);
      expect(response.status).toBe(415);
      const body = (await response.json()) as ErrorJson;
      expect(body.errors[0]?.extensions).toMatchObject({
        code: 'ATTACHMENT_TYPE_REFUSED',
        detected,
        allowed: expect.arrayContaining(['image/jpeg', 'image/png', 'application/pdf']),
      });
      expect(body.errors[0]?.message).toContain('JPEG, PNG, WebP, HEIC');
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses an empty body', async () => {
    const response = await upload(theirs, 'nothing.png', new Uint8Array(0));
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('ATTACHMENT_EMPTY');
  });

  it('refuses a file over 20 MiB with 413, declared or streamed, and stores nothing', async () => {
    const before = await stored();
    const declared = Buffer.concat([pngBytes(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const big = await upload(theirs, 'huge.png', declared);
    expect(big.status).toBe(413);
    const body = (await big.json()) as ErrorJson;
    expect(body.errors[0]?.extensions).toEqual({
      code: 'ATTACHMENT_TOO_LARGE',
      maximumBytes: MAX_ATTACHMENT_BYTES,
    });

    // No length declared: read until the limit is passed, and no further.
    let sent = 0;
    const chunk = new Uint8Array(256 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Ten times the limit at most, so a server that read it all would show in `sent`.
        if (sent >= 10 * MAX_ATTACHMENT_BYTES) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(sent === chunk.length ? pngBytes() : chunk);
        }
      },
    });
    const streamed = await upload(theirs, 'endless.png', endless);
    expect(streamed.status).toBe(413);
    expect(await codeOf(streamed)).toBe('ATTACHMENT_TOO_LARGE');
    expect(sent).toBeLessThan(10 * MAX_ATTACHMENT_BYTES);
    expect(await stored()).toEqual(before);
  });

  it('takes a file of exactly 20 MiB', async () => {
    const png = pngBytes();
    const exact = Buffer.concat([png, Buffer.alloc(MAX_ATTACHMENT_BYTES - png.length)]);
    const response = await upload(theirs, 'scan.png', exact);
    expect(response.status).toBe(201);
    expect(((await response.json()) as AttachmentJson).sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('answers a case outside the caller’s scope as one that does not exist', async () => {
    const before = await stored();
    const outside = await upload(theirs, 'photo.png', pngBytes(), other.headers);
    const unknown = await upload(randomUUID(), 'photo.png', pngBytes(), other.headers);
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await outside.json()) as ErrorJson, (await unknown.json()) as ErrorJson];
    expect(a.errors[0]?.extensions.code).toBe('NOT_FOUND');
    expect(a.errors[0]?.message.replace(theirs, 'ID')).toBe(
      b.errors[0]?.message.replace(/"[^"]+"/, `"ID"`),
    );
    expect(await stored()).toEqual(before);
  });

  it('refuses a caller without personal data, and one with no credentials', async () => {
    const asAnalyst = await upload(theirs, 'photo.png', pngBytes(), analyst.headers);
    expect(asAnalyst.status).toBe(403);
    expect(await codeOf(asAnalyst)).toBe('FORBIDDEN');
    const anonymous = await upload(theirs, 'photo.png', pngBytes(), ANONYMOUS_HEADERS);
    expect(anonymous.status).toBe(401);
    expect(await codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('asks for the case and the name', async () => {
    const response = await fetch(`${api.baseUrl}/attachments?fileName=a.png`, {
      method: 'POST',
      headers: handler.headers,
      body: pngBytes(),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'complaintId' });
  });

  it('deletes the bytes again when the row cannot be written', async () => {
    const before = await stored();
    // A fault in the database after the bytes are stored: the row's insert fails.
    await api.dataSource.query(`
      CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$`);
    await api.dataSource.query(`
      CREATE TRIGGER refuse_attachment BEFORE INSERT ON attachment
        FOR EACH ROW EXECUTE FUNCTION refuse_attachment()`);
    try {
      const response = await upload(theirs, 'photo.png', pngBytes());
      expect(response.status).toBe(500);
      expect(await codeOf(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(await stored()).toEqual(before);
    } finally {
      await api.dataSource.query('DROP TRIGGER refuse_attachment ON attachment');
      await api.dataSource.query('DROP FUNCTION refuse_attachment()');
    }
  });
});

describe('downloading a file', () => {
  let photo: AttachmentJson;
  let png: Buffer;

  beforeAll(async () => {
    png = pngBytes(5, 5, [10, 200, 10]);
    photo = (await (await upload(theirs, 'Mould – kitchen.png', png)).json()) as AttachmentJson;
  });

  it('gives the bytes back unchanged, as a download the browser will not run', async () => {
    const response = await download(photo.downloadPath);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'content-disposition': `attachment; filename="Mould _ kitchen.png"; filename*=UTF-8''Mould%20%E2%80%93%20kitchen.png`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
    });
  });

  it('records the download in the security log', async () => {
    const data = await gqlData<{
      auditLog: { kind: string; actorId: string; subjectId: string; detail: unknown }[];
    }>(
      api.url,
      `{ auditLog(filter: { kinds: [ATTACHMENT_DOWNLOADED] }) { kind actorId subjectId detail } }`,
    );
    expect(data.auditLog).toContainEqual({
      kind: 'ATTACHMENT_DOWNLOADED',
      actorId: handler.id,
      subjectId: photo.id,
      detail: { complaintId: theirs, contentType: 'image/png', sizeBytes: png.length },
    });
  });

  it('is NOT_FOUND to a handler whose queue does not hold the case, and to an analyst', async () => {
    for (const caller of [other, analyst]) {
      const response = await download(photo.downloadPath, caller.headers);
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorJson;
      expect(body.errors[0]?.extensions).toEqual({
        code: 'NOT_FOUND',
        entity: 'attachment',
        key: photo.id,
      });
      expect(response.headers.get('content-disposition')).toBeNull();
    }
    const missing = await download(`/attachments/${randomUUID()}`);
    expect(missing.status).toBe(404);
    const anonymous = await download(photo.downloadPath, ANONYMOUS_HEADERS);
    expect(anonymous.status).toBe(401);
    const head = await fetch(`${api.baseUrl}${photo.downloadPath}`, {
      method: 'HEAD',
      headers: handler.headers,
    });
    expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET']);
  });

  it('follows the case: once it is in the other handler’s queue, they read it and Hana does not', async () => {
    const moved = await complaintFrom(api.url, ASSIGN, 'assignComplaint', {
      id: theirs,
      handler: 'Owen Brooks',
    });
    try {
      const asOther = await download(photo.downloadPath, other.headers);
      expect(asOther.status).toBe(200);
      expect(Buffer.from(await asOther.arrayBuffer()).equals(png)).toBe(true);
      expect((await download(photo.downloadPath, handler.headers)).status).toBe(404);
    } finally {
      await complaintFrom(api.url, ASSIGN, 'assignComplaint', {
        id: moved.id,
        handler: 'Hana Patel',
      });
    }
  });
});

describe('Complaint.attachments', () => {
  const DOCUMENT = /* GraphQL */ `
    query ($id: ID!) {
      complaint(id: $id) {
        attachments {
          id
          fileName
          contentType
          sizeBytes
          sha256
          description
          uploadedBy {
            name
          }
          uploadedAt
          downloadPath
        }
      }
    }
  `;

  it('lists the case’s files, oldest first, to the handler', async () => {
    const data = await gqlData<{ complaint: { attachments: AttachmentJson[] } }>(
      api.url,
      DOCUMENT,
      { id: theirs },
      handler.headers,
    );
    expect(data.complaint.attachments.map((a) => a.fileName)).toEqual([
      'damp in bedroom.png',
      "Jordan's letter.png",
      'scan.png',
      'Mould – kitchen.png',
    ]);
    expect(data.complaint.attachments[0]).toMatchObject({
      contentType: 'image/png',
      uploadedBy: { name: 'Hana Patel' },
      downloadPath: `/attachments/${data.complaint.attachments[0]?.id}`,
    });
  });

  it('refuses them to an analyst as personal data, the rest of the case answered', async () => {
    const response = await gql<{ complaint: { attachments: null } }>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) { reference attachments { id } } }`,
      { id: theirs },
      analyst.headers,
    );
    expect(response.data?.complaint.attachments).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      path: ['complaint', 'attachments'],
      extensions: { code: 'FORBIDDEN', permission: 'complaints:personal' },
    });
  });

  it('costs one statement for a page, whatever its size', async () => {
    for (let i = 0; i < 5; i += 1) {
      const { id } = await complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
        input: logInput('2026-11-06T11:00:00Z'),
      });
      expect((await upload(id, `photo ${i}.png`, pngBytes(), api.admin.headers)).status).toBe(201);
    }
    const page = (selection: string) =>
      `query ($first: Int!) { complaints(first: $first) { nodes { id ${selection} } } }`;
    const count = async (first: number, selection: string) =>
      (
        await statementsDuring(api.dataSource, async () => {
          await gqlData(api.url, page(selection), { first });
        })
      ).length;
    await gqlData(api.url, page('attachments { id }'), { first: 2 });
    const withFiles = [await count(2, 'attachments { id }'), await count(6, 'attachments { id }')];
    const without = await count(6, '');
    expect(withFiles[0]).toBe(withFiles[1]);
    expect(withFiles[1]).toBe(without + 1);
  });
});
