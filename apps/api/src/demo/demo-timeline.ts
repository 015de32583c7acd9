// One demo case's history, step by step through the domain's own decide and evolve, each step
// at its time in the past: logged, assigned, acknowledged, extended, answered, escalated (online
// through the resident portal, or by phone), reviewed at stage 2, referred, closed; or withdrawn,
// refused, declined at stage 2 or left waiting, as a landlord's open cases are.
import {
  PRESETS,
  calendarForPolicy,
  decide,
  deriveDeadlines,
  escalationWindowEndsOn,
  evolve,
  localDateOf,
  refusalReasonsOf,
  type Actor,
  type Calendar,
  type Complainant,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  type ContactMethod,
  type LocalDate,
  type Policy,
  type RefusalReason,
  type ResidentNotice,
} from '@redress/domain';
import type { CategoryDeal } from './demo-category.js';
import { openDuplicateTarget, type DemoCase } from './demo-merges.js';
import { channelFor, residentFor } from './demo-people.js';
import { atHour, between, pick, uuidFrom, weighted, type Random } from './demo-random.js';
import { settlementRandom } from './demo-remedies.js';
import { refusalExplanation, respondWithActions } from './demo-stage-response.js';
import { DEMO_TEAMS, type DemoStaffMember } from './demo-staff.js';

const HANDLERS: readonly string[] = Object.values(DEMO_TEAMS).flat();

// Most cases follow the Code; some landlords' own procedures appear too.
const POLICY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['code-2024', 70],
  ['seed-000', 6],
  ['seed-001', 6],
  ['seed-002', 6],
  ['seed-003', 6],
  ['seed-004', 6],
];

/** Who and what a case is made with, besides its own randomness. */
export interface HistoryContext {
  readonly now: Date;
  readonly staffByName: ReadonlyMap<string, DemoStaffMember>;
  /** The resident portal's key: it logs online complaints and records their escalations. */
  readonly portal: Actor;
  readonly earlier: readonly DemoCase[];
}

export type Ending =
  | 'close'
  | 'escalate'
  | 'withdraw'
  | 'refuse'
  | 'refuse-escalation'
  | 'duplicate'
  | 'await'
  | 'stall-ack'
  | 'stall-response';

export interface Made extends DemoCase {
  /** The code of the step the domain refused, where the history stops; null if none was. */
  readonly refused: string | null;
  /** The earlier case this one repeats, to be merged into. */
  readonly duplicateOf?: DemoCase;
}

/** How the handler sums the complaint up on acknowledging it, after the resident's words. */
const UNDERSTANDINGS = [
  'The resident says this has happened before and nobody followed it up.',
  'The resident is unhappy with how long it has taken and with not being kept informed.',
  'The resident says the earlier visits did not fix it.',
] as const;

/** What residents ask for when they did not say when the complaint was logged. */
const OUTCOMES_SOUGHT = [
  'The repair done properly, and a date for it',
  'An apology and an explanation of what went wrong',
  'Compensation for the time off work waiting in',
  'Someone to call back as promised',
] as const;

/** The resident told by their preferred means (a letter otherwise), with the Ombudsman's details. */
function noticeOn(day: LocalDate, complainant: Complainant): ResidentNotice {
  const method: ContactMethod = complainant.preferredContact ?? 'letter';
  return { toldOn: day, method, ombudsmanDetailsGiven: true };
}

