// feedbackItems pages by cursor as complaints does: every item once, newest first, the count on
// every page, and a cursor of another list refused with the field to correct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, gqlError } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const RECORD = /* GraphQL */ `
  mutation ($input: RecordFeedbackInput!) {
    recordFeedback(input: $input) {
      id
    }
  }
`;

const PAGE = /* GraphQL */ `
  query ($kind: FeedbackKind, $first: Int, $after: String, $offset: Int) {
    feedbackItems(kind: $kind, first: $first, after: $after, offset: $offset) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        kind
        receivedAt
      }
    }
  }
`;

interface Page {
  feedbackItems: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    nodes: { id: string; kind: string; receivedAt: string }[];
  };
}

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-30T12:00:00Z' });
  // Seven items, two of them received at the same instant (the id breaks the tie).
  const received = ['01', '02', '03', '03', '04', '05', '06'];
  for (const [index, day] of received.entries()) {
    await gqlData(api.url, RECORD, {
      input: {
        kind: index % 3 === 0 ? 'SERVICE_REQUEST' : 'COMPLIMENT',
        receivedAt: `2026-11-${day}T09:00:00Z`,
        channel: 'EMAIL',
        from: `Resident ${index}`,
        summary: `Feedback ${index}`,
        category: 'repairs',
      },
    });
  }
});

afterAll(async () => {
  await api?.stop();
});

async function page(variables: Record<string, unknown>) {
  return (await gqlData<Page>(api.url, PAGE, variables)).feedbackItems;
}

describe('feedbackItems', () => {
  it('pages through every item once, newest first, by cursor, as offset paging does', async () => {
    const all = await page({ first: 200 });
    expect(all.totalCount).toBe(7);
    const byCursor: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const next = await page({ first: 3, after });
      expect(next.totalCount).toBe(7);
      expect(next.pageInfo.hasPreviousPage).toBe(after !== null);
      byCursor.push(...next.nodes.map((node) => node.id));
      if (!next.pageInfo.hasNextPage) {
        expect(pages).toBe(3);
        break;
      }
      after = next.pageInfo.endCursor;
    }
    expect(byCursor).toEqual(all.nodes.map((node) => node.id));
    const received = all.nodes.map((node) => node.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
    const byOffset = await page({ first: 3, offset: 3 });
    expect(byOffset.nodes.map((node) => node.id)).toEqual(byCursor.slice(3, 6));
  });

  it('keeps the kind filter and its count across pages', async () => {
    const first = await page({ kind: 'SERVICE_REQUEST', first: 2 });
    expect(first.totalCount).toBe(3);
    const second = await page({
      kind: 'SERVICE_REQUEST',
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(second.totalCount).toBe(3);
    expect(second.nodes).toHaveLength(1);
    expect(second.nodes[0]?.kind).toBe('SERVICE_REQUEST');
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('answers past the end with no items and the count', async () => {
    const last = await page({ first: 7 });
    const beyond = await page({ first: 3, after: last.pageInfo.endCursor });
    expect(beyond.nodes).toEqual([]);
    expect(beyond.totalCount).toBe(7);
    expect(beyond.pageInfo.endCursor).toBeNull();
  });

  it('refuses a cursor that is not one of its own, naming the field', async () => {
    // What a complaints page's cursor looks like: another list's, and refused here.
    const ofComplaints = Buffer.from(
      JSON.stringify(['receivedAt', 'desc', '2026-11-01 09:00:00+00', crypto.randomUUID()]),
    ).toString('base64url');
    for (const after of ['not-a-cursor', ofComplaints]) {
      const error = await gqlError(api.url, PAGE, { first: 3, after });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});
