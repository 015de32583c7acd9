// The complaint's page through the console's GraphQL client, fetch doubled at the network
// edge: what it shows of the case, the steps it offers, and a stale version reloaded.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComplaintShow } from './ComplaintShow';

function complaintAt(version: number) {
  return {
    id: 'c-1',
    reference: 'CMP-2026-000042',
    version,
    stage: 1,
    stageLabel: 'Stage 1',
    status: 'ACKNOWLEDGED',
    statusLabel: 'Acknowledged',
    category: 'repairs',
    channel: 'PHONE',
    receivedAt: '2026-11-06T09:30:00Z',
    summary: 'Damp in the bedroom reported three times and not fixed.',
    desiredOutcome: 'The damp treated.',
    assignee: 'Alex Morgan',
    serviceRequestId: null,
    allowedSteps: ['EXTEND', 'RESPOND', 'WITHDRAW'],
    complainant: {
      name: 'Jordan Price',
      vulnerable: true,
      adjustments: 'Large print letters',
      language: null,
      format: null,
      preferredContact: 'EMAIL',
    },
    representative: null,
    policy: { id: 'code-2024', name: 'Complaint Handling Code 2024', refusalReasons: [] },
    stages: [
      {
        number: 1,
        label: 'Stage 1',
        handler: 'Alex Morgan',
        startedAt: '2026-11-06T09:30:00Z',
        acknowledgedAt: '2026-11-09T09:00:00Z',
        respondedAt: null,
        outcomeLabel: null,
        findings: null,
        extensions: [],
        remedies: [],
      },
    ],
    deadlines: [
      {
        stage: 1,
        kind: 'RESPOND',
        dueOn: '2026-11-23',
        state: 'OVERDUE',
        stateLabel: 'Overdue',
        explanation: 'Respond within 10 working days of the acknowledgement.',
        workingDaysLeft: -3,
        metOn: null,
        stoppedAt: null,
      },
    ],
    events: [
      {
        version: 1,
        type: 'complaint-logged',
        label: 'Logged',
        at: '2026-11-06T09:30:00Z',
        actor: { kind: 'user', name: 'Sam Okafor' },
      },
      {
        version: 2,
        type: 'complaint-acknowledged',
        label: 'Acknowledged',
        at: '2026-11-09T09:00:00Z',
        actor: { kind: 'user', name: 'Alex Morgan' },
      },
    ],
    notes: [
      {
        id: 'n-1',
        kind: 'CALL',
        direction: 'INBOUND',
        withWhom: 'her daughter',
        occurredAt: '2026-11-07T10:15:00Z',
        body: 'The damp is back in the bedroom.',
        author: { kind: 'USER', name: 'Alex Morgan' },
        recordedAt: '2026-11-07T10:20:00Z',
        correctsId: null,
      },
    ],
    actions: [
      {
        id: 'A1',
        stage: 1,
        description: 'Treat the damp',
        owner: 'Repairs team',
        dueOn: '2026-11-27',
        completedAt: null,
        overdue: true,
        note: null,
      },
    ],
    remedies: [],
    closedAt: null,
    closeReason: null,
    withdrawnReason: null,
    refusal: null,
    escalationRefusal: null,
    mergedInto: null,
    duplicates: [],
    reopenings: [],
    satisfaction: null,
    lessons: [],
    stage2Reviewers: [],
    letterOptions: [],
    letters: [],
    attachments: [],
    ombudsmanReferrals: [
      {
        reference: 'HO-123',
        ombudsmanLabel: 'Housing Ombudsman',
        referredAt: '2026-11-20T10:00:00Z',
        determination: null,
        orders: [],
      },
    ],
  };
}

let answers: unknown[];
let sent: { query: string; variables: Record<string, unknown> }[];

