import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { BadUserInputError, isAppError, type AppError } from '../errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../errors/graphql-errors.js';
import { appErrorAnswer, codedErrorBody } from '../errors/http-errors.js';
import { sendJson } from '../graphql-http.js';
import type { Services } from '../services.js';
import { contentDisposition } from './attachment-file-name.js';
import type { AttachmentBodyReader } from './attachment.service.js';
import { toAttachmentType } from './attachment.mapper.js';

/** Everything under it is the attachments' to answer, a 404 included. */
export const ATTACHMENTS_PATH = '/attachments';

export function isAttachmentsPath(path: string): boolean {
  return path === ATTACHMENTS_PATH || path.startsWith(`${ATTACHMENTS_PATH}/`);
}

const ONE = /^\/attachments\/([^/]+)$/;

/**
 * A downloaded file is never run or shown by the browser as a page of ours: no script, no
 * plugin, no form, sandboxed as a page of its own origin.
 */
const DOWNLOAD_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

export interface AttachmentRoutesDeps {
  readonly services: Services;
  readonly logger: Logger;
  /** The client's address, for the rate limits and the security log. */
  readonly addressOf: (req: IncomingMessage) => string | null;
}

/**
 * POST /attachments?complaintId=…&fileName=…[&description=…] with the file's bytes as the body,
 * and GET /attachments/<id>: the same bearer token as GraphQL, coded errors as JSON.
 */
export function attachmentRoutes(deps: AttachmentRoutesDeps) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    answer(deps, req, res, path).catch((failure: unknown) => {
      deps.logger.error({ err: failure }, 'Could not answer an attachment request');
      if (res.headersSent) res.destroy();
      else send(req, res, 500, codedErrorBody(INTERNAL_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR'));
    });
  };
}

async function answer(
  deps: AttachmentRoutesDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const one = ONE.exec(path);
  const upload = path === ATTACHMENTS_PATH;
  if (!one && !upload) {
    send(req, res, 404, notServed(path));
    return;
  }
  const method = req.method ?? 'GET';
  if (upload && method !== 'POST') {
    res.setHeader('allow', 'POST');
    send(
      req,
      res,
      405,
      codedErrorBody('Attach a file with POST /attachments.', 'METHOD_NOT_ALLOWED'),
    );
    return;
  }
  // GET only: each download is recorded as personal data leaving Redress, so no HEAD that
  // would be recorded without sending anything.
  if (one && method !== 'GET') {
    res.setHeader('allow', 'GET');
    send(req, res, 405, codedErrorBody('Attachments are read with GET.', 'METHOD_NOT_ALLOWED'));
    return;
  }
  try {
    const principal = await authenticate(deps.services.auth, { headers: req.headers });
    const address = deps.addressOf(req);
    await deps.services.requestLimits?.check(principal, address, upload);
    if (upload) {
      const query = new URL(req.url ?? '/', 'http://redress.invalid').searchParams;
      const attachment = await deps.services.attachments.upload(
        principal,
        {
          complaintId: required(query, 'complaintId'),
          fileName: required(query, 'fileName'),
          description: query.get('description'),
        },
        bodyReader(req),
      );
      res.setHeader('cache-control', 'no-store');
      res.setHeader('location', toAttachmentType(attachment).downloadPath);
      send(req, res, 201, toAttachmentType(attachment));
      return;
    }
    const id = one?.[1] ?? '';
    const { attachment, content } = await deps.services.attachments.download(
      principal,
      id,
      address,
    );
    res.statusCode = 200;
    res.setHeader('content-type', attachment.contentType);
    res.setHeader('content-length', String(content.length));
    res.setHeader('content-disposition', contentDisposition(attachment.fileName));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-security-policy', DOWNLOAD_POLICY);
    res.end(content);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(req, res, error);
  }
}

function required(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value.trim() === '') {
    throw new BadUserInputError(
      `${name} is missing: POST /attachments?complaintId=<the case's id>&fileName=<its name>, with the file as the body.`,
      name,
    );
  }
  return value;
}

/**
 * Reads the request's body into memory, refusing at once a declared length over the limit and
 * otherwise stopping (the rest never read) as soon as more than the limit has come.
 */
function bodyReader(req: IncomingMessage): AttachmentBodyReader {
  return (limit) =>
    new Promise<Uint8Array | null>((resolve, reject) => {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) {
        resolve(null);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const stop = (): void => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('aborted', onAborted);
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) {
          stop();
          req.pause();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = (): void => {
        stop();
        resolve(Buffer.concat(chunks, size));
      };
      const onError = (error: Error): void => {
        stop();
        reject(error);
      };
      const onAborted = (): void => {
        stop();
        reject(new Error('The upload was cut off before its end.'));
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('aborted', onAborted);
    });
}

/**
 * Answers; when the request's body was not read to its end (refused before or while reading),
 * the connection is closed after the answer rather than the rest of the body read to reuse it.
 */
function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  if (!req.complete) res.setHeader('connection', 'close');
  sendJson(res, status, body);
}

function sendAppError(req: IncomingMessage, res: ServerResponse, error: AppError): void {
  const answer = appErrorAnswer(error);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  send(req, res, answer.status, answer.body);
}

function notServed(path: string) {
  return codedErrorBody(
    `Nothing is served at ${path}: attach a file with POST /attachments?complaintId=…&fileName=…, read one with GET /attachments/<id>.`,
    'NOT_FOUND',
  );
}
