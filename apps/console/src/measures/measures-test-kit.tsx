// What the measures pages' tests share: a stand-in API answering each GraphQL operation by its
// name (and the file routes by path) through a stubbed fetch, and the pages rendered at an
// address, inside react-admin, with a person's permissions.
import { configure, render } from '@testing-library/react';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { MemoryRouter, Routes } from 'react-router';
import { vi } from 'vitest';
import { setAccessToken } from '../shared/access-token';
import { measuresRoutes } from './index';
// Loaded up front, so the routes' lazy imports resolve at once rather than within a test's wait.
import './AnnualReportPage';
import './HomesPage';
import './ImprovementsPage';
import './MeasureCasesPage';
import './MeasuresPage';
import './SurveyImportPage';

// The pages load as lazy chunks and draw many MUI parts: on a busy machine the first render of
// a file takes seconds, longer than Testing Library's one-second wait.
configure({ asyncUtilTimeout: 10_000 });

export interface Sent {
  operation: string;
  variables: Record<string, unknown>;
  authorization: string | null;
}

type Answer = (variables: Record<string, unknown>) => unknown;

export interface FakeApi {
  sent: Sent[];
  files: { path: string; authorization: string | null }[];
  /** The variables of every request of one operation, in order. */
  variablesOf(operation: string): Record<string, unknown>[];
}

/**
 * Stubs fetch: /graphql answers `{ data }` from the operation's handler (or the error it
 * throws, as the API's coded error); any other path answers `files[path]` as a download.
 */
export function fakeApi(
  operations: Record<string, Answer>,
  files: Record<string, { status?: number; body: string; type?: string }> = {},
): FakeApi {
  setAccessToken('token-of-the-session');
  const api: FakeApi = {
    sent: [],
    files: [],
    variablesOf: (operation) =>
      api.sent.filter((s) => s.operation === operation).map((s) => s.variables),
  };
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const authorization = headers.get('authorization');
    if (!input.endsWith('/graphql')) {
      api.files.push({ path: input, authorization });
      const file = files[input];
      if (!file) return new Response('{"errors":[{"message":"Not found"}]}', { status: 404 });
      return new Response(file.body, {
        status: file.status ?? 200,
        headers: { 'content-type': file.type ?? 'text/csv; charset=utf-8' },
      });
    }
    const body = JSON.parse(String(init.body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    api.sent.push({ operation, variables: body.variables, authorization });
    const answer = operations[operation];
    if (!answer) {
      return Response.json({ errors: [{ message: `No answer for ${operation}` }] });
    }
    try {
      return Response.json({ data: answer(body.variables) });
    } catch (error) {
      return Response.json({
        errors: [
          {
            message: error instanceof Error ? error.message : String(error),
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    }
  });
  return api;
}

function authWith(permissions: readonly string[]): AuthProvider {
  return {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve([...permissions]),
  };
}

export const ANALYST = ['self', 'measures:read', 'surveys:write'];
export const ADMIN = [...ANALYST, 'homes:write', 'improvements:write'];

/** Renders the measures' routes at `path` for a person with `permissions`. */
export function renderAt(path: string, permissions: readonly string[] = ADMIN) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AdminContext dataProvider={{} as DataProvider} authProvider={authWith(permissions)}>
        <Routes>{measuresRoutes}</Routes>
      </AdminContext>
    </MemoryRouter>,
  );
}
