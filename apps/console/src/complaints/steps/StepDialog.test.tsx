// Each step's form through the console's GraphQL request, with fetch doubled at the network
// edge: what it sends (with the version the page shows), its required fields, a refusal shown
// with the domain's message, and a stale version reloaded.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComplaintStep } from '@redress/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../show/use-graphql-request';
import {
  CONTACT_METHODS,
  ESCALATION_REFUSAL_REASONS,
  OMBUDSMEN,
  OUTCOMES,
  REMEDY_ANSWERS,
  stepLabel,
} from './choices';
import { CONFLICT_MESSAGE } from './step-errors';
import { STEP_FORMS } from './step-forms';
import type { FieldSpec, StepComplaint, StepDefinition } from './step-form.types';
import { StepButtons } from './StepButtons';
import { StepDialog } from './StepDialog';

const DAY = '2026-12-01';

const complaint: StepComplaint = {
  id: 'c-1',
  reference: 'CMP-2026-000001',
  version: 7,
  stage: 1,
  allowedSteps: [],
  viewerId: 'user-1',
  actions: [{ id: 'A1', description: 'Treat the damp', completedAt: null }],
  remedies: [
    {
      id: '1.1',
      kind: 'FINANCIAL_COMPENSATION',
      label: 'Financial compensation',
      description: 'For the delay',
      amountPence: 15000,
      paidPence: 0,
      answer: null,
    },
  ],
  policy: { refusalReasons: ['SEPARATE_POLICY', 'OVER_12_MONTHS_OLD'] },
};

const said = (name: string) => `Written for ${name}`;
const notice = () => ({
  toldOn: DAY,
  method: CONTACT_METHODS[0]!.id,
  ombudsmanDetailsGiven: true,
});

/** What each form sends once its required fields are filled (and nothing else). */
const SENDS: Readonly<Record<string, Record<string, unknown>>> = {
  acknowledge: { id: 'c-1', understanding: null, outcomeSought: null, clarification: null },
  extend: {
    id: 'c-1',
    workingDays: 5,
    reason: said('reason'),
    exceptionalReason: null,
    notice: null,
  },
  'add-point': { id: 'c-1', point: said('point') },
  respond: {
    id: 'c-1',
    input: { outcome: OUTCOMES[0]!.id, findings: said('findings'), remedies: [] },
  },
  'request-escalation': { id: 'c-1', reason: null, lateReason: null },
  'refuse-escalation': {
    id: 'c-1',
    reason: ESCALATION_REFUSAL_REASONS[0]!.id,
    explanation: said('explanation'),
    notice: notice(),
  },
  'agree-action': {
    complaintId: 'c-1',
    input: { description: said('description'), owner: said('owner'), dueOn: DAY, remedyId: null },
  },
  'complete-action': { complaintId: 'c-1', actionId: 'A1', note: null },
  'update-on-action': {
    complaintId: 'c-1',
    actionId: 'A1',
    update: said('update'),
    method: CONTACT_METHODS[0]!.id,
  },
  'answer-remedy': {
    complaintId: 'c-1',
    remedyId: '1.1',
    answer: REMEDY_ANSWERS[0]!.id,
    note: null,
  },
  'pay-remedy': { complaintId: 'c-1', remedyId: '1.1', amountPence: 15050, paidOn: DAY },
  assign: { id: 'c-1', assigneeId: 'user-1' },
  close: { id: 'c-1' },
  withdraw: { id: 'c-1', reason: said('reason') },
  refuse: {
    id: 'c-1',
    reason: 'SEPARATE_POLICY',
    explanation: said('explanation'),
    discretionConsidered: null,
    notice: null,
  },
  reopen: { id: 'c-1', reason: said('reason') },
  'refer-to-ombudsman': { id: 'c-1', reference: said('reference'), ombudsman: OMBUDSMEN[0]!.id },
  'record-satisfaction': { complaintId: 'c-1', score: 5, comment: null },
  'record-lesson': { complaintId: 'c-1', lesson: said('lesson') },
  'record-stage-2-reviewers': { complaintId: 'c-1', reviewers: [{ userId: 'user-9' }] },
};

