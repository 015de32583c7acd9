// The day a complaint was received is its day in London, not in UTC. In summer London is an hour
// ahead: a complaint received at 23:30 UTC on Thursday 9 July 2026 arrived at 00:30 on Friday
// 10 July, and every date that follows from receipt counts from the Friday. No bank holiday falls
// in July 2026 in England and Wales. (The reference's year cannot tell London from UTC: New Year
// falls in winter, when the two agree.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deadlineOf,
  GET_COMPLAINT,
  LOG_COMPLAINT,
  logInput,
  complaintFrom,
  type ComplaintView,
} from '../test/complaint-operations.js';
import { gqlData } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const RECEIVED_AT = '2026-07-09T23:30:00Z';

let api: TestServer;
let logged: ComplaintView;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-07-10T08:00:00Z' });
  logged = await complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
    input: logInput(RECEIVED_AT, { policyId: 'code-2024' }),
    at: RECEIVED_AT,
  });
});

afterAll(async () => {
  await api?.stop();
});

describe('a complaint received at 23:30 UTC on a summer Thursday (00:30 Friday in London)', () => {
  it('is received on the Friday, as logged and as read back', async () => {
    expect(logged.receivedAt).toBe('2026-07-09T23:30:00.000Z');
    expect(logged.receivedOn).toBe('2026-07-10');
    const read = await complaintFrom(api.url, GET_COMPLAINT, 'complaint', { id: logged.id });
    expect(read.receivedOn).toBe('2026-07-10');
  });

  it('is found by a filter on the Friday, not on the Thursday', async () => {
    const ids = async (day: string) => {
      const data = await gqlData<{ complaints: { nodes: { id: string }[] } }>(
        api.url,
        `query ($day: LocalDate!) {
          complaints(filter: { receivedFrom: $day, receivedTo: $day }) { nodes { id } }
        }`,
        { day },
      );
      return data.complaints.nodes.map((node) => node.id);
    };
    expect(await ids('2026-07-10')).toEqual([logged.id]);
    expect(await ids('2026-07-09')).toEqual([]);
  });

  it('has its deadlines counted from the Friday', () => {
    // Acknowledge within 5 working days of Friday 10 July: Friday 17 July (from the Thursday it
    // would be the 16th). Respond within 10 working days of that: Friday 31 July.
    expect(deadlineOf(logged, 1, 'ACKNOWLEDGE').dueOn).toBe('2026-07-17');
    expect(deadlineOf(logged, 1, 'RESPOND').dueOn).toBe('2026-07-31');
  });
});
