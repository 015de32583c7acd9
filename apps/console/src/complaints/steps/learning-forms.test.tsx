// The two forms of what a case teaches, beyond what every form is held to in StepDialog.test:
// the satisfaction score checked on its scale before sending, and the comment and lesson sent
// as typed.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../show/use-graphql-request';
import { stepLabel } from './choices';
import { LEARNING_FORMS, score } from './learning-forms';
import { STEP_FORMS } from './step-forms';
import type { StepComplaint, StepDefinition } from './step-form.types';
import { StepButtons } from './StepButtons';
import { StepDialog } from './StepDialog';

const complaint: StepComplaint = {
  id: 'c-1',
  reference: 'CMP-2026-000001',
  version: 12,
  stage: 1,
  allowedSteps: [],
  actions: [],
  remedies: [],
  policy: { refusalReasons: [] },
};

let sent: { query: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)) as (typeof sent)[number]);
      return Promise.resolve(
        new Response(JSON.stringify({ data: { ok: { id: 'c-1', version: 13 } } }), {
          headers: { 'content-type': 'application/json' },
        }),
      );
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function form(step: StepDefinition['step']): StepDefinition {
  const definition = STEP_FORMS.get(step);
  if (!definition) throw new Error(`no form for ${step}`);
  return definition;
}

function open(definition: StepDefinition) {
  const onDone = vi.fn();
  render(
    <StepDialog
      definition={definition}
      complaint={complaint}
      request={request}
      onClose={vi.fn()}
      onDone={onDone}
      onStale={vi.fn()}
    />,
  );
  return { onDone, user: userEvent.setup({ delay: null }) };
}

describe('the learning forms', () => {
  it('are the forms of the two steps, reached through STEP_FORMS', () => {
    expect(LEARNING_FORMS.map((d) => d.step)).toEqual(['record-satisfaction', 'record-lesson']);
    for (const definition of LEARNING_FORMS) expect(form(definition.step)).toBe(definition);
  });

  it('are offered as buttons where the case allows them', () => {
    render(
      <StepButtons
        complaint={{ ...complaint, allowedSteps: ['RECORD_SATISFACTION', 'RECORD_LESSON'] }}
        request={request}
        reload={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Record satisfaction' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record a lesson learnt' })).toBeInTheDocument();
  });
});

describe('score', () => {
  it.each([
    ['0', 0],
    [' 10 ', 10],
    ['7', 7],
  ])('reads %j as %i', (typed, expected) => {
    expect(score('score', typed)).toBe(expected);
  });

  it.each(['11', '-1', '6.5', 'seven', ''])('refuses %j', (typed) => {
    expect(() => score('score', typed)).toThrow(/whole number from 0 to 10/);
  });
});

describe('the satisfaction form', { timeout: 60_000 }, () => {
  it('sends the score and the comment with the version the page shows', async () => {
    const { user, onDone } = open(form('record-satisfaction'));
    fireEvent.change(screen.getByLabelText(/^Score \(0 to 10\)/), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText(/^The resident's comment/), {
      target: { value: '  Kept informed throughout.  ' },
    });
    await user.click(screen.getByRole('button', { name: stepLabel('record-satisfaction') }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]!.variables).toEqual({
      complaintId: 'c-1',
      expectedVersion: 12,
      score: 8,
      comment: 'Kept informed throughout.',
    });
  });

  it('refuses a score off the scale before sending, on its field', async () => {
    const { user, onDone } = open(form('record-satisfaction'));
    const field = screen.getByLabelText(/^Score \(0 to 10\)/);
    fireEvent.change(field, { target: { value: '11' } });
    await user.click(screen.getByRole('button', { name: stepLabel('record-satisfaction') }));
    expect(await screen.findByText(/whole number from 0 to 10/)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(sent).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('the lesson form', { timeout: 60_000 }, () => {
  it('sends the lesson, trimmed', async () => {
    const { user, onDone } = open(form('record-lesson'));
    fireEvent.change(screen.getByLabelText(/^The lesson learnt/), {
      target: { value: ' Book the surveyor on the first call. ' },
    });
    await user.click(screen.getByRole('button', { name: stepLabel('record-lesson') }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]!.variables).toEqual({
      complaintId: 'c-1',
      expectedVersion: 12,
      lesson: 'Book the surveyor on the first call.',
    });
  });
});