/** What the forms that read their choices from the API are answered (review-forms.ts). */
const CHOICES: Readonly<Record<string, unknown>> = {
  StaffReviewers: { usersPage: { nodes: [{ id: 'user-9', name: 'Dana Reid', role: 'MANAGER' }] } },
  PanelReviewers: { reviewPanelMembers: [{ id: 'member-1', name: 'Morgan Lee' }] },
};

let answers: unknown[];
let sent: { query: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  answers = [];
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as (typeof sent)[number];
      const load = /^query (\w+)/.exec(body.query)?.[1];
      if (load !== undefined && CHOICES[load] !== undefined) {
        return Promise.resolve(
          new Response(JSON.stringify({ data: CHOICES[load] }), {
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      sent.push(body);
      const answer = answers.shift() ?? { data: { ok: { id: 'c-1', version: 8 } } };
      return Promise.resolve(
        new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function escape(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

async function fill(field: FieldSpec, user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const name = escape(field.label);
  switch (field.kind) {
    case 'checkbox':
      await user.click(screen.getByRole('checkbox', { name }));
      return;
    case 'select': {
      await user.click(screen.getByRole('combobox', { name }));
      const listbox = await screen.findByRole('listbox');
      // Choices read from the API arrive a moment after the form opens.
      const first = await within(listbox).findAllByRole('option');
      await user.click(first[0]!);
      return;
    }
    case 'date':
      fireEvent.change(screen.getByLabelText(name), { target: { value: DAY } });
      return;
    // Typed text arrives whole: character-by-character typing adds nothing these tests check.
    case 'number':
      fireEvent.change(screen.getByLabelText(name), { target: { value: '5' } });
      return;
    case 'money':
      fireEvent.change(screen.getByLabelText(name), { target: { value: '150.50' } });
      return;
    default:
      fireEvent.change(screen.getByLabelText(name), { target: { value: said(field.name) } });
  }
}

function open(definition: StepDefinition, more: Partial<StepComplaint> = {}) {
  const onDone = vi.fn();
  const onStale = vi.fn();
  render(
    <StepDialog
      definition={definition}
      complaint={{ ...complaint, ...more }}
      request={request}
      onClose={vi.fn()}
      onDone={onDone}
      onStale={onStale}
    />,
  );
  return { onDone, onStale, user: userEvent.setup({ delay: null }) };
}

async function fillRequired(definition: StepDefinition, user: ReturnType<typeof userEvent.setup>) {
  for (const field of definition.fields.filter((f) => f.required)) await fill(field, user);
}

const submit = (user: ReturnType<typeof userEvent.setup>, step: ComplaintStep) =>
  user.click(screen.getByRole('button', { name: stepLabel(step) }));

const FORMS = [...STEP_FORMS.values()].map((definition) => ({
  step: definition.step,
  definition,
}));

// MUI's dialogs and selects are slow to drive in jsdom on a shared machine.
describe.each(FORMS)('the $step form', { timeout: 60_000 }, ({ step, definition }) => {
  it('sends its fields with the version the page shows', async () => {
    const { user, onDone } = open(definition);
    await fillRequired(definition, user);
    await submit(user, step);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toBe(definition.mutation);
    expect(sent[0]!.variables).toEqual({ ...SENDS[step], expectedVersion: 7 });
  });

  const required = definition.fields.filter((f) => f.required && !f.initial);
  // A form with no required field has nothing to hold back.
  if (required.length > 0)
    it('sends nothing until its required fields are filled', async () => {
      const { user } = open(definition);
      await submit(user, step);
      expect(await screen.findAllByText('Required')).toHaveLength(required.length);
      expect(sent).toHaveLength(0);
    });

  it("shows the domain's message when the step is refused", async () => {
    const message = `Complaint CMP-2026-000001 refuses this ${step} for a reason of its own.`;
    answers.push({
      errors: [{ message, extensions: { code: 'POLICY_REFUSED', refusal: 'SOME_RULE' } }],
      data: null,
    });
    const { user, onDone } = open(definition);
    await fillRequired(definition, user);
    await submit(user, step);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says the case was changed elsewhere, and reloads it, on a stale version', async () => {
    answers.push({
      errors: [{ message: 'Version 7 is stale.', extensions: { code: 'CONFLICT' } }],
      data: null,
    });
    const { user, onStale, onDone } = open(definition);
    await fillRequired(definition, user);
    await submit(user, step);
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT_MESSAGE);
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('how the resident was told', () => {
  const extend = STEP_FORMS.get('extend')!;
  const base = { workingDays: '5', reason: 'Waiting for the surveyor' };

  it('is sent when the form says how', () => {
    const values = { ...base, toldOn: DAY, method: 'EMAIL', ombudsmanDetailsGiven: true };
    expect(extend.variables(values, complaint, []).notice).toEqual({
      toldOn: DAY,
      method: 'EMAIL',
      ombudsmanDetailsGiven: true,
    });
  });

  it('is left to the domain to ask for when the form does not say how', () => {
    const values = { ...base, toldOn: DAY, method: '', ombudsmanDetailsGiven: false };
    expect(extend.variables(values, complaint, []).notice).toBeNull();
  });
});

describe('field errors from the API', () => {
  it('shows a field error on its field, not only at the top', async () => {
    const definition = STEP_FORMS.get('extend')!;
    answers.push({
      errors: [
        {
          message: 'The date the resident was told must be a real date written YYYY-MM-DD.',
          extensions: { code: 'BAD_USER_INPUT', field: 'notice.toldOn' },
        },
      ],
      data: null,
    });
    const { user } = open(definition);
    await fillRequired(definition, user);
    await submit(user, 'extend');
    const toldOn = await screen.findByLabelText(escape('Resident told on'));
    await waitFor(() => expect(toldOn).toHaveAttribute('aria-invalid', 'true'));
    expect(toldOn).toHaveAccessibleDescription(/real date written YYYY-MM-DD/);
  });

  it('refuses an amount that is not one before sending', async () => {
    const definition = STEP_FORMS.get('pay-remedy')!;
    const { user } = open(definition);
    await fillRequired(definition, user);
    fireEvent.change(screen.getByLabelText(escape('Amount paid (£)')), {
      target: { value: 'a lot' },
    });
    await submit(user, 'pay-remedy');
    expect(await screen.findByText(/Give an amount in pounds/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('sends the remedies a response offers, in pence', async () => {
    const definition = STEP_FORMS.get('respond')!;
    const { user } = open(definition);
    await fillRequired(definition, user);
    await user.click(screen.getByRole('button', { name: 'Add a remedy' }));
    fireEvent.change(screen.getByLabelText('Remedy 1 description'), {
      target: { value: 'We are sorry' },
    });
    fireEvent.change(screen.getByLabelText('Remedy 1 amount (£)'), { target: { value: '25' } });
    await submit(user, 'respond');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.variables.input).toMatchObject({
      remedies: [{ kind: 'APOLOGY', description: 'We are sorry', amountPence: 2500 }],
    });
  });
});

describe('the step buttons', () => {
  it('offer the steps the case allows now, and no others', () => {
    render(
      <StepButtons
        complaint={{ ...complaint, allowedSteps: ['ACKNOWLEDGE', 'EXTEND', 'WITHDRAW'] }}
        request={request}
        reload={vi.fn()}
      />,
    );
    const toolbar = screen.getByRole('toolbar', { name: 'Steps this case allows now' });
    const names = within(toolbar)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual([stepLabel('acknowledge'), stepLabel('extend'), stepLabel('withdraw')]);
  });

  it('open a step as a dialog by keyboard, and reload the case once it is recorded', async () => {
    const reload = vi.fn();
    const user = userEvent.setup();
    render(
      <StepButtons
        complaint={{ ...complaint, allowedSteps: ['CLOSE'] }}
        request={request}
        reload={reload}
      />,
    );
    await user.tab();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: /Close: CMP-2026-000001/ });
    await user.click(within(dialog).getByRole('button', { name: stepLabel('close') }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(sent[0]!.variables).toEqual({ id: 'c-1', expectedVersion: 7 });
  });
});
