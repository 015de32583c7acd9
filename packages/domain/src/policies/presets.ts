import type { Policy } from './policy.types.js';

/**
 * The Housing Ombudsman's Complaint Handling Code, statutory from 1 April 2024: the default.
 * Closing waits for agreed actions because the Code separates responding (6.6) from putting
 * things right (7.3), and following actions to completion is its good practice.
 */
export const CODE_2024: Policy = {
  id: 'code-2024',
  // 2: the description names 5.11 for refusing to escalate and 1.2 for contractors.
  version: 2,
  name: 'Complaint Handling Code 2024',
  description:
    "The Housing Ombudsman's Complaint Handling Code (statutory from 1 April 2024). Stage 1: " +
    'acknowledge within 5 working days of receipt (6.2), respond within 10 working days of the ' +
    'acknowledgement (6.3), extend by at most 10 working days (6.4). Stage 2: acknowledge within ' +
    '5 working days of the escalation request (6.11), respond within 20 working days of the ' +
    'acknowledgement (6.14), extend by at most 20 working days (6.15). The resident need not give ' +
    'reasons to escalate (6.12); the Code sets no time limit for asking, and an escalation is ' +
    'refused only for a valid reason under section 2 (5.11). A complaint about a contractor is ' +
    "the landlord's (1.2), so a third party's service is not a reason to refuse one. The stage 2 " +
    'handler is not the stage 1 handler (6.13); two stages only (5.2–5.4). A complaint is closed ' +
    'once the agreed actions are complete (7.3).',
  basedOn: null,
  division: 'england-and-wales',
  closures: [],
  preliminaryStep: null,
  stage1: {
    acknowledgeDays: 5,
    respondDays: 10,
    responseClock: 'acknowledgement',
    maxExtensionDays: 10,
  },
  stage2: {
    acknowledgeDays: 5,
    respondDays: 20,
    responseClock: 'acknowledgement',
    maxExtensionDays: 20,
  },
  escalation: { window: null, reasonsRequired: false },
  closing: {
    requireActionsComplete: true,
    autoCloseWhenEscalationWindowLapses: false,
    autoCloseAfterStage2: null,
  },
  independentStage2Handler: true,
  respondWithoutAcknowledgement: false,
  warningDays: 2,
};

// Each seed preset starts from the Code and changes only what the seed's text states, so a
// figure the seed is silent on stays the Code's; a figure the text implies without stating is
// recorded in `readings` as Redress's reading. Each sets its own version: a preset whose body
// changes comes as its next version, because stored versions are never rewritten.

const SEED_000: Policy = {
  ...CODE_2024,
  id: 'seed-000',
  // 2: the service-request step as a first contact, the figures read in said as readings, and
  // named for what it is.
  version: 2,
  name: 'Service request first, 3-day acknowledgement, automatic closing',
  description:
    'A service-request step comes first ("aim to resolve your matter on your initial contact ' +
    'with us where possible"), but the resident may ask for a formal complaint at any time ' +
    '("log as a formal complaint if you want us to"): a first contact the resident may skip, ' +
    'not a stage they must pass. Stage 1: "accept and acknowledge your complaint within 3 ' +
    'working days"; "a formal full response within 10 working days of the complaint ' +
    'acknowledgement". Escalation: "by the date stated in the full response". The procedure gives ' +
    "no figure for that date; Redress's reading, recorded as such, is 20 working days from the " +
    'stage 1 response (the period the procedure gives at stage 2), because the automatic close ' +
    'below needs a date. Reasons are sought but "we will not refuse an escalation if this is ' +
    'not provided". "If we don\'t hear from you by the date on the Stage 1 full response letter ' +
    'we\'ll close the complaint": closed automatically when that date passes, and a later ' +
    'request still re-opens it at stage 2. Stage 2: acknowledge "within 5 working days", ' +
    'respond "within 20 working days of your Stage 2 acknowledgement"; "if we don\'t hear from ' +
    'you within 20 days of the Stage 2 letter we\'ll close the complaint": read as 20 calendar ' +
    'days, because the procedure says "working days" everywhere else. Extensions, the stage 2 ' +
    'reviewer and the reasons for refusing a complaint: the Code.',
  basedOn: CODE_2024.id,
  firstContact: {
    name: 'Service request, resolved on initial contact where possible',
    optional: true,
  },
  readings: [
    {
      field: 'escalation.window',
      text:
        'The procedure says only "by the date stated in the full response". Redress reads that date ' +
        'as 20 working days after the stage 1 response, the period the procedure gives at stage 2, ' +
        'so that the automatic close has a date. A landlord using this preset should set its ' +
        'own figure.',
    },
    {
      field: 'closing.autoCloseAfterStage2',
      text:
        'The procedure says "within 20 days of the Stage 2 letter". Redress reads 20 calendar days, ' +
        'because the procedure says "working days" everywhere else.',
    },
  ],
  stage1: { ...CODE_2024.stage1, acknowledgeDays: 3 },
  escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: false },
  closing: {
    requireActionsComplete: true,
    autoCloseWhenEscalationWindowLapses: true,
    autoCloseAfterStage2: { length: 20, unit: 'calendar-days' },
  },
};

