import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSession, runOperation } from './explorer-session';

type Sent = { headers: Record<string, string>; body: { query: string; variables?: unknown } };

function answering(body: unknown, status = 200): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    sent.push({
      headers: init.headers as Record<string, string>,
      body: JSON.parse(String(init.body)) as Sent['body'],
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("the explorer's session", () => {
  it('takes the access token refreshSession answers for the refresh cookie', async () => {
    const sent = answering({
      data: {
        refreshSession: { accessToken: 'tok', user: { email: 'a@b.localhost', role: 'HANDLER' } },
      },
    });
    const session = await openSession('/graphql');
    expect(session).toEqual({ accessToken: 'tok', email: 'a@b.localhost', role: 'HANDLER' });
    expect(sent[0]?.body.query).toContain('refreshSession');
    expect(sent[0]?.headers.authorization).toBeUndefined();

    const run = answering({ data: { me: { role: 'HANDLER' } } });
    await runOperation('/graphql', '{ me { role } }', '{"a": 1}', session);
    expect(run[0]?.headers.authorization).toBe('Bearer tok');
    expect(run[0]?.body).toEqual({ query: '{ me { role } }', variables: { a: 1 } });
  });

  it('is signed out when there is no cookie to refresh', async () => {
    answering(
      { data: null, errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] },
      401,
    );
    expect(await openSession('/graphql')).toBeUndefined();
  });

  it('says when the variables are not JSON, and sends nothing', async () => {
    const sent = answering({ data: {} });
    const answer = await runOperation('/graphql', '{ me { role } }', '{ a: ', undefined);
    expect(answer.errors?.[0]?.message).toBe('The variables are not valid JSON.');
    expect(sent).toHaveLength(0);
  });
});
