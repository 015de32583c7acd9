// Complaint.allowedSteps through real requests: the domain's rule of where the case stands, for
// the caller asking, so that a screen offers only the steps it may take now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  LOG_COMPLAINT,
  logInput,
  complaintFrom,
} from '../test/complaint-operations.js';
import { signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-20T12:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

async function stepsOf(id: string, headers: Record<string, string> = {}): Promise<string[]> {
  const data = await gqlData<{ complaint: { allowedSteps: string[] } }>(
    api.url,
    `query Steps($id: ID!) { complaint(id: $id) { allowedSteps } }`,
    { id },
    headers,
  );
  return data.complaint.allowedSteps;
}

describe('Complaint.allowedSteps', () => {
  it('follows the case: a new one is acknowledged, not closed; then it is answered', async () => {
    const logged = await complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-19T09:00:00Z'),
      at: '2026-11-19T09:00:00Z',
    });
    const before = await stepsOf(logged.id);
    expect(before).toEqual(expect.arrayContaining(['ACKNOWLEDGE', 'EXTEND', 'WITHDRAW', 'REFUSE']));
    expect(before).not.toContain('CLOSE');
    expect(before).not.toContain('RESPOND');
    expect(before).not.toContain('REOPEN');

    await complaintFrom(api.url, ACKNOWLEDGE, 'acknowledgeComplaint', {
      id: logged.id,
      expectedVersion: logged.version,
    });
    const after = await stepsOf(logged.id);
    expect(after).toContain('RESPOND');
    expect(after).not.toContain('ACKNOWLEDGE');
  });

  it('offers nothing to a caller who may only read', async () => {
    const logged = await complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
      input: logInput('2026-11-19T10:00:00Z'),
    });
    const reader = await signInNewUser(api.services, 'ANALYST');
    expect(await stepsOf(logged.id, reader.headers)).toEqual([]);
  });
});
