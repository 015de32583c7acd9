// Every list answers in one shape (shared/connection.ts, shared/list-args.ts): it pages by cursor
// and by offset to the same items, filters by ids, orders both ways, and counts only when a count
// is selected, in one bounded statement. The old plain lists still answer, deprecated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { newPartnerKey, signInNewUser, type PartnerKey } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { countUpTo } from './keyset-page.js';

interface ListSpec {
  readonly field: string;
  /** The filter's input type and the order's. */
  readonly filter: string;
  readonly order: string;
  readonly orders: readonly string[];
  /** An id of the list's kind that nothing has. */
  readonly missing: string;
}

const NONE = '00000000-0000-4000-8000-000000000000';

const LISTS: readonly ListSpec[] = [
  {
    field: 'complaints',
    filter: 'ComplaintFilter',
    order: 'ComplaintOrder',
    orders: ['RECEIVED_AT', 'REFERENCE'],
    missing: NONE,
  },
  {
    field: 'feedbackItems',
    filter: 'FeedbackFilter',
    order: 'FeedbackOrder',
    orders: ['RECEIVED_AT'],
    missing: NONE,
  },
  {
    field: 'policiesPage',
    filter: 'PolicyFilter',
    order: 'PolicyOrder',
    orders: ['NAME', 'ID'],
    missing: 'no-such-policy',
  },
  {
    field: 'usersPage',
    filter: 'UserFilter',
    order: 'UserOrder',
    orders: ['NAME', 'EMAIL', 'CREATED_AT'],
    missing: NONE,
  },
  {
    field: 'teamsPage',
    filter: 'TeamFilter',
    order: 'TeamOrder',
    orders: ['NAME', 'CREATED_AT'],
    missing: NONE,
  },
  {
    field: 'apiKeysPage',
    filter: 'ApiKeyFilter',
    order: 'ApiKeyOrder',
    orders: ['CREATED_AT', 'NAME'],
    missing: NONE,
  },
  {
    field: 'auditLogPage',
    filter: 'AuditLogPageFilter',
    order: 'AuditLogOrder',
    orders: ['AT'],
    missing: '999999999',
  },
];

interface Page {
  nodes: { id: string }[];
  edges?: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount?: number;
  totalCountIsExact?: boolean;
}

