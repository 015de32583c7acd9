import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { authenticate } from '../../auth/authenticate.js';
import type { Principal } from '../../auth/principal.js';
import { requirePermission } from '../../auth/require-permission.js';
import { isAppError } from '../../errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../../errors/graphql-errors.js';
import { codedErrorBody, sendAppError } from '../../errors/http-errors.js';
import { sendJson } from '../../graphql-http.js';
import { enumNameOf } from '../../scalars/graphql-enum.js';
import type { Services } from '../../services.js';
import {
  MEASURE_DIMENSIONS,
  MEASURE_PARTS,
  type MeasureName,
  type MeasurePart,
} from '../measure-names.type.js';
import type { MeasureCaseRow } from '../measure-cases.repository.js';
import type { MeasuresFilter } from '../measures-filter.js';
import { CSV_CONTENT_TYPE, csvRow, type CsvCell } from './csv.js';
import {
  EXPORTS_PREFIX,
  filterOf,
  MEASURE_BY_ENUM_NAME,
  oneOf,
  routeOf,
  yearOf,
} from './export-params.js';
import { figureRows } from './measure-figures.js';

// The measures as CSV files over HTTP, for analysts' spreadsheets and partners' pipelines:
//   GET /exports/measures.csv?year=Y[&tenure=]                      every figure, one row each
//   GET /exports/measures/<MEASURE>.csv?year=Y&by=<dimension>       a figure's breakdown
//   GET /exports/measures/<MEASURE>/cases.csv?year=Y&part=<part>    the cases behind it
// Each takes the filter's tenure, category and team as well. The caller is authenticated as on
// /graphql (Authorization: Bearer <access token or API key>) and needs measures:read; a refusal
// is a coded JSON error, as GraphQL answers it. The cases are read a thousand at a time by
// keyset and written as they come, so a year of any size streams without being held.

export interface MeasuresExportDeps {
  readonly services: Services;
  readonly logger: Logger;
  /** The client's address, for rate limits. */
  readonly addressOf: (req: IncomingMessage) => string | null;
}

/** Whether a path is one of the exports' (to be answered by `measuresExport`). */
export function isMeasuresExportPath(path: string): boolean {
  return path === `${EXPORTS_PREFIX}.csv` || path.startsWith(`${EXPORTS_PREFIX}/`);
}

/** The handler of the export paths. */
export function measuresExport(deps: MeasuresExportDeps) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    answer(deps, req, res, path).catch((error: unknown) => {
      if (res.headersSent) {
        // Part of the file was sent: cut it off, so it is not taken for the whole.
        deps.logger.error({ err: error }, 'A measures export failed part way');
        res.destroy();
      } else if (isAppError(error)) {
        sendAppError(res, error);
      } else {
        deps.logger.error({ err: error }, 'Could not answer a measures export');
        sendJson(res, 500, {
          errors: [
            { message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        });
      }
    });
  };
}

async function answer(
  deps: MeasuresExportDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(
      res,
      405,
      codedErrorBody(`${req.method ?? ''} is not served here: use GET.`, 'BAD_REQUEST'),
    );
    return;
  }
  const route = routeOf(path);
  if (!route) {
    sendJson(
      res,
      404,
      codedErrorBody(
        `Nothing is served at ${path}: the exports are ${EXPORTS_PREFIX}.csv, ${EXPORTS_PREFIX}/<MEASURE>.csv and ${EXPORTS_PREFIX}/<MEASURE>/cases.csv, MEASURE one of ${[...MEASURE_BY_ENUM_NAME.keys()].join(', ')}.`,
        'NOT_FOUND',
      ),
    );
    return;
  }
  const principal = await authenticate(deps.services.auth, { headers: req.headers });
  requirePermission(principal, 'measures:read');
  await deps.services.requestLimits?.check(principal, deps.addressOf(req), false);
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const year = yearOf(params);
  const filter = filterOf(params);
  const measures = deps.services.measures;
  switch (route.kind) {
    case 'figures': {
      const [tsm, report] = await Promise.all([
        measures.tsmReport(principal, year, filter.tenure),
        measures.measures(principal, year, filter),
      ]);
      const header = [
        'year',
        'tenure',
        'figure',
        'description',
        'numerator',
        'denominator',
        'value',
      ];
      const tenure = filter.tenure ? enumNameOf(filter.tenure) : 'ALL';
      await sendCsv(req, res, `measures-${year}${filter.tenure ? `-${filter.tenure}` : ''}.csv`, [
        header,
        ...figureRows(tsm, report).map((row) => [
          year,
          tenure,
          row.figure,
          row.description,
          row.numerator,
          row.denominator,
          row.value,
        ]),
      ]);
      return;
    }
    case 'breakdown': {
      const by = oneOf(params, 'by', MEASURE_DIMENSIONS);
      const buckets = await measures.breakdown(principal, year, route.measure, by, filter);
      await sendCsv(req, res, `${route.measure}-${year}-by-${by}.csv`, [
        ['key', 'label', 'numerator', 'denominator', 'value'],
        ...buckets.map((b) => [b.key, b.label, b.numerator, b.denominator, b.value]),
      ]);
      return;
    }
    case 'cases': {
      const part = oneOf(params, 'part', MEASURE_PARTS);
      const rows = casesCsv(principal, measures, { year, measure: route.measure, part, filter });
      await sendCsv(req, res, `${route.measure}-${year}-${part}-cases.csv`, rows);
      return;
    }
  }
}

const CASE_HEADER = [
  'id',
  'reference',
  'stage',
  'tenure',
  'category',
  'received_on',
  'responded_on',
  'on_time',
  'outcome',
  'team_id',
  'action_id',
  'due_on',
];

async function* casesCsv(
  principal: Principal,
  measures: Services['measures'],
  query: { year: number; measure: MeasureName; part: MeasurePart; filter: MeasuresFilter },
): AsyncGenerator<readonly CsvCell[]> {
  // Refusals (a year out of range, CH01's denominator) come before the first row is sent.
  const cases = measures.eachCase(principal, query);
  const first = await cases.next();
  yield CASE_HEADER;
  if (first.done) return;
  yield caseCells(first.value);
  for await (const c of cases) yield caseCells(c);
}

function caseCells(c: MeasureCaseRow): readonly CsvCell[] {
  return [
    c.id,
    c.reference,
    c.stage,
    enumNameOf(c.tenure),
    c.category,
    c.receivedOn,
    c.respondedOn,
    c.onTime,
    c.outcome === null ? null : enumNameOf(c.outcome),
    c.teamId,
    c.actionId,
    c.dueOn,
  ];
}

/** Writes the rows as they come, waiting for the client to take each chunk. */
async function sendCsv(
  req: IncomingMessage,
  res: ServerResponse,
  filename: string,
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
): Promise<void> {
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : undefined;
  const source: AsyncIterable<readonly CsvCell[]> = iterator
    ? { [Symbol.asyncIterator]: () => iterator }
    : toAsync(rows as Iterable<readonly CsvCell[]>);
  let chunk = '';
  let started = false;
  const start = () => {
    res.statusCode = 200;
    res.setHeader('content-type', CSV_CONTENT_TYPE);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    started = true;
  };
  for await (const row of source) {
    if (!started) start();
    if (req.method === 'HEAD') break;
    chunk += csvRow(row);
    if (chunk.length >= 64 * 1024) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
      chunk = '';
    }
  }
  if (!started) start();
  res.end(req.method === 'HEAD' ? undefined : chunk);
}

async function* toAsync<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
