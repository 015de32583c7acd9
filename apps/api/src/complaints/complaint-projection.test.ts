// The projection, pure: a case's state in, the rows a write stores out. States are made the way
// the API makes them, each step decided by the domain and its events folded.
import { createHash } from 'node:crypto';
import {
  CODE_2024,
  decide,
  deriveDeadlines,
  evolve,
  type Actor,
  type ComplaintCommand,
  type ComplaintState,
  type Instant,
} from '@redress/domain';
import { describe, expect, it } from 'vitest';
import { projectCase, READ_MODEL_COLUMNS } from './complaint-projection.js';

const handler: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
const reviewer: Actor = { kind: 'user', id: 'user-sam', name: 'Sam Okafor' };
const NOW = new Date('2027-06-01T12:00:00Z');
const ID = '7f1d2c9e-1b0a-4c55-9d1e-3a2b4c5d6e7f';

type Step = readonly [at: Instant, command: ComplaintCommand, actor?: Actor];

function caseOf(receivedAt: Instant, steps: readonly Step[] = []): ComplaintState {
  let state: ComplaintState | null = null;
  const all: Step[] = [
    [
      receivedAt,
      {
        type: 'log',
        complaintId: ID,
        reference: 'CMP-2026-000042',
        receivedAt,
        channel: 'email',
        complainant: { name: 'Jordan Price', type: 'tenant', email: ' Jordan@Example.org ' },
        summary: 'Damp in the bedroom reported three times and not fixed.',
        desiredOutcome: 'The damp treated and the room redecorated.',
        category: 'repairs',
        tenure: 'lcra',
      },
    ],
    ...steps,
  ];
  for (const [now, command, actor] of all) {
    const decision = decide(state, command, { now, actor: actor ?? handler, policy: CODE_2024 });
    if (!decision.ok) throw new Error(`${command.type}: ${decision.error.code}`);
    for (const event of decision.value) state = evolve(state, event);
  }
  if (state === null) throw new Error('No state.');
  return state;
}

const project = (state: ComplaintState) =>
  projectCase(state, deriveDeadlines(state), undefined, NOW);

const respond: ComplaintCommand = {
  type: 'respond',
  outcome: 'upheld',
  findings: 'The repair was missed twice.',
};

describe('the projection of a case', () => {
  it('gives every column of the read model a value, and no other key', () => {
    const { row } = project(caseOf('2026-11-02T09:00:00Z'));
    expect(Object.keys(row).sort()).toEqual(READ_MODEL_COLUMNS.map((c) => c.name).sort());
  });

  it('keeps a new case waiting on its acknowledgement, counted in the year it was received', () => {
    // Received Mon 2 Nov 2026: acknowledgement due five working days later, Mon 9 Nov.
    const { row, deadlines, actions } = project(caseOf('2026-11-02T09:00:00Z'));
    expect(row).toMatchObject({
      id: ID,
      status: 'received',
      received_on: '2026-11-02',
      next_due_on: '2026-11-09',
      next_due_kind: 'acknowledge',
      next_due_stage: 1,
      received_year: 2026,
      stage1_counted: true,
      stage1_ack_on_time: null,
      stage1_responded_on: null,
      stage1_responded_year: null,
      stage1_on_time: null,
      stage1_on_time_without_extensions: null,
      stage1_response_working_days: null,
      stage2_received_on: null,
      stage2_received_year: null,
      stage2_counted: null,
      refused_year: null,
      withdrawn_year: null,
      compensation_offered_pence: 0,
      compensation_paid_pence: 0,
      ombudsman_referred_year: null,
      ombudsman_findings: null,
      satisfaction_score: null,
      satisfaction_year: null,
    });
    expect(deadlines.map((d) => [d.stage, d.kind, d.dueOn])).toEqual([
      [1, 'acknowledge', '2026-11-09'],
      [1, 'respond', '2026-11-23'],
    ]);
    expect(actions).toEqual([]);
  });

  it('stores who the resident is only as the sha-256 of the domain key (email, trimmed, lower-cased)', () => {
    const { row } = project(caseOf('2026-11-02T09:00:00Z'));
    const expected = createHash('sha256').update('email:jordan@example.org').digest('hex');
    expect(row.resident_key).toBe(expected);
  });

  it('counts a stage 1 answered on time, then a stage 2 escalated in the next reporting year', () => {
    // Stage 1: acknowledged Mon 9 Nov, answered Mon 23 Nov 2026 (both due days): on time, 15
    // working days after receipt. Escalated on Tue 6 Apr 2027, a new reporting year.
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-09T16:00:00Z', { type: 'acknowledge' }],
      ['2026-11-23T16:00:00Z', respond],
      ['2027-04-06T10:00:00Z', { type: 'request-escalation', lateReason: 'Asked late.' }],
      ['2027-04-07T10:00:00Z', { type: 'assign', handler: 'Sam Okafor' }, reviewer],
    ]);
    const { row } = project(state);
    expect(row).toMatchObject({
      stage: 2,
      received_year: 2026,
      stage1_ack_on_time: true,
      stage1_responded_on: '2026-11-23',
      stage1_responded_year: 2026,
      stage1_on_time: true,
      stage1_on_time_without_extensions: true,
      stage1_response_working_days: 15,
      stage1_outcome: 'upheld',
      stage2_received_on: '2027-04-06',
      stage2_received_year: 2027,
      stage2_counted: true,
      stage2_ack_on_time: null,
      stage2_responded_on: null,
      next_due_stage: 2,
      next_due_kind: 'acknowledge',
    });
  });

  it('writes a row per agreed action, open or done, with the reporting year it falls due in', () => {
    const state = caseOf('2026-11-02T09:00:00Z', [
      ['2026-11-03T10:00:00Z', { type: 'acknowledge' }],
      ['2026-11-10T10:00:00Z', respond],
      [
        '2026-11-10T11:00:00Z',
        {
          type: 'agree-action',
          actionId: 'a1',
          description: 'Treat the damp',
          owner: 'Repairs',
          dueOn: '2027-03-31',
        },
      ],
      [
        '2026-11-10T11:05:00Z',
        {
          type: 'agree-action',
          actionId: 'a2',
          description: 'Redecorate the room',
          owner: 'Repairs',
          dueOn: '2027-04-01',
        },
      ],
      ['2026-12-01T10:00:00Z', { type: 'complete-action', actionId: 'a1' }],
    ]);
    expect(project(state).actions).toEqual([
      {
        complaint_id: ID,
        action_id: 'a1',
        stage: 1,
        due_on: '2027-03-31',
        due_year: 2026,
        completed_on: '2026-12-01',
        on_time: true,
        late_from: null,
      },
      {
        complaint_id: ID,
        action_id: 'a2',
        stage: 1,
        due_on: '2027-04-01',
        due_year: 2027,
        completed_on: null,
        on_time: null,
        // Open: late from the day after it is due, whichever day the figures are asked on.
        late_from: '2027-04-02',
      },
    ]);
  });

  it('does not count a refused complaint as received, and has nothing more due of it', () => {
    const state = caseOf('2026-11-02T09:00:00Z', [
      [
        '2026-11-03T10:00:00Z',
        {
          type: 'refuse',
          reason: 'already-considered',
          explanation: 'We answered this complaint in full in September.',
          notice: { toldOn: '2026-11-03', method: 'email', ombudsmanDetailsGiven: true },
        },
      ],
    ]);
    const { row } = project(state);
    expect(row).toMatchObject({
      status: 'refused',
      stage1_counted: false,
      refused_year: 2026,
      refusal_reason: 'already-considered',
      next_due_on: null,
      next_due_kind: null,
    });
  });
});
