import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { isAppError } from '../errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../errors/graphql-errors.js';
import { codedErrorBody, sendAppError } from '../errors/http-errors.js';
import { sendJson } from '../graphql-http.js';
import type { Services } from '../services.js';
import { letterFileName } from './letter-sender.js';

/** Everything under it is the letters' to answer. */
export const LETTERS_PREFIX = '/letters/';

const LETTER = /^\/letters\/([^/]+)\.(pdf|html)$/;

/** The letter's own styles and its logo inside the page; nothing else runs or loads. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface LetterRoutesDeps {
  readonly services: Services;
  readonly logger: Logger;
  readonly addressOf: (req: IncomingMessage) => string | null;
}

/**
 * GET /letters/<id>.pdf and .html: a letter exactly as issued, to a caller who may read its
 * case's personal data (the same bearer token as GraphQL); another caller is told it does not
 * exist, as for the case itself.
 */
export function letterRoutes(deps: LetterRoutesDeps) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    answer(deps, req, res, path).catch((failure: unknown) => {
      deps.logger.error({ err: failure }, 'Could not serve a letter');
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, codedErrorBody(INTERNAL_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR'));
    });
  };
}

async function answer(
  deps: LetterRoutesDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const match = LETTER.exec(path);
  if (!match) {
    sendJson(
      res,
      404,
      codedErrorBody(
        `Nothing is served at ${path}: a letter is at /letters/<id>.pdf or .html.`,
        'NOT_FOUND',
      ),
    );
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, codedErrorBody('Letters are read with GET.', 'METHOD_NOT_ALLOWED'));
    return;
  }
  const [, id = '', format = 'pdf'] = match;
  try {
    const principal = await authenticate(deps.services.auth, { headers: req.headers });
    await deps.services.requestLimits?.check(principal, deps.addressOf(req), false);
    const letter = await deps.services.letters.find(principal, id);
    const body = await deps.services.letters.rendering(principal, id, format as 'pdf' | 'html');
    const name = letterFileName(letter).replace(/\.pdf$/, `.${format}`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (format === 'pdf') {
      res.setHeader('content-type', 'application/pdf');
    } else {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', HTML_POLICY);
    }
    res.setHeader('content-disposition', `inline; filename="${name}"`);
    res.statusCode = 200;
    res.setHeader('content-length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, error);
  }
}
