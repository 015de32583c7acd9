import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { BadUserInputError, isAppError } from '../errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../errors/graphql-errors.js';
import { codedErrorBody, sendAppError } from '../errors/http-errors.js';
import { sendJson } from '../graphql-http.js';
import type { Services } from '../services.js';
import { annualReportDocument } from './annual-report.document.js';
import { reportHtml } from './report-html.js';
import { reportPdf } from './report-pdf.js';
import { yearLabel } from './report-format.js';

export type ReportFormat = 'pdf' | 'html';

/** Where the report of a year is served: `/reports/annual/2026.pdf`. */
export function annualReportPath(year: number, format: ReportFormat): string {
  return `/reports/annual/${year}.${format}`;
}

/** Everything under it is the annual report's to answer, a 404 included. */
export const REPORTS_PREFIX = '/reports/annual/';

const ANNUAL = /^\/reports\/annual\/([^/]*)\.(pdf|html)$/;

/** Only styles written in the page itself: the report runs no script and loads nothing. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ReportRoutesDeps {
  readonly services: Services;
  readonly logger: Logger;
  /** The client's address, for the rate limits (as GraphQL requests count). */
  readonly addressOf: (req: IncomingMessage) => string | null;
}

/**
 * GET /reports/annual/<year>.pdf and .html, for callers with measures:read: the same bearer
 * token as GraphQL, the same coded errors as JSON (never a stack trace), nothing cached.
 */
export function reportRoutes(deps: ReportRoutesDeps) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    answer(deps, req, res, path).catch((failure: unknown) => {
      deps.logger.error({ err: failure }, 'Could not make a report');
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, codedErrorBody(INTERNAL_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR'));
    });
  };
}

async function answer(
  deps: ReportRoutesDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const match = ANNUAL.exec(path);
  if (!match) {
    sendJson(
      res,
      404,
      codedErrorBody(
        `Nothing is served at ${path}: the annual report is at /reports/annual/<year>.pdf and /reports/annual/<year>.html.`,
        'NOT_FOUND',
      ),
    );
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, codedErrorBody('Reports are read with GET.', 'METHOD_NOT_ALLOWED'));
    return;
  }
  const [, yearText = '', format] = match;
  try {
    const principal = await authenticate(deps.services.auth, { headers: req.headers });
    await deps.services.requestLimits?.check(principal, deps.addressOf(req), false);
    if (!/^\d{4}$/.test(yearText)) {
      throw new BadUserInputError(
        `"${yearText}" is not a reporting year: name it by the year it starts in, e.g. /reports/annual/2026.pdf for 1 April 2026 to 31 March 2027.`,
        'year',
      );
    }
    const report = await deps.services.annualReports.report(principal, Number(yearText));
    const document = annualReportDocument(report);
    const name = `annual-complaints-report-${yearLabel(report.year)}`.replace('–', '-');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (format === 'pdf') {
      const pdf = await reportPdf(document);
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `inline; filename="${name}.pdf"`);
      send(req, res, pdf);
    } else {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', HTML_POLICY);
      send(req, res, Buffer.from(reportHtml(document), 'utf8'));
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, error);
  }
}

function send(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('content-length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}
