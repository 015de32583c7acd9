import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { createDataProvider, type Request } from './index';
import { RESOURCES } from './resources';

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

/** A request stub answering `answer` and recording what the builder sent. */
function stub(answer: unknown) {
  const calls: Call[] = [];
  const request = vi.fn(async (query: string, variables: Record<string, unknown>) => {
    calls.push({ query, variables });
    return (typeof answer === 'function' ? answer(query, variables) : answer) as never;
  }) as unknown as Request;
  return { calls, provider: createDataProvider(request) };
}

const LISTS: Record<string, string> = {
  complaints: 'complaints',
  feedbackItems: 'feedbackItems',
  policies: 'policiesPage',
  users: 'usersPage',
  teams: 'teamsPage',
  apiKeys: 'apiKeysPage',
  auditLog: 'auditLogPage',
};

const page = (nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  nodes,
  pageInfo: { hasNextPage: true, hasPreviousPage: false },
  totalCount: 42,
  totalCountIsExact: true,
  ...extra,
});

describe.each(Object.entries(LISTS))('%s', (resource, listQuery) => {
  const description = RESOURCES[resource]!;

  it('getList asks for a page by first/offset, with the total where the list is counted', async () => {
    const { calls, provider } = stub({ [listQuery]: page([{ id: 'a' }, { id: 'b' }]) });
    const answer = await provider.getList(resource, {
      pagination: { page: 3, perPage: 20 },
      sort: { field: Object.keys(description.list.sortFields)[0]!, order: 'DESC' },
      filter: {},
    });
    const counted = description.list.counted !== false;
    expect(answer).toEqual(
      counted
        ? { data: [{ id: 'a' }, { id: 'b' }], total: 42 }
        : {
            data: [{ id: 'a' }, { id: 'b' }],
            pageInfo: { hasNextPage: true, hasPreviousPage: false },
          },
    );
    const [call] = calls;
    expect(call!.query).toContain(
      `${listQuery}(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset)`,
    );
    expect(call!.query).toContain(`$filter: ${description.list.filterType}`);
    expect(call!.query).toContain(`$orderBy: ${description.list.orderType}`);
    if (counted) expect(call!.query).toContain('totalCount totalCountIsExact');
    else expect(call!.query).not.toContain('totalCount');
    expect(call!.variables).toEqual({
      filter: {},
      orderBy: { field: Object.values(description.list.sortFields)[0], direction: 'DESC' },
      first: 20,
      offset: 40,
    });
  });

  it('getList answers pageInfo instead of a total when the count stopped at its bound', async () => {
    const { provider } = stub({
      [listQuery]: page([{ id: 'a' }], { totalCount: 10_000, totalCountIsExact: false }),
    });
    const answer = await provider.getList(resource, {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'not-a-sort-field', order: 'ASC' },
      filter: {},
    });
    expect(answer).toEqual({
      data: [{ id: 'a' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
  });

  it('getList falls back to the default order for a field the API cannot order by', async () => {
    const { calls, provider } = stub({ [listQuery]: page([]) });
    await provider.getList(resource, {
      pagination: { page: 1, perPage: 500 },
      sort: { field: 'nothing', order: 'ASC' },
      filter: {},
    });
    const { field, direction } = description.list.defaultSort;
    // The enum's name, ASC or DESC, as the API's OrderDirection spells it.
    expect(calls[0]!.variables.orderBy).toEqual({ field, direction: direction.toUpperCase() });
    expect(calls[0]!.variables.first).toBe(200);
  });

  it('getMany reads by filter: { ids }', async () => {
    const { calls, provider } = stub({ [listQuery]: { nodes: [{ id: '1' }, { id: '2' }] } });
    const answer = await provider.getMany(resource, { ids: ['1', '2', '2'] });
    expect(answer.data).toEqual([{ id: '1' }, { id: '2' }]);
    expect(calls[0]!.query).toContain(`${listQuery}(filter: $filter, first: $first)`);
    expect(calls[0]!.variables).toEqual({ filter: { ids: ['1', '2'] }, first: 2 });
  });

  it('getMany splits more than 200 ids into pages of 200', async () => {
    const { calls, provider } = stub((_q: string, v: { filter: { ids: string[] } }) => ({
      [listQuery]: { nodes: v.filter.ids.map((id) => ({ id })) },
    }));
    const ids = Array.from({ length: 450 }, (_, i) => String(i));
    const answer = await provider.getMany(resource, { ids });
    expect(answer.data).toHaveLength(450);
    expect(calls.map((c) => (c.variables.filter as { ids: string[] }).ids.length)).toEqual([
      200, 200, 50,
    ]);
  });

  it('getOne reads one record, by its own query or by ids, and refuses a missing one with 404', async () => {
    const one = description.one;
    const found = one ? { [one]: { id: 'x1' } } : { [listQuery]: { nodes: [{ id: 'x1' }] } };
    const { calls, provider } = stub(found);
    expect(await provider.getOne(resource, { id: 'x1' })).toEqual({ data: { id: 'x1' } });
    if (one) {
      expect(calls[0]!.query).toContain(`${one}(id: $id)`);
      expect(calls[0]!.variables).toEqual({ id: 'x1' });
    } else {
      expect(calls[0]!.variables).toEqual({ filter: { ids: ['x1'] } });
    }
    const missing = one ? { [one]: null } : { [listQuery]: { nodes: [] } };
    const { provider: none } = stub(missing);
    await expect(none.getOne(resource, { id: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('delete is refused with 405: the API keeps every record', async () => {
    const { provider } = stub({});
    await expect(provider.delete(resource, { id: '1' })).rejects.toBeInstanceOf(HttpError);
    await expect(provider.delete(resource, { id: '1' })).rejects.toMatchObject({ status: 405 });
  });
});

describe('filters', () => {
  it('complaints: search, overdue, due date, stage, status, category, assignee, mine', async () => {
    const { calls, provider } = stub({ complaints: page([]) });
    await provider.getList('complaints', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'nextDeadline.dueOn', order: 'ASC' },
      filter: {
        q: ' damp ',
        overdue: true,
        dueBefore: '2026-12-06',
        stage: '2',
        status: 'ACKNOWLEDGED',
        category: 'repairs',
        assigneeId: 'u1',
        unknown: 'dropped',
        tenure: '',
      },
    });
    expect(calls[0]!.variables).toMatchObject({
      filter: {
        text: 'damp',
        overdue: true,
        dueBefore: '2026-12-06',
        stage: 2,
        status: ['ACKNOWLEDGED'],
        category: 'repairs',
        assigneeId: 'u1',
      },
      orderBy: { field: 'NEXT_DUE_ON', direction: 'ASC' },
    });
    expect(calls[0]!.variables.filter).not.toHaveProperty('unknown');
    expect(calls[0]!.variables.filter).not.toHaveProperty('tenure');
  });

  it('users: text, role and active (from the URL as a string)', async () => {
    const { calls, provider } = stub({ usersPage: page([]) });
    await provider.getList('users', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: 'sam', role: 'HANDLER', active: 'false' },
    });
    expect(calls[0]!.variables.filter).toEqual({ text: 'sam', role: 'HANDLER', active: false });
  });

  it('feedback: kind; api keys: revoked; audit log: kinds and involving', async () => {
    const feedback = stub({ feedbackItems: page([]) });
    await feedback.provider.getList('feedbackItems', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'receivedAt', order: 'DESC' },
      filter: { kind: 'COMPLIMENT', q: 'ignored' },
    });
    expect(feedback.calls[0]!.variables.filter).toEqual({ kind: 'COMPLIMENT' });
    const keys = stub({ apiKeysPage: page([]) });
    await keys.provider.getList('apiKeys', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { revoked: true },
    });
    expect(keys.calls[0]!.variables.filter).toEqual({ revoked: true });
    const log = stub({ auditLogPage: page([]) });
    await log.provider.getList('auditLog', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'at', order: 'DESC' },
      filter: { kind: 'SIGN_IN', involving: 'u1', from: '2026-12-01T00:00:00Z' },
    });
    expect(log.calls[0]!.variables.filter).toEqual({
      kinds: ['SIGN_IN'],
      involving: 'u1',
      from: '2026-12-01T00:00:00Z',
    });
  });

  it('getManyReference adds the target to the filter (a user’s cases)', async () => {
    const { calls, provider } = stub({ complaints: page([{ id: 'c1' }], { totalCount: 1 }) });
    const answer = await provider.getManyReference('complaints', {
      target: 'assigneeId',
      id: 'u7',
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'reference', order: 'ASC' },
      filter: { status: ['RECEIVED'] },
    });
    expect(answer).toEqual({
      data: [{ id: 'c1' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(calls[0]!.variables.filter).toEqual({ status: ['RECEIVED'], assigneeId: 'u7' });
  });
});

describe('mutations', () => {
  it.each([
    [
      'complaints',
      'logComplaint',
      { summary: 'Damp', idempotencyKey: 'k1' },
      { input: { summary: 'Damp' }, idempotencyKey: 'k1' },
    ],
    [
      'feedbackItems',
      'recordFeedback',
      { kind: 'COMPLIMENT', summary: 'Thanks', id: 'ignored' },
      { input: { kind: 'COMPLIMENT', summary: 'Thanks' } },
    ],
    [
      'policies',
      'createPolicy',
      { basedOn: 'code-2024', name: 'Ours', departures: [] },
      { input: { basedOn: 'code-2024', name: 'Ours' } },
    ],
    [
      'users',
      'createUser',
      { email: 'a@b.org', name: 'A', role: 'HANDLER', teamIds: ['t1'] },
      { input: { email: 'a@b.org', name: 'A', role: 'HANDLER', teamIds: ['t1'] } },
    ],
    ['teams', 'createTeam', { name: 'Repairs' }, { name: 'Repairs' }],
  ])('create %s through %s', async (resource, field, data, variables) => {
    const { calls, provider } = stub({ [field]: { ...data, id: 'new' } });
    const answer = await provider.create(resource, { data });
    expect(answer.data.id).toBe('new');
    expect(calls[0]!.query).toMatch(new RegExp(`^mutation ${field}\\(`));
    expect(calls[0]!.variables).toEqual(variables);
  });

  it('update users through updateUser with only the fields the input has', async () => {
    const { calls, provider } = stub({ updateUser: { id: 'u1', name: 'B' } });
    const answer = await provider.update('users', {
      id: 'u1',
      data: { id: 'u1', name: 'B', role: 'MANAGER', teamIds: [], email: 'x@y.org' },
      previousData: { id: 'u1' },
    });
    expect(answer.data).toEqual({ id: 'u1', name: 'B' });
    expect(calls[0]!.query).toContain('updateUser(id: $id, input: $input)');
    expect(calls[0]!.variables).toEqual({
      id: 'u1',
      input: { name: 'B', role: 'MANAGER', teamIds: [] },
    });
  });

  it('refuses with 405 what the API has no mutation for', async () => {
    const { provider } = stub({});
    await expect(provider.create('auditLog', { data: {} })).rejects.toMatchObject({ status: 405 });
    await expect(provider.create('apiKeys', { data: {} })).rejects.toMatchObject({ status: 405 });
    await expect(
      provider.update('teams', { id: 't', data: {}, previousData: { id: 't' } }),
    ).rejects.toMatchObject({ status: 405 });
  });

  it('refuses a resource it does not know', async () => {
    const { provider } = stub({});
    await expect(provider.getList('nothing', {})).rejects.toMatchObject({ status: 404 });
  });
});
