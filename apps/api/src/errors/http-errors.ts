import type { ServerResponse } from 'node:http';
import { sendJson } from '../graphql-http.js';
import type { AppError } from './app-errors.js';
import { toGraphQLError } from './graphql-errors.js';

/** An error body as GraphQL writes one, for the plain HTTP routes (files, exports, reports). */
export function codedErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * What an application error answers on a plain HTTP route: the status it names (401, 403, 413,
 * 429 ...), else 404 for what does not exist and 400 for the rest, with the same message and
 * code as over GraphQL. Never cached.
 */
export function appErrorAnswer(error: AppError): {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: unknown;
} {
  const mapped = toGraphQLError(error);
  const http = error.extensions?.http;
  return {
    status: http?.status ?? (error.kind === 'not-found' ? 404 : 400),
    headers: new Map([...(http?.headers ?? []), ['cache-control', 'no-store']]),
    body: { errors: [{ message: mapped.message, extensions: mapped.extensions }] },
  };
}

export function sendAppError(res: ServerResponse, error: AppError): void {
  const answer = appErrorAnswer(error);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  sendJson(res, answer.status, answer.body);
}
