import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken, setTokenRenewer } from './access-token';
import { graphqlRequest } from './graphql-client';

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setAccessToken(undefined);
  setTokenRenewer(undefined);
});

describe('graphqlRequest', () => {
  it('posts the operation as JSON with the access token, and answers the data', async () => {
    const fetchStub = vi.fn(async () => answer({ data: { me: { id: 'u1' } } }));
    vi.stubGlobal('fetch', fetchStub);
    setAccessToken('t1');
    expect(await graphqlRequest('query { me { id } }', { a: 1 })).toEqual({ me: { id: 'u1' } });
    const [url, init] = fetchStub.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer t1');
    expect(JSON.parse(String(init.body))).toEqual({
      query: 'query { me { id } }',
      variables: { a: 1 },
    });
  });

  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CONFLICT', 409],
    ['NOT_FOUND', 404],
    ['POLICY_REFUSED', 422],
    ['SOMETHING_ELSE', 500],
  ])('maps %s to HTTP %i', async (code, status) => {
    vi.stubGlobal('fetch', async () =>
      answer({ data: null, errors: [{ message: 'No.', extensions: { code } }] }),
    );
    const error = await graphqlRequest('{ me { id } }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status, message: 'No.', body: { code } });
  });

  it('maps bad input to 400 with each field’s message, for forms', async () => {
    vi.stubGlobal('fetch', async () =>
      answer({
        data: null,
        errors: [
          {
            message: 'input.email: must be an email; input.name: too long',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.email',
              problems: [
                { field: 'input.email', message: 'must be an email' },
                { field: 'input.name', message: 'too long' },
              ],
            },
          },
        ],
      }),
    );
    const error = await graphqlRequest('mutation { x }').catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', errors: { email: 'must be an email', name: 'too long' } },
    });
  });

  it('keeps a partial answer when asked (a field refused within it)', async () => {
    vi.stubGlobal('fetch', async () =>
      answer({
        data: { complaint: { id: 'c1', summary: null } },
        errors: [
          {
            message: 'Personal data',
            path: ['complaint', 'summary'],
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      }),
    );
    expect(await graphqlRequest('{ complaint }', {}, { partial: true })).toEqual({
      complaint: { id: 'c1', summary: null },
    });
    await expect(graphqlRequest('{ complaint }')).rejects.toMatchObject({ status: 403 });
  });

  it('renews an expired token once and sends the request again', async () => {
    const fetchStub = vi
      .fn()
      .mockResolvedValueOnce(
        answer({ errors: [{ message: 'Expired', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
      )
      .mockResolvedValueOnce(answer({ data: { ok: true } }));
    vi.stubGlobal('fetch', fetchStub);
    setAccessToken('old');
    const renew = vi.fn(async () => {
      setAccessToken('new');
      return 'new';
    });
    setTokenRenewer(renew);
    expect(await graphqlRequest('{ ok }')).toEqual({ ok: true });
    expect(renew).toHaveBeenCalledTimes(1);
    const second = fetchStub.mock.calls[1] as unknown as [string, RequestInit];
    expect((second[1].headers as Record<string, string>).authorization).toBe('Bearer new');
  });

  it('says the API cannot be reached when fetch fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(graphqlRequest('{ ok }')).rejects.toMatchObject({
      status: 0,
      body: { code: 'NETWORK_ERROR' },
    });
  });
});