export function makeHistory(
  random: Random,
  context: HistoryContext,
  receivedAt: Date,
  reference: string,
  index: number,
  deal: CategoryDeal,
): Made {
  const { now, staffByName, portal, earlier } = context;
  const { category } = deal;
  const policy = policyById(weighted(random, POLICY_WEIGHTS));
  const calendar = calendarForPolicy(policy);
  const received = localDateOf(receivedAt);
  const person = residentFor(random, received);
  const planned = weighted<Ending>(random, [
    ['close', 50],
    ['escalate', 18],
    ['withdraw', 6],
    ['refuse', 5],
    ['refuse-escalation', 2],
    ['duplicate', 3],
    ['await', 8],
    ['stall-ack', 3],
    ['stall-response', 4],
  ]);
  const ending = endingByAge(planned, policy, calendar, received, localDateOf(now), random);
  // A duplicate repeats an open case of the same kind, made by the same resident (often by
  // another channel).
  const duplicateOf =
    ending === 'duplicate' ? openDuplicateTarget(earlier, category.id, receivedAt) : undefined;
  const { complainant, representative, tenure } = duplicateOf
    ? {
        complainant: duplicateOf.state.complainant,
        representative: duplicateOf.state.representative,
        tenure: duplicateOf.state.tenure,
      }
    : person;
  const channel = channelFor(random, representative);
  // Most online complaints come through the resident portal, whose key logs them; a key sees and
  // acts on only the complaints it logged, so it is also the one to record their escalations.
  const viaPortal = !duplicateOf && channel === 'online' && random() < 0.85;
  const handler = pick(random, HANDLERS);
  const reviewer = pick(
    random,
    HANDLERS.filter((h) => h !== handler),
  );
  const memberOf = (name: string): DemoStaffMember => {
    const member = staffByName.get(name);
    if (!member) throw new Error(`The demo has no handler called ${name}.`);
    return member;
  };
  const idOf = (name: string): string => memberOf(name).id;
  const staff = (name: string): Actor => ({ kind: 'user', id: idOf(name), name });

  const events: ComplaintEvent[] = [];
  let state: ComplaintState | null = null;
  let refused: string | null = null;
  let stopped = false;
  // Read through a function: TypeScript does not see `step` assign it.
  const current = (): ComplaintState | null => state;
  /** The response due date the domain gives the stage now, as a handler would read it. */
  const respondDueOf = (stage: 1 | 2): LocalDate | undefined => {
    const state = current();
    return state
      ? deriveDeadlines(state).find((d) => d.stage === stage && d.kind === 'respond')?.dueOn
      : undefined;
  };
  /** Whether a step planned for `day` can still be taken then: no later step recorded yet. */
  const stillPossibleOn = (day: LocalDate): boolean => {
    const state = current();
    return state !== null && localDateOf(state.lastEventAt) <= day;
  };
  const done = (): Made => ({
    events,
    refused,
    state: current(),
    ...(duplicateOf ? { duplicateOf } : {}),
  });

  /**
   * Runs a step at `at` (or just after the previous step, if that came later) unless that is
   * still to come: the case is open at that point. Returns the instant used, or null.
   */
  const step = (command: ComplaintCommand, at: Date, actor: Actor): Date | null => {
    if (stopped) return null;
    const last = state ? Date.parse(state.lastEventAt) : receivedAt.getTime();
    const when = new Date(Math.max(at.getTime(), last + 60_000));
    if (when.getTime() > now.getTime()) {
      stopped = true;
      return null;
    }
    const decision = decide(state, command, {
      now: now.toISOString(),
      at: when.toISOString(),
      actor,
      policy,
    });
    if (!decision.ok) {
      refused = decision.error.field
        ? `${decision.error.code}:${decision.error.field}`
        : decision.error.code;
      stopped = true;
      return null;
    }
    for (const event of decision.value) {
      state = evolve(state, event);
      events.push(event);
    }
    return when;
  };
  const workingDay = (from: LocalDate, days: number, cal: Calendar = calendar): LocalDate =>
    cal.addWorkingDays(from, days);
  const on = (date: LocalDate) => atHour(date, between(random, 8, 16), between(random, 0, 59));
  const settle = settlementRandom(reference);

  step(
    {
      type: 'log',
      complaintId: uuidFrom(`demo:${reference}`),
      reference,
      receivedAt: receivedAt.toISOString(),
      channel,
      complainant,
      representative,
      summary: duplicateOf ? duplicateOf.state.summary : deal.summary,
      desiredOutcome: duplicateOf
        ? duplicateOf.state.desiredOutcome
        : random() < 0.6
          ? 'Put it right and tell me when it will be done'
          : null,
      category: category.id,
      tenure,
      serviceRequestId: null,
    },
    new Date(receivedAt.getTime() + between(random, 5, 120) * 60_000),
    viaPortal ? portal : staff(handler),
  );
  step(
    { type: 'assign', handler, handlerId: idOf(handler), teamId: memberOf(handler).teamId },
    new Date(receivedAt.getTime() + 3 * 3_600_000),
    staff(handler),
  );
  // Without an open case to repeat, it is an ordinary complaint, answered as one.
  if (ending === 'duplicate' && duplicateOf) return done();

  if (ending === 'refuse') {
    // Only a reason the policy sets out (Code 2.2), told with the Ombudsman's details (2.4).
    const reason: RefusalReason = pick(random, refusalReasonsOf(policy));
    const refuseOn = workingDay(received, between(random, 1, policy.stage1.acknowledgeDays));
    step(
      {
        type: 'refuse',
        reason,
        explanation: `${refusalExplanation(reason)} You can ask the Housing Ombudsman to look at this decision.`,
        notice: noticeOn(refuseOn, complainant),
        discretionConsidered:
          reason === 'over-12-months-old'
            ? 'We looked for a good reason to consider it anyway, such as illness or a repair still failing, and found none.'
            : null,
      },
      on(refuseOn),
      staff(handler),
    );
    return done();
  }
  if (ending === 'stall-ack') return done();

  // Mostly on time; one in eight late.
  const ackDays =
    random() < 0.875
      ? between(random, 1, policy.stage1.acknowledgeDays)
      : policy.stage1.acknowledgeDays + between(random, 1, 4);
  const ackDate = workingDay(received, ackDays);
  // The acknowledgement sets out the complaint as understood and the outcome sought (Code 5.6).
  const outcomeSought = current()?.desiredOutcome ?? pick(random, OUTCOMES_SOUGHT);
  step(
    {
      type: 'acknowledge',
      understanding: `${current()?.summary ?? ''} ${pick(random, UNDERSTANDINGS)}`.trim(),
      outcomeSought,
    },
    on(ackDate),
    staff(handler),
  );

  if (ending === 'withdraw') {
    step(
      {
        type: 'withdraw',
        reason: pick(random, [
          'The repair has now been done',
          'Resolved informally with the officer',
          'Moving away',
        ]),
      },
      on(workingDay(ackDate, between(random, 1, 6))),
      staff(handler),
    );
    // Now and then the resident comes back, and the case is opened where it stood.
    // Re-opened, it is answered like any other case from there; a case left re-opened and
    // unanswered for months is not what a landlord's records look like.
    const withdrawnOn = current()?.closedAt;
    const reopened =
      withdrawnOn !== undefined &&
      withdrawnOn !== null &&
      random() < 0.3 &&
      step(
        {
          type: 'reopen',
          reason: 'The resident came back: the problem returned within a fortnight.',
        },
        on(workingDay(localDateOf(withdrawnOn), between(random, 5, 10))),
        staff(handler),
      ) !== null;
    if (!reopened) return done();
  }

  const respondBase = policy.stage1.responseClock === 'receipt' ? received : ackDate;
  let respondDue = respondDueOf(1) ?? workingDay(respondBase, policy.stage1.respondDays);
  // A case still unanswered is more often one waiting on a report, so extended.
  if (random() < (ending === 'stall-response' ? 0.5 : 0.18)) {
    const days = between(random, 3, Math.max(3, policy.stage1.maxExtensionDays));
    // Decided and told before the due date it moves (Code 6.4, 6.5).
    const extendOn = workingDay(respondDue, -between(random, 1, 3));
    if (
      stillPossibleOn(extendOn) &&
      step(
        {
          type: 'extend',
          workingDays: days,
          reason: 'Waiting for a contractor’s report',
          notice: noticeOn(extendOn, complainant),
        },
        on(extendOn),
        staff(handler),
      )
    ) {
      respondDue = respondDueOf(1) ?? workingDay(respondDue, days);
    }
  }
  if (ending === 'stall-response') return done();
  const respondOn =
    random() < 0.85
      ? workingDay(respondDue, -between(random, 0, Math.min(6, policy.stage1.respondDays - 1)))
      : workingDay(respondDue, between(random, 1, 8));
  const stage1 = respondWithActions(
    random,
    settle,
    step,
    staff(handler),
    respondOn,
    category,
    1,
    workingDay,
  );
  if (!stage1) return done();
  if (ending === 'await') return done();

  if (ending === 'refuse-escalation') {
    // The resident asks for stage 2 after starting court proceedings about the same matter: the
    // landlord declines, with its reasons and the Ombudsman's details (Code 5.11, 2.4), where
    // its policy sets that reason out.
    if (!refusalReasonsOf(policy).includes('legal-proceedings')) return done();
    const declineOn = workingDay(stage1.respondedOn, between(random, 3, 10));
    step(
      {
        type: 'refuse-escalation',
        reason: 'legal-proceedings',
        explanation:
          'You have started court proceedings about the same repairs, so the court will decide them; we will not look at them again at stage 2. You can ask the Housing Ombudsman to review this decision.',
        notice: noticeOn(declineOn, complainant),
      },
      on(declineOn),
      staff(handler),
    );
    return done();
  }

  if (ending === 'escalate') {
    const escalateOn = workingDay(stage1.respondedOn, between(random, 2, 12));
    // Asked after the policy's window (the resident waited for the agreed work first): a handler
    // decides it and records why it is accepted (Code 5.11). In time, a resident who complained
    // through the portal mostly escalates there too; otherwise by phone or letter, to the handler.
    const state1 = current();
    const lastDay = state1 ? escalationWindowEndsOn(state1) : null;
    const askedOn = [escalateOn, localDateOf(current()?.lastEventAt ?? receivedAt)].sort()[1];
    const late = lastDay !== null && askedOn !== undefined && askedOn > lastDay;
    if (
      !step(
        {
          type: 'request-escalation',
          reason: 'The resident is not satisfied with the stage 1 response',
          lateReason: late
            ? 'The resident waited for the agreed repairs to be finished before asking; accepted late.'
            : null,
        },
        on(escalateOn),
        viaPortal && !late && random() < 0.9 ? portal : staff(handler),
      )
    ) {
      return done();
    }
    step(
      {
        type: 'assign',
        handler: reviewer,
        handlerId: idOf(reviewer),
        teamId: memberOf(reviewer).teamId,
      },
      on(workingDay(escalateOn, 1)),
      staff(reviewer),
    );
    // Stage 2 counts under the policy copied into the escalation event.
    const escalation = events.findLast((e) => e.type === 'escalation-requested');
    const stage2Policy = escalation?.type === 'escalation-requested' ? escalation.policy : policy;
    const calendar2 = calendarForPolicy(stage2Policy);
    const ack2 = workingDay(
      escalateOn,
      between(random, 1, stage2Policy.stage2.acknowledgeDays),
      calendar2,
    );
    // Stage 2 is considered by a reviewer who took no part in stage 1 (Code 6.13).
    step(
      {
        type: 'acknowledge',
        understanding:
          'The resident is not satisfied with the stage 1 response: the problem is still there.',
        outcomeSought,
      },
      on(ack2),
      staff(reviewer),
    );
    let due2 = respondDueOf(2) ?? workingDay(ack2, stage2Policy.stage2.respondDays, calendar2);
    if (random() < 0.25) {
      const days = between(random, 5, Math.max(5, stage2Policy.stage2.maxExtensionDays));
      const extendOn = workingDay(due2, -2, calendar2);
      if (
        stillPossibleOn(extendOn) &&
        step(
          {
            type: 'extend',
            workingDays: days,
            reason: 'Independent survey booked',
            notice: noticeOn(extendOn, complainant),
          },
          on(extendOn),
          staff(reviewer),
        )
      ) {
        due2 = respondDueOf(2) ?? workingDay(due2, days, calendar2);
      }
    }
    const respond2On =
      random() < 0.85
        ? workingDay(due2, -between(random, 0, 8), calendar2)
        : workingDay(due2, between(random, 1, 10), calendar2);
    const stage2 = respondWithActions(
      random,
      settle,
      step,
      staff(reviewer),
      respond2On,
      category,
      2,
      (d, n) => workingDay(d, n, calendar2),
    );
    if (!stage2) return done();
    if (random() < 0.3) {
      const referred = workingDay(stage2.respondedOn, between(random, 10, 40), calendar2);
      step(
        {
          type: 'refer-to-ombudsman',
          reference: `HOS-${referred.slice(0, 7).replace('-', '')}-${String(1000 + index).slice(-4)}`,
        },
        on(referred),
        staff(reviewer),
      );
    }
    if (random() < 0.8)
      step(
        { type: 'close' },
        on(workingDay(stage2.doneOn, between(random, 1, 5), calendar2)),
        staff(reviewer),
      );
    return done();
  }

  // Closing: when the actions are done and the compensation paid or declined (Code 7.3).
  step({ type: 'close' }, on(workingDay(stage1.doneOn, between(random, 1, 5))), staff(handler));
  return done();
}