const SEED_001: Policy = {
  ...CODE_2024,
  id: 'seed-001',
  // 2: its own grounds for refusing to escalate, recorded (and flagged).
  version: 2,
  name: 'Triage contact first, response 10 working days from receipt, 28-day escalation',
  description:
    'Before stage 1, "a member of our Complex Queries and Complaints Team will contact you within ' +
    'five working days of you raising your concerns" to resolve it "there and then": a ' +
    'preliminary step. Stage 1: "contacted by a manager ... within five working days"; "a letter ' +
    '... within 10 working days of your complaint being raised", so the response clock runs ' +
    'from receipt. Escalation: "you will need to provide us with specific reasons" (asked for, ' +
    'never required: Code 6.12), "within 28 calendar days from you receiving your stage one ' +
    'outcome letter, however this period may be extended under certain circumstances" (a late ' +
    'request is decided by a handler, never refused by Redress itself: 5.11), and "your ' +
    'request may be refused if we can show that we\'ve followed policy or legal requirements" ' +
    '(recorded in the landlord\'s words and never offered as a reason: 5.11). Stage 2: "an ' +
    'appropriate independent senior colleague who has not been involved in your original ' +
    'complaint", a letter "within 20 working days"; the procedure does not say from when, so the ' +
    "Code's clock (from the acknowledgement) and its 5-day acknowledgement apply. Extensions " +
    'and the reasons for refusing a complaint: the Code.',
  basedOn: CODE_2024.id,
  preliminaryStep: { name: 'Triage contact by the complaints team', workingDays: 5 },
  stage1: { ...CODE_2024.stage1, responseClock: 'receipt' },
  escalation: {
    window: { length: 28, unit: 'calendar-days' },
    reasonsRequired: true,
    refusedWhen:
      "Your request may be refused if we can show that we've followed policy or legal requirements.",
  },
};

const SEED_002: Policy = {
  ...CODE_2024,
  id: 'seed-002',
  // 2: named for what it is; version 1 is stored by earlier releases and stays as it was.
  // 3: the service standard's targets (6.5 out of 10 on how a complaint was handled, 100% of
  // agreed actions on time) kept, so the measures are read against them.
  version: 3,
  name: 'Code timescales, closed only when agreed actions are complete',
  description:
    'A service standard "developed together with customers". Stage 1: "a full response to your ' +
    'complaint in writing within 10 working days". Stage 2: "formally acknowledge your Stage 2 ' +
    'complaint in writing within 5 working days", "a full response ... within 20 working days". ' +
    '"Only close your complaint once all agreed actions have been completed." The procedure is ' +
    'silent on the stage 1 acknowledgement, the clocks, extensions, escalation and the stage 2 ' +
    'reviewer: the Code applies to each. Targets: "achieve a minimum score of 6.5 out of 10 on ' +
    'how we handled your complaint" and "complete 100% agreed actions on time".',
  basedOn: CODE_2024.id,
  targets: { transactionalSatisfaction: 6.5, actionsOnTimePercent: 100 },
};

