// The case the Code's rules are tried on, for code-rules*.test.ts: every step through `decide`
// and `evolve`, every date through `deriveDeadlines` and `deadlineStatus`.
import type { DeadlineKind, DeadlineState } from '../deadlines/deadline.types.js';
import { deadlineStatus } from '../deadlines/deadline-status.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import { calendarForPolicy } from '../policies/calendar-for-policy.js';
import { CODE_2024, presetById } from '../policies/presets.js';
import type { Policy } from '../policies/policy.types.js';
import type { ComplaintRefusal } from './complaint.refusals.js';
import type {
  Actor,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  DecisionContext,
  Instant,
  LogComplaint,
  ResidentNotice,
  StageNumber,
} from './complaint.types.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';

export const alex: Actor = { kind: 'user', id: 'user-alex', name: 'Alex Morgan' };
export const priya: Actor = { kind: 'user', id: 'user-priya', name: 'Priya Shah' };
export const redress: Actor = { kind: 'system', id: 'redress' };

export function preset(id: string): Policy {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

export function told(toldOn: string, changes: Partial<ResidentNotice> = {}): ResidentNotice {
  return { toldOn, method: 'letter', ombudsmanDetailsGiven: true, ...changes };
}

export const SUMMARY = 'Black mould in the bedroom, reported three times since August.';
export const OUTCOME = 'Treat the mould and redecorate the bedroom';

/** A case being worked under one policy: each step through `decide`, its events through `evolve`. */
export function caseUnder(policy: Policy, log: Partial<LogComplaint> = {}) {
  let state: ComplaintState | null = null;
  const events: ComplaintEvent[] = [];
  const decideAt = (now: Instant, command: ComplaintCommand, more: Partial<DecisionContext>) =>
    decide(state, command, { now, actor: alex, policy, ...more });
  const c = {
    get state(): ComplaintState {
      if (!state) throw new Error('not logged');
      return state;
    },
    events,
    step(now: Instant, command: ComplaintCommand, more: Partial<DecisionContext> = {}) {
      const result = decideAt(now, command, more);
      if (!result.ok) {
        throw new Error(`${command.type} at ${now}: ${result.error.code}: ${result.error.message}`);
      }
      for (const event of result.value) {
        state = evolve(state, event);
        events.push(event);
      }
      return c;
    },
    refused(
      now: Instant,
      command: ComplaintCommand,
      more: Partial<DecisionContext> = {},
    ): ComplaintRefusal {
      const result = decideAt(now, command, more);
      if (result.ok) throw new Error(`${command.type} at ${now} was accepted`);
      return result.error;
    },
    /** The state of one deadline at `now`, as a handler or the measures read it. */
    deadline(stage: StageNumber, kind: DeadlineKind, now: Instant): DeadlineState | 'none' {
      const found = deriveDeadlines(c.state).find((d) => d.stage === stage && d.kind === kind);
      if (!found) return 'none';
      const stagePolicy = c.state.stages[stage - 1]?.policy ?? policy;
      return deadlineStatus(found, now, calendarForPolicy(stagePolicy), stagePolicy.warningDays)
        .state;
    },
  };
  return c.step('2026-11-16T09:15:00Z', {
    type: 'log',
    complaintId: 'C-2026-0042',
    reference: 'RDR-0042',
    receivedAt: '2026-11-16T09:00:00Z',
    channel: 'phone',
    complainant: { name: 'Jordan Price', type: 'tenant' },
    summary: SUMMARY,
    desiredOutcome: OUTCOME,
    category: 'repairs',
    tenure: 'lcra',
    ...log,
  });
}

// Received Mon 16 Nov 2026, acknowledged Tue 17 Nov: acknowledge by Mon 23 Nov, respond by
// Tue 1 Dec 2026 (10 working days after the acknowledgement).
export function acknowledgedUnder(policy: Policy = CODE_2024) {
  return caseUnder(policy)
    .step('2026-11-16T10:00:00Z', {
      type: 'assign',
      handler: 'Alex Morgan',
      handlerId: 'user-alex',
    })
    .step('2026-11-17T10:00:00Z', { type: 'acknowledge' });
}

export const RESPONSE: ComplaintCommand = {
  type: 'respond',
  outcome: 'partly-upheld',
  findings: 'Two repair visits were missed; the mould comes from a failed extractor fan.',
};

/** Stage 1 answered on Fri 27 Nov 2026 by Alex, who handled it. */
export function answeredUnder(policy: Policy = CODE_2024) {
  return acknowledgedUnder(policy).step('2026-11-27T14:00:00Z', RESPONSE);
}