beforeEach(() => {
  answers = [];
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

const page = (version: number) => ({
  data: { me: { id: 'user-1' }, complaint: complaintAt(version) },
});

function renderPage() {
  render(
    // The id as the route gives it in the app (react-admin's /complaints/:id/show).
    <AdminContext>
      <ComplaintShow id="c-1" />
    </AdminContext>,
  );
}

describe('a complaint’s page', () => {
  it('shows where the case stands, its deadlines, remedies, facts and timeline', async () => {
    answers.push(page(5));
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: /CMP-2026-000042/ })).toBeVisible();
    expect(sent[0]!.variables).toEqual({ id: 'c-1' });
    const deadlines = screen.getByRole('region', { name: 'Deadlines' });
    expect(deadlines).toHaveTextContent('Stage 1 response due Mon 23 Nov 2026');
    expect(deadlines).toHaveTextContent('Overdue');
    expect(deadlines).toHaveTextContent('Respond within 10 working days of the acknowledgement.');
    const actions = screen.getByRole('table', { name: 'Actions agreed' });
    expect(actions).toHaveTextContent('Repairs team');
    expect(actions).toHaveTextContent('Fri 27 Nov 2026');
    expect(screen.getByRole('region', { name: 'Timeline' })).toHaveTextContent(
      /Logged.*Fri 6 Nov 2026, 09:30, by Sam Okafor/,
    );
    expect(
      screen.getByRole('region', { name: 'Refusals, merges and the Ombudsman' }),
    ).toHaveTextContent('Referred to the Housing Ombudsman');
    expect(screen.getByRole('region', { name: 'Attachments' })).toHaveTextContent(
      'No files are attached to this case.',
    );
    const steps = screen.getByRole('toolbar', { name: 'Steps this case allows now' });
    expect(
      within(steps)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Extend the deadline', 'Respond', 'Withdraw']);
  });

  it('shows the notes and contacts in their panel and among the events of the timeline', async () => {
    answers.push(page(5));
    renderPage();
    const panel = await screen.findByRole('region', { name: 'Notes and contacts' });
    expect(within(panel).getByRole('table', { name: 'Notes and contacts' })).toHaveTextContent(
      /Sat 7 Nov 2026, 10:15.*Call.*her daughter.*From the resident.*Alex Morgan.*The damp is back/,
    );
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'LoggedFri 6 Nov 2026, 09:30, by Sam Okafor',
      'Call from the resident, with her daughterSat 7 Nov 2026, 10:15, by Alex MorganThe damp is back in the bedroom.',
      'AcknowledgedMon 9 Nov 2026, 09:00, by Alex Morgan',
    ]);
  });

  it('leaves the panel out for a caller who may not read notes', async () => {
    answers.push({ data: { me: { id: 'user-1' }, complaint: { ...complaintAt(5), notes: null } } });
    renderPage();
    await screen.findByRole('region', { name: 'Timeline' });
    expect(screen.queryByRole('region', { name: 'Notes and contacts' })).toBeNull();
  });

  it("shows the resident's satisfaction and the lessons learnt, or that there are none", async () => {
    answers.push({
      data: {
        me: { id: 'user-1' },
        complaint: {
          ...complaintAt(9),
          status: 'CLOSED',
          statusLabel: 'Closed',
          satisfaction: {
            score: 8,
            comment: 'Kept informed throughout.',
            at: '2026-12-01T10:00:00Z',
          },
          lessons: [
            { lesson: 'Book the surveyor on the first call.', at: '2026-11-20T10:00:00Z' },
            { lesson: 'Damp reports go to the surveyor first.', at: '2026-11-25T10:00:00Z' },
          ],
        },
      },
    });
    renderPage();
    const learning = await screen.findByRole('region', { name: 'Satisfaction and lessons learnt' });
    expect(learning).toHaveTextContent(
      'Satisfaction with how the complaint was handled: 8 out of 10, given Tue 1 Dec 2026, 10:00.',
    );
    expect(learning).toHaveTextContent('The resident said: Kept informed throughout.');
    const lessons = within(learning).getByRole('list', { name: 'Lessons learnt' });
    expect(
      within(lessons)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Book the surveyor on the first call.Fri 20 Nov 2026, 10:00',
      'Damp reports go to the surveyor first.Wed 25 Nov 2026, 10:00',
    ]);
  });

  it('shows who reviews stage 2, and says so when nobody is recorded yet', async () => {
    answers.push({
      data: {
        me: { id: 'user-1' },
        complaint: {
          ...complaintAt(9),
          stage: 2,
          stage2Reviewers: [
            { kind: 'STAFF', userId: 'user-7', panelMemberId: null, name: 'Dana Reid' },
            { kind: 'PANEL', userId: null, panelMemberId: 'member-1', name: 'Morgan Lee' },
          ],
        },
      },
    });
    renderPage();
    const review = await screen.findByRole('region', { name: 'Stage 2 review' });
    expect(
      within(within(review).getByRole('list', { name: 'Stage 2 reviewers' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Dana ReidIndependent manager', 'Morgan LeeIndependent resident, from the panel']);
  });

  it('shows no stage 2 review on a case at stage 1', async () => {
    answers.push(page(5));
    renderPage();
    await screen.findByRole('region', { name: 'Satisfaction and lessons learnt' });
    expect(screen.queryByRole('region', { name: 'Stage 2 review' })).toBeNull();
  });

  it('says when no score or lesson is recorded', async () => {
    answers.push(page(5));
    renderPage();
    const learning = await screen.findByRole('region', { name: 'Satisfaction and lessons learnt' });
    expect(learning).toHaveTextContent('No satisfaction score recorded.');
    expect(learning).toHaveTextContent('No lessons learnt recorded.');
  });

  it('reloads the case on a stale version, and sends the new version next time', async () => {
    answers.push(page(5));
    renderPage();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog', { name: /Withdraw: CMP-2026-000042/ });
    await user.type(within(dialog).getByLabelText(/^Why the resident withdrew it/), 'Moved');
    answers.push({
      errors: [{ message: 'Version 5 is stale.', extensions: { code: 'CONFLICT' } }],
    });
    answers.push(page(6));
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Someone else changed this case; it has been reloaded.',
    );
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[1]!.variables).toMatchObject({ expectedVersion: 5 });
    await screen.findByText(/version 6/);
    answers.push({ data: { withdrawComplaint: { id: 'c-1', version: 7 } } });
    answers.push(page(7));
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(sent).toHaveLength(5));
    expect(sent[3]!.variables).toMatchObject({ expectedVersion: 6, reason: 'Moved' });
  });

  it('lists the letters issued, offers one for each step taken, and shows them in the timeline', async () => {
    answers.push({
      data: {
        me: { id: 'user-1' },
        correspondenceSettings: { emailConfigured: false },
        complaint: {
          ...complaintAt(5),
          letterOptions: [
            { kind: 'ACKNOWLEDGEMENT', stage: 1, required: [] },
            { kind: 'RESPONSE', stage: 1, required: [] },
          ],
          letters: [
            {
              id: 'letter-1',
              kind: 'ACKNOWLEDGEMENT',
              stage: 1,
              issuedOn: '2026-11-09',
              issuedAt: '2026-11-09T11:00:00Z',
              issuedBy: 'Alex Morgan',
              recipientEmail: null,
              delivery: 'FAILED',
              attempts: 6,
              lastError: 'Mailbox unavailable',
              nextAttemptAt: null,
              sentAt: null,
              postedOn: null,
              pdfPath: '/letters/letter-1.pdf',
              largePrint: true,
              translateTo: null,
            },
          ],
        },
      },
    });
    renderPage();
    const letters = await screen.findByRole('region', { name: 'Letters' });
    expect(
      within(letters).getByRole('button', { name: 'Write the stage 1 response letter' }),
    ).toBeInTheDocument();
    const issued = within(letters).getByRole('list', { name: 'Letters issued' });
    expect(issued).toHaveTextContent('Stage 1 acknowledgement');
    expect(issued).toHaveTextContent('Email failed');
    expect(issued).toHaveTextContent('last error: Mailbox unavailable');
    expect(within(issued).getByRole('button', { name: 'Email again' })).toBeInTheDocument();
    expect(within(issued).getByRole('button', { name: 'Mark as posted' })).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(timeline).toHaveTextContent('Letter issued: Stage 1 acknowledgement (email failed)');
  });
});
