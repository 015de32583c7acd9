import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiKeySecretDialog } from './ApiKeySecretDialog';

const SECRET = 'rdk_live_4f9a0c2e.8b1d7e3f6a5c4b2d9e0f1a3b';

describe('ApiKeySecretDialog', () => {
  it('shows the secret with a warning that it is shown once', () => {
    render(<ApiKeySecretDialog name="Housing portal" secret={SECRET} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: /the secret of “Housing portal”/i });
    expect(dialog).toHaveAccessibleDescription(/only time the secret is shown/i);
    expect(screen.getByLabelText('Secret')).toHaveValue(SECRET);
  });

  it('copies the secret with the copy button and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    render(
      <ApiKeySecretDialog name="Portal" secret={SECRET} onClose={() => {}} writeText={writeText} />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy the secret' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('says how to copy by hand when the browser refuses', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    render(
      <ApiKeySecretDialog name="Portal" secret={SECRET} onClose={() => {}} writeText={writeText} />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy the secret' }));
    expect(await screen.findByText(/copy it by hand/i)).toBeInTheDocument();
  });

  it('closes only once the person says the secret is stored, not on Escape', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<ApiKeySecretDialog name="Portal" secret={SECRET} onClose={onClose} />);
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    // By keyboard alone: the checkbox, then Done.
    await user.click(screen.getByRole('checkbox', { name: /stored the secret/i }));
    await waitFor(() => expect(done).toBeEnabled());
    done.focus();
    await user.keyboard('{Enter}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
