// Anonymising a resident from their case's page: offered to those who keep residents' records
// once the case has ended, confirmed in a dialog that says what is kept and what goes, and the
// API's answer (or refusal) told as it came.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { anonymisedMessage } from '../../records/anonymisation';
import { AnonymisedNotice, ResidentRecordPanel } from './ResidentRecordPanel';

const can = vi.hoisted(() => ({ value: true }));
vi.mock('../../users/useCan', () => ({ useCan: () => can.value }));

interface CaseView {
  id: string;
  reference: string;
  closedAt: string | null;
  anonymisedAt: string | null;
}

const ended: CaseView = {
  id: 'c-1',
  reference: 'CMP-2026-000042',
  closedAt: '2026-11-20T10:00:00.000Z',
  anonymisedAt: null,
};

function renderPanel(
  complaint = ended,
  request = vi.fn(() =>
    Promise.resolve({
      anonymiseResident: {
        complaints: [
          { id: 'c-1', reference: 'CMP-2026-000042' },
          { id: 'c-2', reference: 'CMP-2026-000051' },
        ],
        alreadyAnonymised: 0,
        letters: 1,
        notes: 3,
        attachments: 0,
      },
    }),
  ),
) {
  const reload = vi.fn();
  const notify = vi.fn();
  render(
    <ResidentRecordPanel complaint={complaint} request={request} reload={reload} notify={notify} />,
  );
  return { request, reload, notify, user: userEvent.setup({ delay: null }) };
}

beforeEach(() => {
  can.value = true;
});

describe('the resident’s record on a case page', () => {
  it('anonymises after a confirmation that says what is kept and what is erased', async () => {
    const { request, reload, notify, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Anonymise resident…' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Anonymise the resident of CMP-2026-000042?',
    });
    expect(dialog.textContent).toMatch(/keeps its reference, dates, stages, outcomes/);
    expect(dialog.textContent).toMatch(/cannot be undone/);
    await user.click(screen.getByRole('button', { name: 'Anonymise' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith(expect.stringContaining('anonymiseResident'), {
      complaintId: 'c-1',
    });
    expect(notify).toHaveBeenCalledWith(
      'Anonymised 2 cases (CMP-2026-000042, CMP-2026-000051): 1 letter, 3 notes and 0 attachments.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the API’s refusal in the dialog and changes nothing', async () => {
    const refusal = new HttpError('refused', 422, {
      code: 'ANONYMISATION_REFUSED',
      graphQLErrors: [
        {
          message: 'Complaint CMP-2026-000051 is still open: … Nothing was changed.',
          extensions: { code: 'ANONYMISATION_REFUSED', openReferences: ['CMP-2026-000051'] },
        },
      ],
    });
    const { reload, user } = renderPanel(
      ended,
      vi.fn(() => Promise.reject(refusal)),
    );
    await user.click(screen.getByRole('button', { name: 'Anonymise resident…' }));
    await user.click(screen.getByRole('button', { name: 'Anonymise' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/CMP-2026-000051 is still open/);
    expect(reload).not.toHaveBeenCalled();
  });

  it('waits for an open case to end', () => {
    renderPanel({ ...ended, closedAt: null });
    expect(screen.getByRole('button', { name: 'Anonymise resident…' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByText(/once every case of theirs has ended/)).toBeTruthy();
  });

  it('is not offered to those who do not keep residents’ records, nor on an anonymised case', () => {
    can.value = false;
    const { unmount } = render(
      <ResidentRecordPanel complaint={ended} request={vi.fn()} reload={vi.fn()} notify={vi.fn()} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    can.value = true;
    renderPanel({ ...ended, anonymisedAt: '2026-12-01T10:00:00.000Z' });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says on an anonymised case when it was anonymised, to everyone', () => {
    render(<AnonymisedNotice anonymisedAt="2026-12-01T10:00:00.000Z" />);
    expect(screen.getByText(/anonymised on Tue 1 Dec 2026, 10:00/)).toBeTruthy();
  });
});

describe('what anonymising tells the person who did it', () => {
  it('says when it was done again, and when nothing was found', () => {
    const none = { complaints: [], alreadyAnonymised: 0, letters: 0, notes: 0, attachments: 0 };
    expect(anonymisedMessage(none)).toBe('No case was found for this resident.');
    expect(
      anonymisedMessage({
        ...none,
        complaints: [{ id: 'c-1', reference: 'CMP-2026-000042' }],
        alreadyAnonymised: 1,
        notes: 1,
      }),
    ).toBe(
      'Anonymised 1 case (CMP-2026-000042), 1 of them again: 0 letters, 1 note and 0 attachments.',
    );
  });
});
