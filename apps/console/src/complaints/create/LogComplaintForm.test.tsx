// Logging a complaint through the console's GraphQL client, fetch doubled at the network edge:
// what it sends, its required fields, the API's messages on their fields, and converting a
// service request into a complaint.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../show/use-graphql-request';
import { LogComplaintForm } from './ComplaintCreate';
import { CONVERT_SERVICE_REQUEST, LOG_COMPLAINT, londonInstant } from './log-complaint';

let answers: unknown[];
let sent: { query: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  answers = [{ data: { policies: [{ id: 'riverside-2026', name: 'Riverside Homes 2026' }] } }];
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)) as (typeof sent)[number]);
      const answer = answers.shift() ?? { errors: [{ message: 'unexpected request' }] };
      return Promise.resolve(new Response(JSON.stringify(answer)));
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(
    within(await screen.findByRole('listbox')).getByRole('option', { name: option }),
  );
}

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await choose(user, /^Channel/, 'Phone');
  fireEvent.change(screen.getByLabelText(/^Received on/), { target: { value: '2026-07-01' } });
  type(/^Received at/, '09:30');
  type(/^Summary/, 'Black mould in the back bedroom.');
  type(/^Category/, 'damp-and-mould');
  await choose(user, /^Tenure/, 'Low-cost rental (LCRA)');
  type(/^Name/, 'Priya Shah');
}

function renderForm(serviceRequestId: string | null = null) {
  const onLogged = vi.fn();
  render(
    <LogComplaintForm request={request} serviceRequestId={serviceRequestId} onLogged={onLogged} />,
  );
  return { onLogged, user: userEvent.setup({ delay: null }) };
}

// A form this long, with MUI's selects, is slow to drive in jsdom on a shared machine.
describe('logging a complaint', { timeout: 90_000 }, () => {
  it('sends the resident, their needs, the representative and the policy', async () => {
    const { user, onLogged } = renderForm();
    await fillRequired(user);
    await choose(user, /^Policy/, 'Riverside Homes 2026');
    type(/^Reasonable adjustments/, 'Large print letters');
    type(/^Language/, 'Polish');
    await user.click(screen.getByRole('checkbox', { name: /^Vulnerable/ }));
    type(/^Representative’s name/, 'Cllr Ahmed');
    await choose(user, /^Role/, 'Councillor');
    await user.click(screen.getByRole('checkbox', { name: /consented to them acting/ }));
    answers.push({ data: { logComplaint: { id: 'c-9', reference: 'CMP-2026-000009' } } });
    await user.click(screen.getByRole('button', { name: 'Log the complaint' }));
    await waitFor(() =>
      expect(onLogged).toHaveBeenCalledWith({ id: 'c-9', reference: 'CMP-2026-000009' }),
    );
    const { query, variables } = sent[1]!;
    expect(query).toBe(LOG_COMPLAINT);
    expect(variables.idempotencyKey).toEqual(expect.any(String));
    expect(variables.input).toMatchObject({
      channel: 'PHONE',
      // 09:30 in London in July is 08:30 UTC.
      receivedAt: '2026-07-01T08:30:00.000Z',
      category: 'damp-and-mould',
      tenure: 'LCRA',
      policyId: 'riverside-2026',
      complainant: {
        name: 'Priya Shah',
        type: 'TENANT',
        adjustments: 'Large print letters',
        language: 'Polish',
        vulnerable: true,
      },
      representative: { name: 'Cllr Ahmed', role: 'COUNCILLOR', consentGiven: true },
    });
  });

  it('sends nothing until the required fields are filled', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Log the complaint' }));
    // Channel, summary, category, tenure and the resident's name; the date and who they are start filled.
    expect(await screen.findAllByText('Required')).toHaveLength(5);
    expect(sent).toHaveLength(1);
  });

  it("shows the API's validation messages on their fields", async () => {
    const { user, onLogged } = renderForm();
    await fillRequired(user);
    type(/^Email/, 'not an address');
    answers.push({
      errors: [
        {
          message: 'complainant.email: must be an email address',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.complainant.email',
            problems: [{ field: 'input.complainant.email', message: 'must be an email address' }],
          },
        },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Log the complaint' }));
    const email = screen.getByLabelText(/^Email/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('must be an email address');
    expect(onLogged).not.toHaveBeenCalled();
  });

  it('converts a service request into a complaint through its own mutation', async () => {
    const { user, onLogged } = renderForm('sr-17');
    expect(
      screen.getByRole('heading', { name: 'Convert a service request into a complaint' }),
    ).toBeVisible();
    await fillRequired(user);
    answers.push({ data: { convertServiceRequest: { id: 'c-10', reference: 'CMP-2026-000010' } } });
    await user.click(screen.getByRole('button', { name: 'Convert into a complaint' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(sent[1]!.query).toBe(CONVERT_SERVICE_REQUEST);
    expect(sent[1]!.variables).toMatchObject({ id: 'sr-17' });
  });
});

describe('londonInstant', () => {
  it.each([
    ['2026-01-15', '09:30', '2026-01-15T09:30:00.000Z'],
    ['2026-07-01', '09:30', '2026-07-01T08:30:00.000Z'],
    ['2026-07-01', null, '2026-07-01T08:00:00.000Z'],
  ])('%s %s in UK time is %s', (day, time, instant) => {
    expect(londonInstant(day, time)).toBe(instant);
  });
});
