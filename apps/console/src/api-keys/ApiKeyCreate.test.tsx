import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type DataProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiKeyCreate } from './ApiKeyCreate';

const SECRET = 'rdk_8b1d7e3f6a5c4b2d9e0f1a3b';

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderCreate() {
  render(
    <AdminContext dataProvider={{} as DataProvider}>
      <ApiKeyCreate />
    </AdminContext>,
  );
}

describe('ApiKeyCreate', () => {
  it('creates the key with the scopes ticked and shows its secret once', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn((_url: string, init: RequestInit) => {
      void init;
      return Promise.resolve(
        answer({
          data: {
            createApiKey: { secret: SECRET, apiKey: { id: 'k1', name: 'Housing portal' } },
          },
        }),
      );
    });
    vi.stubGlobal('fetch', fetch);
    renderCreate();
    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Housing portal');
    await user.click(screen.getByRole('checkbox', { name: /log complaints/i }));
    await user.click(screen.getByRole('button', { name: 'Create the key' }));

    const dialog = await screen.findByRole('dialog', { name: /the secret of “Housing portal”/i });
    expect(dialog).toBeInTheDocument();
    expect(screen.getByLabelText('Secret')).toHaveValue(SECRET);
    const sent = JSON.parse(String(fetch.mock.calls[0]?.[1].body)) as {
      query: string;
      variables: Record<string, unknown>;
    };
    expect(sent.query).toMatch(/createApiKey/);
    expect(sent.variables).toEqual({
      name: 'Housing portal',
      scopes: ['COMPLAINTS_READ', 'COMPLAINTS_WRITE'],
      expiresAt: null,
    });
  });

  it("shows the API's refusal of a field beside it, and no secret", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          answer({
            data: null,
            errors: [
              {
                message: 'A key named "Housing portal" exists already.',
                extensions: { code: 'BAD_USER_INPUT', field: 'name' },
              },
            ],
          }),
        ),
      ),
    );
    renderCreate();
    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Housing portal');
    await user.click(screen.getByRole('button', { name: 'Create the key' }));
    expect(await screen.findByRole('textbox', { name: /name/i })).toHaveAccessibleDescription(
      /exists already/,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a refusal that names no field above the form', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          answer({
            data: null,
            errors: [
              { message: 'You may not manage API keys.', extensions: { code: 'FORBIDDEN' } },
            ],
          }),
        ),
      ),
    );
    renderCreate();
    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Housing portal');
    await user.click(screen.getByRole('button', { name: 'Create the key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You may not manage API keys.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
