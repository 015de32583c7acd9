// The notes and contacts panel: what it lists, and the dialogs that add to it, with what they
// check before sending and what the API answers placed on the fields.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseNoteView } from './case-notes';
import { NotesPanel } from './NotesPanel';

const notes: CaseNoteView[] = [
  {
    id: 'n-1',
    kind: 'CALL',
    direction: 'INBOUND',
    withWhom: 'her daughter',
    occurredAt: '2026-11-07T09:15:00.000Z',
    body: 'The damp is back in the bedroom.',
    author: { kind: 'USER', name: 'Sam Patel' },
    recordedAt: '2026-11-07T09:20:00.000Z',
    correctsId: null,
  },
  {
    id: 'n-2',
    kind: 'NOTE',
    direction: null,
    withWhom: null,
    occurredAt: '2026-11-08T10:00:00.000Z',
    body: 'It was her son who called.',
    author: { kind: 'USER', name: 'Alex Morgan' },
    recordedAt: '2026-11-08T10:00:00.000Z',
    correctsId: 'n-1',
  },
];

function renderPanel(request = vi.fn(() => Promise.resolve({}))) {
  const reload = vi.fn();
  const notify = vi.fn();
  render(
    <NotesPanel
      complaint={{ id: 'c-1', reference: 'CMP-2026-000042', notes }}
      request={request}
      reload={reload}
      notify={notify}
    />,
  );
  return { request, reload, notify, user: userEvent.setup({ delay: null }) };
}

describe('the notes and contacts panel', () => {
  it('lists each with its kind, who, direction, when, author and words', () => {
    renderPanel();
    const table = screen.getByRole('table', { name: 'Notes and contacts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Sat 7 Nov 2026, 09:15',
      'Call',
      'her daughter',
      'From the resident',
      'Sam Patel',
      'The damp is back in the bedroom.',
    ]);
    expect(rows[1]).toHaveTextContent('Corrects the call of Sat 7 Nov 2026, 09:15');
    expect(rows[1]).toHaveTextContent('It was her son who called.');
  });

  it('says so when there are none', () => {
    render(
      <NotesPanel
        complaint={{ id: 'c-1', reference: 'CMP-2026-000042', notes: [] }}
        request={vi.fn()}
        reload={vi.fn()}
      />,
    );
    expect(screen.getByRole('region', { name: 'Notes and contacts' })).toHaveTextContent(
      'No notes or contacts recorded.',
    );
  });

  it('logs a contact, after saying what is missing, and reads the case again', async () => {
    const { request, reload, notify, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Log contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log contact: CMP-2026-000042' });
    await user.click(within(dialog).getByRole('button', { name: 'Log contact' }));
    expect(within(dialog).getByLabelText(/^With whom/)).toHaveAccessibleDescription(
      /Say who the call was with/,
    );
    expect(request).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText(/^With whom/), 'Ms Okafor (resident)');
    await user.click(within(dialog).getByRole('combobox', { name: /Kind of contact/ }));
    await user.click(await screen.findByRole('option', { name: 'Visit' }));
    await user.click(within(dialog).getByRole('combobox', { name: /Direction/ }));
    await user.click(await screen.findByRole('option', { name: 'To the resident' }));
    const when = within(dialog).getByLabelText(/When it happened/);
    await user.clear(when);
    await user.type(when, '2026-11-08T14:00');
    await user.type(within(dialog).getByLabelText(/^What was said/), 'Saw the mould.');
    await user.click(within(dialog).getByRole('button', { name: 'Log contact' }));

    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith(expect.stringContaining('recordCaseNote'), {
      input: {
        complaintId: 'c-1',
        kind: 'VISIT',
        body: 'Saw the mould.',
        occurredAt: '2026-11-08T14:00:00.000Z',
        withWhom: 'Ms Okafor (resident)',
        direction: 'OUTBOUND',
      },
    });
    expect(notify).toHaveBeenCalledWith('Contact logged.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('adds a note with no one, showing a refusal of the API on its field', async () => {
    const request = vi.fn(() =>
      Promise.reject(
        Object.assign(new Error('refused'), {
          body: {
            graphQLErrors: [
              {
                message: 'The case is not there any more.',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.body' },
              },
            ],
          },
        }),
      ),
    );
    const { user, reload } = renderPanel(request);
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add note: CMP-2026-000042' });
    expect(within(dialog).queryByLabelText(/^With whom/)).toBeNull();
    await user.type(within(dialog).getByLabelText(/^Note/), 'Chase the surveyor.');
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Note/)).toHaveAccessibleDescription(
        'The case is not there any more.',
      ),
    );
    expect(request).toHaveBeenCalledWith(expect.any(String), {
      input: expect.objectContaining({
        complaintId: 'c-1',
        kind: 'NOTE',
        body: 'Chase the surveyor.',
      }),
    });
    expect(reload).not.toHaveBeenCalled();
  });
});
