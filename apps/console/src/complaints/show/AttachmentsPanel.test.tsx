// The case page's Attachments panel, fetch doubled at the network edge: the list, an upload
// sent as the file's bytes with the bearer token, the API's refusal shown in its own words, and
// a download fetched with the token and saved through a Blob link.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { setAccessToken } from '../../shared/access-token';
import { AttachmentsPanel, formatFileSize } from './AttachmentsPanel';
import type { AttachmentView } from './complaint-query';

const PHOTO: AttachmentView = {
  id: 'a-1',
  fileName: 'damp in bedroom.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 2_400_000,
  description: 'Above the window, 4 November.',
  uploadedBy: { kind: 'user', name: 'Hana Patel' },
  uploadedAt: '2026-11-09T10:15:00Z',
  downloadPath: '/attachments/a-1',
};
const LETTER: AttachmentView = {
  ...PHOTO,
  id: 'a-2',
  fileName: "Jordan's letter.pdf",
  contentType: 'application/pdf',
  sizeBytes: 83_000,
  description: null,
  uploadedBy: { kind: 'api-key', name: 'Tenant portal' },
  downloadPath: '/attachments/a-2',
};

type Answer = { status: number; body: BodyInit; headers?: Record<string, string> };
let answers: Answer[];
let sent: { url: string; init: RequestInit }[];

beforeEach(() => {
  answers = [];
  sent = [];
  setAccessToken('token-1');
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      sent.push({ url, init });
      const answer = answers.shift() ?? { status: 500, body: '{}' };
      return Promise.resolve(
        new Response(answer.body, { status: answer.status, headers: answer.headers }),
      );
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setAccessToken(undefined);
});

function renderPanel(attachments: readonly AttachmentView[] | null = [PHOTO, LETTER]) {
  const reload = vi.fn();
  const notify = vi.fn();
  render(
    <AttachmentsPanel
      complaint={{ id: 'c-1', reference: 'CMP-2026-000042', attachments }}
      reload={reload}
      notify={notify}
    />,
  );
  return { reload, notify, panel: screen.getByRole('region', { name: 'Attachments' }) };
}

const authorizationOf = (init: RequestInit) =>
  (init.headers as Record<string, string>).authorization;

describe('the Attachments panel', () => {
  it('lists each file with its name, type, size, who attached it and when', () => {
    const { panel } = renderPanel();
    const rows = within(within(panel).getByRole('table', { name: 'Files on this case' }))
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows.slice(1)).toEqual([
      [
        'damp in bedroom.jpgAbove the window, 4 November.',
        'JPEG image',
        '2.4 MB',
        'Hana Patel',
        'Mon 9 Nov 2026, 10:15',
      ],
      ["Jordan's letter.pdf", 'PDF', '83 KB', 'Tenant portal', 'Mon 9 Nov 2026, 10:15'],
    ]);
  });

  it('says when there are none, and offers to attach one', () => {
    const { panel } = renderPanel([]);
    expect(panel).toHaveTextContent('No files are attached to this case.');
    expect(within(panel).getByLabelText('File to attach')).toBeVisible();
  });

  it('offers no upload to a caller who may not read personal data', () => {
    renderPanel(null);
    const panel = screen.getByRole('region', { name: 'Attachments' });
    expect(panel).toHaveTextContent('personal data, which your role may not read');
    expect(within(panel).queryByLabelText('File to attach')).toBeNull();
  });

  it('sends the chosen file as the body, with the token, and reloads the case', async () => {
    const { panel, reload, notify } = renderPanel([]);
    const user = userEvent.setup({ delay: null });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'mould kitchen.png', {
      type: 'image/png',
    });
    await user.upload(within(panel).getByLabelText('File to attach'), file);
    await user.type(within(panel).getByLabelText('Description (optional)'), 'Kitchen ceiling');
    answers.push({ status: 201, body: JSON.stringify({ id: 'a-3' }) });
    await user.click(within(panel).getByRole('button', { name: 'Attach' }));

    expect(notify).toHaveBeenCalledWith('mould kitchen.png is attached to the case.');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent as [(typeof sent)[number]];
    expect(url).toBe(
      '/attachments?complaintId=c-1&fileName=mould+kitchen.png&description=Kitchen+ceiling',
    );
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(authorizationOf(init)).toBe('Bearer token-1');
    expect((init.headers as Record<string, string>)['content-type']).toBe('image/png');
  });

  it('shows the API’s refusal in its own words, and keeps the case as it was', async () => {
    const { panel, reload, notify } = renderPanel([]);
    const user = userEvent.setup({ delay: null });
    await user.upload(
      within(panel).getByLabelText('File to attach'),
      new File(['<html>'], 'photo.png', { type: 'image/png' }),
    );
    const message =
      'This file is of no type Redress recognises, which cannot be attached: the accepted types are JPEG, PNG, WebP, HEIC, HEIF, GIF, PDF.';
    answers.push({
      status: 415,
      body: JSON.stringify({
        errors: [{ message, extensions: { code: 'ATTACHMENT_TYPE_REFUSED' } }],
      }),
    });
    await user.click(within(panel).getByRole('button', { name: 'Attach' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(message);
    expect(reload).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('asks for a file before sending anything', async () => {
    const { panel } = renderPanel([]);
    await userEvent
      .setup({ delay: null })
      .click(within(panel).getByRole('button', { name: 'Attach' }));
    expect(within(panel).getByRole('alert')).toHaveTextContent('Choose a file to attach first.');
    expect(sent).toHaveLength(0);
  });

  it('downloads a file with the token and saves it under its name', async () => {
    // jsdom has no Blob URLs: these two stand in for the browser's, and are put back after.
    const created = vi.fn((_blob: Blob) => 'blob:redress/1');
    const own = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    onTestFinished(() => {
      URL.createObjectURL = own.create;
      URL.revokeObjectURL = own.revoke;
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const { panel } = renderPanel();
    answers.push({ status: 200, body: 'JPEG bytes', headers: { 'content-type': 'image/jpeg' } });
    await userEvent
      .setup({ delay: null })
      .click(within(panel).getByRole('button', { name: 'Download damp in bedroom.jpg' }));

    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(sent[0]?.url).toBe('/attachments/a-1');
    expect(authorizationOf(sent[0]!.init)).toBe('Bearer token-1');
    expect(await created.mock.calls[0]?.[0].text()).toBe('JPEG bytes');
    expect(clicked[0]?.download).toBe('damp in bedroom.jpg');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:redress/1');
  });

  it('says why a download was refused', async () => {
    const { panel } = renderPanel();
    answers.push({
      status: 404,
      body: JSON.stringify({
        errors: [
          {
            message: 'No attachment was found with id or reference "a-2".',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      }),
    });
    await userEvent
      .setup({ delay: null })
      .click(within(panel).getByRole('button', { name: "Download Jordan's letter.pdf" }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'No attachment was found with id or reference "a-2".',
    );
  });
});

describe('formatFileSize', () => {
  it.each([
    [1, '1 byte'],
    [512, '512 bytes'],
    [83_000, '83 KB'],
    [20 * 1024 * 1024, '21.0 MB'],
  ])('%d → %s', (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});
