// Which steps a case admits now: what a screen offers, so that it never offers a step the case
// will refuse for where it stands. The rule reads only the state (and who asks, and today): what a
// step's own input may still get wrong (a reason too short, a date out of range) is decide's to
// refuse. It shares decide's gates: the steps that outlive the case (AFTER_THE_END), the
// independence of stage 2 (Code 6.13), the extension's due date, and what is still owed.
import type { BankHolidaysData } from '../calendar/calendar.types.js';
import { deriveDeadlines } from '../deadlines/derive-deadlines.js';
import type { Actor, ComplaintCommand, ComplaintState, Instant } from './complaint.types.js';
import { AFTER_THE_END } from './decide.js';
import { currentStage, dayOf, isOpen, openActions, toUtc } from './decision.js';
import { unpaidRemedies } from './remedies.js';
import { actorNotIndependent } from './steps/independence.js';
import { MAX_COMPLAINANTS } from './steps/log.js';
import { MAX_STAGE_EXTENSION_WORKING_DAYS } from './steps/stage.js';

/**
 * The steps a person takes on a case, in the order a screen lists them. Not `log` (there is no
 * case yet), `auto-close` (Redress's own) or `absorb-duplicate` (the other half of a merge).
 */
export const COMPLAINT_STEPS = [
  'assign',
  'acknowledge',
  'extend',
  'add-point',
  'respond',
  'request-escalation',
  'refuse-escalation',
  'agree-action',
  'complete-action',
  'update-on-action',
  'answer-remedy',
  'pay-remedy',
  'close',
  'withdraw',
  'refuse',
  'reopen',
  'add-complainant',
  'record-contractor',
  'merge-into',
  'refer-to-ombudsman',
  'record-determination',
  'record-order-compliance',
  'record-satisfaction',
  'record-lesson',
  'record-stage-2-reviewers',
] as const satisfies readonly ComplaintCommand['type'][];

export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Each step as a button names it. */
export const STEP_LABELS: Readonly<Record<ComplaintStep, string>> = {
  assign: 'Assign',
  acknowledge: 'Acknowledge',
  extend: 'Extend the deadline',
  'add-point': 'Add a point',
  respond: 'Respond',
  'request-escalation': 'Escalate to stage 2',
  'refuse-escalation': 'Refuse escalation',
  'agree-action': 'Agree an action',
  'complete-action': 'Complete an action',
  'update-on-action': 'Update on an action',
  'answer-remedy': "Record the resident's answer to a remedy",
  'pay-remedy': 'Pay a remedy',
  close: 'Close',
  withdraw: 'Withdraw',
  refuse: 'Refuse the complaint',
  reopen: 'Re-open',
  'add-complainant': 'Add a resident',
  'record-contractor': 'Record the contractor',
  'merge-into': 'Merge into another case',
  'refer-to-ombudsman': 'Refer to the Ombudsman',
  'record-determination': "Record the Ombudsman's determination",
  'record-order-compliance': 'Record compliance with an order',
  'record-satisfaction': 'Record satisfaction',
  'record-lesson': 'Record a lesson learnt',
  'record-stage-2-reviewers': 'Record the stage 2 reviewers',
};

export interface AllowedStepsContext {
  /** The present instant, from the caller: the domain never reads the clock. */
  readonly now: Instant;
  /** Who would take the step: stage 2 is not acknowledged or answered by stage 1's people. */
  readonly actor?: Actor;
  readonly holidays?: BankHolidaysData;
}

type Admits = (state: ComplaintState, context: AllowedStepsContext) => boolean;

