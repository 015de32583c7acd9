import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import bodyParser from 'body-parser';
import type { Logger } from 'pino';
import { OperationRefusedError } from './errors/app-errors.js';
import { INTERNAL_ERROR_MESSAGE, toGraphQLError } from './errors/graphql-errors.js';
import { MAX_RESPONSE_BYTES } from './limits/operation-limits.js';

/** The largest request body taken, JSON; a larger one is refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

// GraphQL over HTTP on node:http, the way Apollo's own standalone server serves it: body-parser
// reads the JSON body, Apollo does the rest (CSRF prevention, content negotiation, errors,
// status codes). Express sat in front of this before; its router and response helpers cost about
// a tenth of a list request's time on the Node thread and did nothing the API needs
// (docs/benchmarks.md).

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves GraphQL requests with `apollo` (started), each with the context `context` makes. */
export function graphqlHttpHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>,
  logger: Logger,
): Handler {
  const readJson = bodyParser.json({ limit: MAX_BODY_BYTES });
  return (req, res) => {
    readJson(req, res, (error?: unknown) => {
      if (error) {
        sendBodyError(res, error);
        return;
      }
      execute(apollo, req, res, context).catch((failure: unknown) => {
        logger.error({ err: failure }, 'Could not answer a GraphQL request');
        if (!res.headersSent) {
          sendJson(res, 500, graphqlError(INTERNAL_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR'));
        } else {
          res.destroy();
        }
      });
    });
  };
}

async function execute<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: query === -1 ? '' : url.slice(query),
      body: 'body' in req ? req.body : undefined,
    },
    context: () => context(req, res),
  });
  if (answer.body.kind === 'complete') {
    // The limits refuse what would make a large answer before it runs; this catches the rest
    // (long texts times many fields) rather than sending hundreds of megabytes.
    const bytes = Buffer.byteLength(answer.body.string);
    if (bytes > MAX_RESPONSE_BYTES) {
      sendJson(res, 400, responseTooLarge(bytes));
      return;
    }
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    res.end(answer.body.string);
    return;
  }
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/** body-parser's refusals (malformed JSON, too large, a charset it cannot read) as GraphQL errors. */
function sendBodyError(res: ServerResponse, error: unknown): void {
  const status = statusOf(error);
  const message =
    status === 413
      ? `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MiB: send a smaller operation or fewer variables.`
      : status === 415
        ? 'The request body must be JSON in UTF-8 (Content-Type: application/json).'
        : 'The request body is not valid JSON.';
  sendJson(res, status, graphqlError(message, 'BAD_REQUEST'));
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}

function responseTooLarge(bytes: number) {
  const mib = (n: number) => Math.ceil((n / 1024 / 1024) * 10) / 10;
  const { message, extensions } = toGraphQLError(
    new OperationRefusedError(
      'RESPONSE_TOO_LARGE',
      `The answer would be ${mib(bytes)} MiB, over the limit of ${mib(MAX_RESPONSE_BYTES)} MiB: ask for fewer items per page or fewer fields.`,
      { bytes, maximumBytes: MAX_RESPONSE_BYTES },
    ),
  );
  return { errors: [{ message, extensions }] };
}

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