function document(list: ListSpec, selection: string): string {
  return `query ($filter: ${list.filter}, $orderBy: ${list.order}, $first: Int, $after: String, $offset: Int) {
    list: ${list.field}(filter: $filter, orderBy: $orderBy, first: $first, after: $after, offset: $offset) {
      ${selection}
    }
  }`;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const WITH_COUNT = `nodes { id } edges { cursor node { id } } ${PAGE_INFO} totalCount totalCountIsExact`;
const WITHOUT_COUNT = `nodes { id } ${PAGE_INFO}`;

let api: TestServer;
let partner: PartnerKey;
let handler: { headers: Readonly<Record<string, string>> };

async function page(list: ListSpec, variables: Variables, selection = WITH_COUNT): Promise<Page> {
  return (await gqlData<{ list: Page }>(api.url, document(list, selection), variables)).list;
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-30T12:00:00Z' });
  const { services, url } = api;
  handler = await signInNewUser(services, 'HANDLER', { name: 'Alex Moss' });
  await signInNewUser(services, 'ANALYST', { name: 'Bea Lund' });
  await signInNewUser(services, 'MANAGER', { name: 'Cal Ng' });
  for (const name of ['Repairs', 'Lettings', 'Estates']) {
    await gqlData(url, `mutation ($name: String!) { createTeam(name: $name) { id } }`, { name });
  }
  partner = await newPartnerKey(services, ['complaints:read']);
  await newPartnerKey(services, ['complaints:write']);
  await newPartnerKey(services, ['measures:read']);
  for (const [index, day] of ['02', '03', '03', '05', '09'].entries()) {
    await gqlData(
      url,
      `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`,
      {
        input: {
          kind: index % 2 === 0 ? 'COMPLIMENT' : 'SUGGESTION',
          receivedAt: `2026-11-${day}T09:00:00Z`,
          channel: 'EMAIL',
          summary: `Feedback ${index}`,
          category: 'repairs',
        },
      },
    );
    await gqlData(
      url,
      `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
      {
        input: {
          // Two on the same instant: the id breaks the tie, both ways.
          receivedAt: `2026-11-${day}T10:00:00Z`,
          channel: 'EMAIL',
          complainant: { name: `Resident ${index}`, type: 'TENANT' },
          summary: `Complaint ${index}`,
          category: 'repairs',
          tenure: 'LCRA',
        },
      },
    );
  }
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe.each(LISTS)('$field', (list) => {
  it.each(list.orders)(
    'pages by cursor and by offset to the same items, ordered by %s both ways',
    async (field) => {
      const ids: Record<string, string[]> = {};
      for (const direction of ['ASC', 'DESC']) {
        const orderBy = { field, direction };
        const all = await page(list, { orderBy, first: 200 });
        expect(all.nodes.length).toBeGreaterThanOrEqual(3);
        expect(all.totalCount).toBe(all.nodes.length);
        expect(all.totalCountIsExact).toBe(true);
        expect(all.edges?.map((edge) => edge.node.id)).toEqual(all.nodes.map((node) => node.id));
        const walked: string[] = [];
        let after: string | null = null;
        for (;;) {
          const next: Page = await page(list, { orderBy, first: 2, after });
          expect(next.pageInfo.hasPreviousPage).toBe(after !== null);
          expect(next.pageInfo.endCursor).toBe(next.edges?.at(-1)?.cursor ?? null);
          expect(next.totalCount).toBe(all.totalCount);
          walked.push(...next.nodes.map((node) => node.id));
          if (!next.pageInfo.hasNextPage) break;
          after = next.pageInfo.endCursor;
        }
        const expected = all.nodes.map((node) => node.id);
        expect(walked).toEqual(expected);
        const byOffset = await page(list, { orderBy, first: 2, offset: 2 });
        expect(byOffset.nodes.map((node) => node.id)).toEqual(expected.slice(2, 4));
        expect(byOffset.pageInfo.hasPreviousPage).toBe(true);
        ids[direction] = expected;
      }
      expect(ids.DESC).toEqual([...(ids.ASC ?? [])].reverse());
    },
  );

  it('filters by ids, an id nothing has matching nothing', async () => {
    const all = await page(list, { first: 200 });
    const wanted = [all.nodes[0]?.id ?? '', all.nodes[2]?.id ?? ''];
    const found = await page(list, { filter: { ids: [...wanted, list.missing] }, first: 200 });
    expect(found.nodes.map((node) => node.id).sort()).toEqual([...wanted].sort());
    expect(found.totalCount).toBe(2);
    const none = await page(list, { filter: { ids: [list.missing, 'not an id'] } });
    expect(none.nodes).toEqual([]);
    expect(none.totalCount).toBe(0);
  });

  it('counts only when a count is selected, in one statement for both count fields', async () => {
    // Warm what is read once per process, so only the page's own statements are compared.
    await page(list, { first: 5 });
    const countsIn = (statements: string[]) =>
      statements.filter((sql) => /\bcount\(/i.test(sql)).length;
    const without = await statementsDuring(api.dataSource, () =>
      page(list, { first: 5 }, WITHOUT_COUNT),
    );
    expect(without.length).toBeGreaterThan(0);
    expect(countsIn(without), without.join('\n')).toBe(0);
    for (const selection of [`${WITHOUT_COUNT} totalCount`, WITH_COUNT]) {
      const withCount = await statementsDuring(api.dataSource, () =>
        page(list, { first: 5 }, selection),
      );
      expect(countsIn(withCount), withCount.join('\n')).toBe(1);
      expect(withCount.length).toBe(without.length + 1);
    }
  });

  it('refuses a cursor of another list, naming the field', async () => {
    const other =
      list.field === 'teamsPage' ? LISTS[0] : LISTS.find((l) => l.field === 'teamsPage');
    if (!other) throw new Error('no other list');
    const { pageInfo } = await page(other, { first: 1 });
    const error = await gqlError(api.url, document(list, WITHOUT_COUNT), {
      first: 1,
      after: pageInfo.endCursor,
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('the bound on counting', () => {
  it('stops at the bound and says the count is not exact', async () => {
    const table = { from: 'feedback', where: [], params: [] };
    const exact = await countUpTo(api.dataSource, table, 100);
    expect(exact).toEqual({ count: 5, exact: true });
    expect(await countUpTo(api.dataSource, table, 5)).toEqual({ count: 5, exact: true });
    expect(await countUpTo(api.dataSource, table, 3)).toEqual({ count: 3, exact: false });
    const filtered = { from: 'feedback', where: ['kind = $1'], params: ['compliment'] };
    expect(await countUpTo(api.dataSource, filtered, 2)).toEqual({ count: 2, exact: false });
    expect(await countUpTo(api.dataSource, filtered, 3)).toEqual({ count: 3, exact: true });
  });

  it('refuses more ids than a page holds, and an offset past 10,000', async () => {
    const complaints = LISTS[0];
    if (!complaints) throw new Error('no complaints list');
    const ids = Array.from({ length: 201 }, () => NONE);
    const tooMany = await gqlError(api.url, document(complaints, WITHOUT_COUNT), {
      filter: { ids },
    });
    expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
    const far = await gqlError(api.url, document(complaints, WITHOUT_COUNT), { offset: 10_001 });
    expect(far.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });
});

describe('what each caller may list', () => {
  it('lets only admins order users by email or find them by it', async () => {
    const users = LISTS.find((l) => l.field === 'usersPage');
    if (!users) throw new Error('no users list');
    const query = document(users, WITHOUT_COUNT);
    const byEmail = { orderBy: { field: 'EMAIL', direction: 'ASC' } };
    const refused = await gqlError(api.url, query, byEmail, handler.headers);
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    const admin = await gqlData<{ list: Page }>(api.url, query, {
      filter: { text: 'test.redress' },
    });
    const asHandler = await gqlData<{ list: Page }>(
      api.url,
      query,
      { filter: { text: 'test.redress' } },
      handler.headers,
    );
    expect(admin.list.nodes.length).toBeGreaterThanOrEqual(4);
    expect(asHandler.list.nodes).toEqual([]);
    const byName = await gqlData<{ list: Page }>(
      api.url,
      query,
      { filter: { text: 'alex m' } },
      handler.headers,
    );
    expect(byName.list.nodes).toHaveLength(1);
  });

  it('answers me for a person, FORBIDDEN for a partner key, UNAUTHENTICATED for no one', async () => {
    const ME = '{ me { id name } }';
    const mine = await gqlData<{ me: { id: string } }>(api.url, ME, {}, handler.headers);
    expect(mine.me.id).toMatch(/^[0-9a-f-]{36}$/);
    const ofKey = await gqlError(api.url, ME, {}, partner.headers);
    expect(ofKey.extensions?.code).toBe('FORBIDDEN');
    // A key has no person behind it: `me` needs the "self" permission no key scope grants.
    expect(ofKey.message).toMatch(/"self" permission, which this API key/);
    const ofNobody = await gqlError(api.url, ME, {}, ANONYMOUS_HEADERS);
    expect(ofNobody.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the plain lists, deprecated', () => {
  it('still answer what their pages hold', async () => {
    const plain = await gqlData<Record<string, { id: string }[]>>(
      api.url,
      '{ policies { id } users { id } teams { id } apiKeys { id } auditLog(filter: { first: 200 }) { id } }',
    );
    for (const [field, pageField] of [
      ['policies', 'policiesPage'],
      ['users', 'usersPage'],
      ['teams', 'teamsPage'],
      ['apiKeys', 'apiKeysPage'],
      ['auditLog', 'auditLogPage'],
    ] as const) {
      const list = LISTS.find((l) => l.field === pageField);
      if (!list) throw new Error(pageField);
      const paged = await page(list, { first: 200 });
      expect(plain[field]?.map((item) => item.id).sort(), field).toEqual(
        paged.nodes.map((node) => node.id).sort(),
      );
    }
  });

  it('keeps feedbackItems(kind:) working beside filter.kind, and refuses the two differing', async () => {
    const QUERY = `query ($kind: FeedbackKind, $filter: FeedbackFilter) {
      feedbackItems(kind: $kind, filter: $filter) { nodes { kind } totalCount }
    }`;
    type Answer = { feedbackItems: { nodes: { kind: string }[]; totalCount: number } };
    const old = await gqlData<Answer>(api.url, QUERY, { kind: 'COMPLIMENT' });
    const current = await gqlData<Answer>(api.url, QUERY, { filter: { kind: 'COMPLIMENT' } });
    expect(old).toEqual(current);
    expect(old.feedbackItems.totalCount).toBe(3);
    expect(old.feedbackItems.nodes.every((node) => node.kind === 'COMPLIMENT')).toBe(true);
    const both = await gqlError(api.url, QUERY, {
      kind: 'COMPLIMENT',
      filter: { kind: 'SUGGESTION' },
    });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});
