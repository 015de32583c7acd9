// The stage 2 review form, beyond what every form is held to in StepDialog.test: the staff (with
// a role) and the panel's available members are read from the API, and a manager and a resident
// are sent together. review-schema.test.ts holds its documents to the schema.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../show/use-graphql-request';
import type { StepComplaint } from './step-form.types';
import { StepDialog } from './StepDialog';
import { REVIEW_FORMS } from './review-forms';

const complaint: StepComplaint = {
  id: 'c-1',
  reference: 'CMP-2026-000001',
  version: 4,
  stage: 2,
  allowedSteps: ['RECORD_STAGE_2_REVIEWERS'],
  actions: [],
  remedies: [],
  policy: { refusalReasons: [] },
};

let bodies: { query: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  bodies = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as (typeof bodies)[number];
      bodies.push(body);
      const data = body.query.includes('usersPage')
        ? {
            usersPage: {
              nodes: [
                { id: 'user-1', name: 'Dana Reid', role: 'MANAGER' },
                { id: 'user-2', name: 'Not Yet Given A Role', role: null },
              ],
            },
          }
        : body.query.includes('reviewPanelMembers')
          ? { reviewPanelMembers: [{ id: 'member-1', name: 'Morgan Lee' }] }
          : { recordStage2Reviewers: { id: 'c-1', version: 5 } };
      return Promise.resolve(
        new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function choose(label: RegExp, option: string, user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox');
  await user.click(await within(listbox).findByRole('option', { name: option }));
}

describe('the stage 2 review form', () => {
  it('offers staff with a role and the available panel, and sends a manager with a resident', async () => {
    const onDone = vi.fn();
    render(
      <StepDialog
        definition={REVIEW_FORMS[0]!}
        complaint={complaint}
        request={request}
        onClose={vi.fn()}
        onDone={onDone}
        onStale={vi.fn()}
      />,
    );
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: /^Independent manager/ }));
    const staff = await screen.findByRole('listbox');
    expect((await within(staff).findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Dana Reid',
    ]);
    await user.click(within(staff).getByRole('option', { name: 'Dana Reid' }));
    await choose(/^Independent resident from the panel/, 'Morgan Lee', user);
    await user.click(screen.getByRole('button', { name: 'Record the stage 2 reviewers' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const mutation = bodies.find((b) => b.query.startsWith('mutation'));
    expect(mutation?.variables).toEqual({
      complaintId: 'c-1',
      expectedVersion: 4,
      reviewers: [{ userId: 'user-1' }, { panelMemberId: 'member-1' }],
    });
  });
});