/**
 * Responds, agrees the actions the findings call for, and completes them and settles the
 * compensation offered as time allows, in date order.
 */

// A case left waiting is a recent one: a landlord chases an acknowledgement within days and a
// late response within weeks, so an old case did not stall; it went on to be answered and closed.
const STALLED_ACK_WORKING_DAYS = 10;
const STALLED_RESPONSE_WORKING_DAYS = 20;
// Of the cases whose stage 1 response fell due in those last weeks, this share is still
// unanswered: what keeps a landlord's overdue cases between about one in twenty and one in seven
// of its open ones, and all of them recent.
const LATE_RESPONSE_SHARE = 0.4;

/** The planned ending, unless the case is too old to be still waiting at that step. */
function endingByAge(
  planned: Ending,
  policy: Policy,
  calendar: Calendar,
  received: LocalDate,
  today: LocalDate,
  random: () => number,
): Ending {
  const age = calendar.workingDaysBetween(received, today);
  if (planned === 'stall-ack' && age > policy.stage1.acknowledgeDays + STALLED_ACK_WORKING_DAYS) {
    return 'close';
  }
  const responseDue =
    policy.stage1.acknowledgeDays + policy.stage1.respondDays + policy.stage1.maxExtensionDays;
  if (planned === 'stall-response' && age > responseDue + STALLED_RESPONSE_WORKING_DAYS) {
    return 'close';
  }
  const dueWithoutExtension = policy.stage1.acknowledgeDays + policy.stage1.respondDays;
  const answered = planned === 'close' || planned === 'escalate' || planned === 'await';
  if (
    answered &&
    age > dueWithoutExtension &&
    age <= dueWithoutExtension + STALLED_RESPONSE_WORKING_DAYS &&
    random() < LATE_RESPONSE_SHARE
  ) {
    return 'stall-response';
  }
  return planned;
}

function policyById(id: string): Policy {
  const policy = PRESETS.find((p) => p.id === id);
  if (!policy) throw new Error(`No preset ${id}`);
  return policy;
}