// Each step's condition on the state, as the step's decide function refuses it.
const ADMITS: Readonly<Record<ComplaintStep, Admits>> = {
  assign: () => true,
  acknowledge: (state, context) => {
    const stage = currentStage(state);
    return (
      stage.acknowledgedAt === null && stage.respondedAt === null && independent(state, context)
    );
  },
  extend: (state, context) => {
    const stage = currentStage(state);
    if (stage.respondedAt !== null) return false;
    const used = stage.extensions.reduce((sum, e) => sum + e.workingDays, 0);
    if (used >= MAX_STAGE_EXTENSION_WORKING_DAYS) return false;
    const due = deriveDeadlines(state, holidaysOf(context)).find(
      (d) => d.stage === stage.stage && d.kind === 'respond',
    );
    return !due || dayOf(toUtc(context.now)) <= due.dueOn;
  },
  'add-point': (state) => currentStage(state).respondedAt === null,
  respond: (state, context) => {
    const stage = currentStage(state);
    return (
      stage.respondedAt === null &&
      (stage.acknowledgedAt !== null || stage.policy.respondWithoutAcknowledgement) &&
      independent(state, context)
    );
  },
  'request-escalation': (state) => escalatable(state),
  'refuse-escalation': (state) => escalatable(state),
  'agree-action': (state) => currentStage(state).respondedAt !== null,
  'complete-action': (state) => openActions(state).length > 0,
  'update-on-action': (state) => openActions(state).length > 0,
  'answer-remedy': (state) => state.remedies.some((r) => r.answer === null),
  'pay-remedy': (state) => unpaidRemedies(state).length > 0,
  close: (state) => {
    const stage = currentStage(state);
    if (stage.respondedAt === null) return false;
    if (!stage.policy.closing.requireActionsComplete) return true;
    return openActions(state).length === 0 && unpaidRemedies(state).length === 0;
  },
  withdraw: () => true,
  refuse: (state) => state.stage === 1 && state.stages[0]?.respondedAt === null,
  reopen: (state) => REOPENABLE.has(state.status),
  'add-complainant': (state) => 1 + state.additionalComplainants.length < MAX_COMPLAINANTS,
  'record-contractor': () => true,
  'merge-into': (state) =>
    state.duplicates.length === 0 &&
    openActions(state).length === 0 &&
    unpaidRemedies(state).length === 0,
  'refer-to-ombudsman': () => true,
  'record-determination': (state) => state.ombudsman.some((r) => r.determination === null),
  'record-order-compliance': (state) =>
    state.ombudsman.some(
      (r) => r.determination !== null && r.orders.some((o) => o.compliedOn === null),
    ),
  'record-satisfaction': (state) => state.status === 'closed',
  'record-lesson': () => true,
  'record-stage-2-reviewers': (state) =>
    state.stage === 2 && currentStage(state).respondedAt === null,
};

const REOPENABLE = new Set<ComplaintState['status']>(['closed', 'withdrawn', 'refused']);

/**
 * The steps the case admits now, in COMPLAINT_STEPS order. An ended case admits only what
 * decide lets outlive it; a merged case admits nothing (its steps are recorded on the other).
 */
export function allowedSteps(state: ComplaintState, context: AllowedStepsContext): ComplaintStep[] {
  // A clock behind the last step could record nothing (decide: EVENT_BEFORE_PREVIOUS).
  if (Date.parse(context.now) < Date.parse(state.lastEventAt)) return [];
  const gate: readonly string[] | null = isOpen(state)
    ? null
    : state.status === 'merged'
      ? []
      : AFTER_THE_END[state.status as keyof typeof AFTER_THE_END];
  return COMPLAINT_STEPS.filter(
    (step) => (gate === null || gate.includes(step)) && ADMITS[step](state, context),
  );
}

function escalatable(state: ComplaintState): boolean {
  const stage = currentStage(state);
  return stage.stage === 1 && stage.respondedAt !== null;
}

function independent(state: ComplaintState, context: AllowedStepsContext): boolean {
  if (!context.actor) return true;
  return actorNotIndependent(state, currentStage(state), context.actor, 'acknowledge') === null;
}

function holidaysOf(context: AllowedStepsContext): { readonly holidays?: BankHolidaysData } {
  return context.holidays ? { holidays: context.holidays } : {};
}
