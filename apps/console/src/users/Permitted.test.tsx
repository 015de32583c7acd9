import { render, screen } from '@testing-library/react';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { Permitted } from './Permitted';

function authWith(permissions: string[]): AuthProvider {
  return {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve(permissions),
  };
}

function renderWith(permissions: string[]) {
  render(
    <AdminContext dataProvider={{} as DataProvider} authProvider={authWith(permissions)}>
      <Permitted permission="api-keys:manage" what="manage API keys">
        <p>The keys</p>
      </Permitted>
    </AdminContext>,
  );
}

describe('Permitted', () => {
  it('shows the page to someone with the permission', async () => {
    renderWith(['self', 'api-keys:manage']);
    expect(await screen.findByText('The keys')).toBeInTheDocument();
  });

  it('says what the page needs to someone without it, and shows nothing of it', async () => {
    renderWith(['self', 'complaints:read']);
    expect(
      await screen.findByText(/Your role does not allow you to manage API keys/),
    ).toBeInTheDocument();
    expect(screen.queryByText('The keys')).not.toBeInTheDocument();
  });
});
