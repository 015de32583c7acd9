import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { BadUserInputError, isAppError } from '../errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../errors/graphql-errors.js';
import { codedErrorBody, sendAppError } from '../errors/http-errors.js';
import { sendJson } from '../graphql-http.js';
import type { Services } from '../services.js';

/** Everything under it is the records' to answer, a 404 included. */
export const RECORDS_PREFIX = '/records/';

const CASE_FILE = /^\/records\/case-file\/([^/]+)\.pdf$/;
const SUBJECT_ACCESS = '/records/subject-access';
/** A person's details fit in far less; a larger body is not a subject access request. */
export const MAX_PERSON_BODY_BYTES = 16 * 1024;

export interface RecordsRoutesDeps {
  readonly services: Services;
  readonly logger: Logger;
  readonly addressOf: (req: IncomingMessage) => string | null;
}

/**
 * GET /records/case-file/<complaintId>.pdf, the Ombudsman's case file, and POST
 * /records/subject-access?format=json|pdf with the person in a JSON body (never in the URL, so
 * never in an access log): the same bearer token as GraphQL, coded errors as JSON.
 */
export function recordsRoutes(deps: RecordsRoutesDeps) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    answer(deps, req, res, path).catch((failure: unknown) => {
      deps.logger.error({ err: failure }, 'Could not export records');
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, codedErrorBody(INTERNAL_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR'));
    });
  };
}

async function answer(
  deps: RecordsRoutesDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const caseFile = CASE_FILE.exec(path);
  const subjectAccess = path === SUBJECT_ACCESS;
  if (!caseFile && !subjectAccess) {
    req.resume();
    sendJson(
      res,
      404,
      codedErrorBody(
        `Nothing is served at ${path}: a case file is at GET /records/case-file/<complaintId>.pdf, a subject access export at POST /records/subject-access?format=json or pdf.`,
        'NOT_FOUND',
      ),
    );
    return;
  }
  // GET only, and no HEAD: each export is recorded as personal data leaving Redress.
  const method = req.method ?? 'GET';
  if (caseFile && method !== 'GET') {
    req.resume();
    res.setHeader('allow', 'GET');
    sendJson(res, 405, codedErrorBody('A case file is read with GET.', 'METHOD_NOT_ALLOWED'));
    return;
  }
  if (subjectAccess && method !== 'POST') {
    req.resume();
    res.setHeader('allow', 'POST');
    sendJson(
      res,
      405,
      codedErrorBody(
        'A subject access export is asked for with POST, the person named in a JSON body.',
        'METHOD_NOT_ALLOWED',
      ),
    );
    return;
  }
  try {
    const principal = await authenticate(deps.services.auth, { headers: req.headers });
    const address = deps.addressOf(req);
    await deps.services.requestLimits?.check(principal, address, false);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (caseFile) {
      const file = await deps.services.records.caseFile(principal, caseFile[1] ?? '', address);
      res.setHeader('content-type', 'application/pdf');
      res.setHeader(
        'content-disposition',
        `attachment; filename="case-file-${file.reference.toLowerCase()}.pdf"`,
      );
      send(res, file.pdf);
      return;
    }
    const exported = await deps.services.records.subjectAccess(
      principal,
      { format: formatOf(req), body: () => readPersonBody(req) },
      address,
    );
    const name = `subject-access-${new Date().toISOString().slice(0, 10)}`;
    if (exported.pdf) {
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `attachment; filename="${name}.pdf"`);
      send(res, exported.pdf);
    } else {
      res.setHeader('content-disposition', `attachment; filename="${name}.json"`);
      sendJson(res, 200, exported.json);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    req.resume();
    sendAppError(res, error);
  }
}

function formatOf(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://redress.invalid').searchParams.get('format');
}

/** The JSON body, read up to MAX_PERSON_BODY_BYTES; anything else is a coded refusal. */
async function readPersonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new BadUserInputError(
      'Send the person as JSON (content-type: application/json), e.g. {"email": "jordan@example.org"}.',
      'body',
    );
  }
  const text = await new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PERSON_BODY_BYTES) chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      req.off('data', onData);
      resolve(size > MAX_PERSON_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8'));
    });
  });
  if (text === null) {
    throw new BadUserInputError(
      `The body is over ${MAX_PERSON_BODY_BYTES / 1024} KiB: name the person with their email, phone, name and address only.`,
      'body',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadUserInputError(
      'The body is not valid JSON: name the person like {"email": "jordan@example.org"}.',
      'body',
    );
  }
}

function send(res: ServerResponse, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('content-length', String(body.length));
  res.end(body);
}