const SEED_003: Policy = {
  ...CODE_2024,
  id: 'seed-003',
  // 2: its first point of contact and its reasons for refusing a complaint, recorded.
  version: 2,
  name: 'First-contact resolution required, reasons asked to escalate',
  description:
    'First contact: "we aim to resolve customer dissatisfaction quickly, wherever possible at ' +
    'the first point of contact"; the complaints process starts only "if your concern cannot ' +
    'be resolved quickly" and stage 1 "if we\'re not able to sort the problem straight away". ' +
    'Nothing in the wording offers the resident a formal complaint at once instead, so the ' +
    'first contact is read as not optional (and flagged: Code 1.3, 5.2). Complaints it will not ' +
    'consider, "for example": "a service provided by a third-party organisation" (kept, and ' +
    'flagged: a contractor acts for the landlord, 1.2), "covered by a separate policy", ' +
    '"already been dealt with in another way, such as by the courts or the ombudsman"; with ' +
    "the Code's own 12 months. Stage 1: \"we'll acknowledge your complaint within five working " +
    'days", a full response "within ten working days"; "if their investigation is going to ' +
    'take longer, we\'ll let you know when you can expect a full reply" (no maximum given: the ' +
    'Code\'s). Escalation: "you should tell us straight away" (no figure, so no window) and ' +
    '"you will need to tell us why you are not satisfied" (asked for, never required: 6.12). ' +
    'Stage 2: "the relevant manager will then review the previous decision and respond ... ' +
    'within 20 working days". The procedure is silent on the stage 2 acknowledgement and on the ' +
    "reviewer's independence: the Code applies.",
  basedOn: CODE_2024.id,
  firstContact: {
    name: 'Resolution at the first point of contact, by the Contact Centre or the service area',
    optional: false,
  },
  readings: [
    {
      field: 'firstContact.optional',
      text:
        'The procedure says it aims to resolve matters "at the first point of contact" and follows ' +
        'its complaints process "if your concern cannot be resolved quickly"; it does not say ' +
        'the resident may ask for a formal complaint at once. Redress reads the step as not ' +
        'optional. A landlord whose practice offers the choice should set it optional.',
    },
  ],
  refusalReasons: [
    'over-12-months-old',
    'legal-proceedings',
    'already-considered',
    'third-party-service',
    'separate-policy',
  ],
  escalation: { window: null, reasonsRequired: true },
};

const SEED_004: Policy = {
  ...CODE_2024,
  id: 'seed-004',
  // 2: the description says what Redress does with its window and its reasons.
  version: 2,
  name: '2-day acknowledgement, escalation within 20 working days with reasons',
  description:
    'Stage 1, by the housing officer or property management officer: "acknowledge your ' +
    'complaint within two working days, followed by a formal written response to your ' +
    'complaint within 10 working days". Escalation: "within 20 working days after receiving the ' +
    'response advising them you wish to escalate and why": a window (a late request is decided ' +
    'by a handler, never refused by Redress itself: Code 5.11) and reasons (asked for, never ' +
    'required: 6.12). Stage 2: "an independent manager within the business and an independent ' +
    'resident from a pool of residents", a review "within 20 working days". The procedure is silent ' +
    'on the stage 2 acknowledgement, extensions and the reasons for refusing a complaint: the ' +
    'Code applies.',
  basedOn: CODE_2024.id,
  stage1: { ...CODE_2024.stage1, acknowledgeDays: 2 },
  escalation: { window: { length: 20, unit: 'working-days' }, reasonsRequired: true },
};

/** Every policy Redress ships, the Code first. */
export const PRESETS: readonly Policy[] = [
  CODE_2024,
  SEED_000,
  SEED_001,
  SEED_002,
  SEED_003,
  SEED_004,
];

/** The shipped preset with this id, or undefined. */
export function presetById(id: string): Policy | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
