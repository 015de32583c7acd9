import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { alertMessage, invalidateAllComplaints, invalidateForEvents } from './live-events';
import { socketUrl } from './live-client';

function cache() {
  const client = new QueryClient();
  const keys = {
    list: ['complaints', 'getList', { pagination: { page: 1 } }],
    one: ['complaints', 'getOne', { id: 'c1' }],
    other: ['complaints', 'getOne', { id: 'c2' }],
    myWork: ['complaints', 'myWork', 'u1'],
    users: ['users', 'getList', {}],
  };
  for (const key of Object.values(keys)) client.setQueryData(key, { data: 'x' });
  const stale = () =>
    Object.fromEntries(
      Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]),
    );
  return { client, stale };
}

const event = (complaintId: string) => ({
  complaintId,
  type: 'complaint-acknowledged',
  label: 'Acknowledged',
  version: 3,
  at: '2026-12-02T10:00:00Z',
});

describe('live events', () => {
  it('a complaint event invalidates its page and the lists, not other cases or resources', async () => {
    const { client, stale } = cache();
    await invalidateForEvents(client, [event('c1')]);
    expect(stale()).toEqual({ list: true, one: true, other: false, myWork: true, users: false });
  });

  it('after a cut, every complaints query is read again', async () => {
    const { client, stale } = cache();
    await invalidateAllComplaints(client);
    expect(stale()).toEqual({ list: true, one: true, other: true, myWork: true, users: false });
  });

  it('words a deadline alert', () => {
    expect(
      alertMessage({
        complaintId: 'c1',
        reference: 'CMP-2026-000123',
        alert: 'DUE_TODAY',
        alertLabel: 'Due today',
        kind: 'RESPOND',
        stage: 1,
        dueOn: '2026-12-02',
      }),
    ).toBe('CMP-2026-000123: Due today. Respond at stage 1, due Wed 2 Dec 2026.');
  });

  it('opens the socket on the page’s own origin', () => {
    expect(socketUrl({ protocol: 'https:', host: 'redress.example' } as Location)).toBe(
      'wss://redress.example/graphql',
    );
    expect(socketUrl({ protocol: 'http:', host: 'localhost:5173' } as Location)).toBe(
      'ws://localhost:5173/graphql',
    );
  });
});
