// Writers that race on one complaint without naming a version. Each such write applies to the
// case as it stands when it lands, so none of them may answer CONFLICT, on either database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData } from '../test/graphql-client.js';
import { LOG_COMPLAINT, logInput } from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T09:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

const ASSIGN_VERSION = /* GraphQL */ `
  mutation Assign($id: ID!, $handler: String!) {
    assignComplaint(id: $id, handler: $handler) {
      version
      assignee
    }
  }
`;

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    complaint(id: $id) {
      version
      assignee
      events {
        version
        type
      }
    }
  }
`;

describe('concurrent writes without expectedVersion to one complaint', () => {
  it('lands all 50 assignments, each once, and none answers CONFLICT', async () => {
    const logged = await gqlData<{ logComplaint: { id: string; version: number } }>(
      api.url,
      LOG_COMPLAINT,
      { input: logInput('2026-11-06T10:00:00Z') },
    );
    const { id, version: first } = logged.logComplaint;
    const handlers = Array.from({ length: 50 }, (_, i) => `Handler ${i + 1}`);

    const started = performance.now();
    const answers = await Promise.all(
      handlers.map((handler) =>
        gql<{ assignComplaint: { version: number; assignee: string } }>(api.url, ASSIGN_VERSION, {
          id,
          handler,
        }),
      ),
    );
    const elapsed = performance.now() - started;
    if (process.env.REDRESS_REPORT_TIMINGS) {
      process.stdout.write(`50 concurrent assignments: ${elapsed.toFixed(0)} ms\n`);
    }

    const errors = answers.flatMap((answer) => answer.errors ?? []);
    expect(errors.map((error) => error.extensions?.code)).toEqual([]);
    // Each write answered the version it made, and no two made the same one.
    const versions = answers.map((answer) => answer.data?.assignComplaint.version);
    expect(new Set(versions).size).toBe(50);
    expect(Math.min(...(versions as number[]))).toBe(first + 1);
    expect(Math.max(...(versions as number[]))).toBe(first + 50);

    const history = await gqlData<{
      complaint: { version: number; assignee: string; events: { version: number; type: string }[] };
    }>(api.url, HISTORY, { id });
    expect(history.complaint.version).toBe(first + 50);
    const assigned = history.complaint.events.filter((e) => e.type === 'complaint-assigned');
    expect(assigned).toHaveLength(50);
    // The case's handler is the one whose write landed last.
    const last = answers.find((answer) => answer.data?.assignComplaint.version === first + 50);
    expect(history.complaint.assignee).toBe(last?.data?.assignComplaint.assignee);
  });
});
