import { createHash } from 'node:crypto';
import {
  PRESETS,
  calendarForPolicy,
  decide,
  deriveDeadlines,
  evolve,
  localDateOf,
  refusalReasonsOf,
  type Actor,
  type Calendar,
  type Channel,
  type Complainant,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  type ContactMethod,
  type LocalDate,
  type Outcome,
  type Policy,
  type RefusalReason,
  type Remedy,
  type Representative,
  type ResidentNotice,
  type Tenure,
} from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { formatReference } from '../complaints/complaint.service.js';
import type { Services } from '../services.js';
import { mergeDemoDuplicate, openDuplicateTarget, type DemoCase } from './demo-merges.js';
import { settleCompensation, settlementRandom } from './demo-remedies.js';
import { DEMO_TEAMS, ensureDemoStaff, type DemoStaffMember } from './demo-staff.js';

export interface DemoDataOptions {
  /** Load only into a database with no complaints (default true). */
  readonly onlyIfEmpty?: boolean;
  /** How many complaints (default 300). */
  readonly count?: number;
  /** The seed of the generator: the same seed and clock give the same cases (default 2026). */
  readonly seed?: number;
  /** The password the demo's staff sign in with; without one they exist but cannot sign in. */
  readonly staffPassword?: string;
}

export interface DemoDataReport {
  readonly complaints: number;
  readonly events: number;
  readonly feedback: number;
  /** Steps the domain refused while the histories were made (the history stops there), by code. */
  readonly refusedSteps: Readonly<Record<string, number>>;
  /** Milliseconds spent deciding the histories in memory, and writing them. */
  readonly timings: { readonly decideMs: number; readonly writeMs: number };
}

/**
 * Loads realistic demo complaints over the 18 months before now: every stage and status, some
 * received today, some overdue, extended, escalated, closed with their actions done, withdrawn
 * (a few re-opened), refused, stage 2 declined, duplicates merged, referred to the Ombudsman,
 * compensation paid, declined or still owed. Every case is made by the domain's own `decide` and `evolve`
 * with each step's `at` in the past, so the histories are ones the API itself could have
 * written. Returns how many complaints were loaded (0 when the database had some already).
 */
export async function loadDemoData(
  services: Services,
  clock: Clock,
  options: DemoDataOptions = {},
): Promise<number> {
  const report = await loadDemoDataWithReport(services, clock, options);
  return report.complaints;
}

export async function loadDemoDataWithReport(
  services: Services,
  clock: Clock,
  options: DemoDataOptions = {},
): Promise<DemoDataReport> {
  const none = {
    complaints: 0,
    events: 0,
    feedback: 0,
    refusedSteps: {},
    timings: { decideMs: 0, writeMs: 0 },
  };
  if ((options.onlyIfEmpty ?? true) && (await services.complaints.repository.countAll()) > 0) {
    return none;
  }
  await services.policies.ensurePresets();
  const staff = await ensureDemoStaff(services, options.staffPassword);
  const now = clock.now();
  const count = options.count ?? 300;
  const random = mulberry32(options.seed ?? 2026);

  // Receipts first, oldest first, so references count up with time as real ones do.
  const receipts = Array.from({ length: count }, (_, i) => receiptTime(random, now, i, count)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  const numbers = await services.complaints.repository.reserveReferenceNumbers(count);
  const made: DemoCase[] = [];
  const refusedSteps: Record<string, number> = {};
  const countRefused = (code: string | null) => {
    if (code) refusedSteps[code] = (refusedSteps[code] ?? 0) + 1;
  };
  const started = performance.now();
  receipts.forEach((receivedAt, index) => {
    const reference = formatReference(
      localDateOf(receivedAt).slice(0, 4),
      numbers[index] ?? index + 1,
    );
    const history = makeHistory(random, now, receivedAt, reference, index, staff, made);
    countRefused(history.refused);
    if (history.events.length === 0) return;
    made.push(history);
    // A duplicate is merged into the case it repeats a few hours after it was logged (Code 1.2:
    // one complaint, one answer); both keep their events.
    if (history.duplicateOf && history.state) {
      const at = new Date(
        Date.parse(history.state.lastEventAt) + between(random, 1, 4) * 3_600_000,
      );
      countRefused(mergeDemoDuplicate(history, history.duplicateOf, at, now));
    }
  });
  const histories = made.map((history) => history.events);
  const decided = performance.now();
  await services.complaints.importHistories(histories);
  const feedback = await loadFeedback(services, random, now);
  const written = performance.now();
  return {
    timings: { decideMs: Math.round(decided - started), writeMs: Math.round(written - decided) },
    complaints: histories.length + feedback.complaints,
    events: histories.reduce((n, events) => n + events.length, 0) + feedback.complaints,
    feedback: feedback.recorded,
    refusedSteps,
  };
}

// ---------------------------------------------------------------------------------------------
// A small deterministic generator: the same seed gives the same demo on every machine.

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error('weighted choice from an empty list');
  return last[0];
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A stable uuid from text, so a seed gives the same ids every time. */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;
const SPAN_DAYS = 548; // 18 months

/**
 * Receipts spread over the 18 months, a little denser lately (as open cases are), a few today.
 */
function receiptTime(random: Random, now: Date, index: number, count: number): Date {
  if (index < Math.max(3, Math.round(count / 60))) {
    // Received today, before now: between 07:00 UTC and now.
    const startOfDay = Date.parse(`${localDateOf(now)}T07:00:00Z`);
    const span = Math.max(0, now.getTime() - startOfDay);
    return new Date(Math.min(now.getTime(), startOfDay + Math.floor(random() * span)));
  }
  const ageDays = Math.floor(SPAN_DAYS * Math.pow(random(), 1.3));
  const day = new Date(now.getTime() - ageDays * DAY_MS);
  const at = at_(localDateOf(day), between(random, 8, 16), between(random, 0, 59));
  return at.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : at;
}

/** An instant on a London day at about this hour (UTC; an hour later in summer). */
function at_(date: LocalDate, hour: number, minute: number): Date {
  return new Date(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
}

// ---------------------------------------------------------------------------------------------
// The people and the things they complain about.

const FIRST_NAMES = [
  'Aisha',
  'Tom',
  'Grace',
  'Mohammed',
  'Eilidh',
  'Kwame',
  'Zofia',
  'Priya',
  'Gareth',
  'Niamh',
  'Daniel',
  'Fatima',
  'Oluwaseun',
  'Megan',
  'Tariq',
  'Joan',
  'Liam',
  'Chloe',
  'Bogdan',
  'Sunita',
  'Rhys',
  'Hannah',
  'Yusuf',
  'Margaret',
];
const LAST_NAMES = [
  'Rahman',
  'Evans',
  'Okafor',
  'Kowalski',
  'Patel',
  'Hughes',
  'MacLeod',
  'Mensah',
  'Ahmed',
  'Byrne',
  'Thompson',
  'Nowak',
  'Singh',
  'Williams',
  'Adeyemi',
  'Jones',
  'Murphy',
  'Khan',
  'Taylor',
  'Davies',
];
const HANDLERS: readonly string[] = Object.values(DEMO_TEAMS).flat();

interface Category {
  readonly id: string;
  readonly summaries: readonly string[];
  readonly outcomes: readonly string[];
  readonly actions: readonly string[];
  readonly owner: string;
}

const CATEGORIES: readonly (readonly [Category, number])[] = [
  [
    {
      id: 'repairs',
      summaries: [
        'Kitchen tap leaking for six weeks; two appointments missed.',
        'Boiler broke down again; no heating or hot water for four days.',
        'Front door does not lock; reported in March and still not fixed.',
        'Bathroom extractor fan broken since the winter.',
        'Roof leak into the bedroom ceiling after every storm.',
      ],
      outcomes: [
        'Appointments were missed and the resident was not told.',
        'The contractor closed the job without doing it.',
        'The repair was done within target; the delay was caused by access.',
      ],
      actions: [
        'Complete the outstanding repair',
        'Inspect the work and sign it off',
        'Refund the missed-appointment charge',
      ],
      owner: 'repairs',
    },
    30,
  ],
  [
    {
      id: 'damp-and-mould',
      summaries: [
        'Black mould in the back bedroom where the baby sleeps.',
        'Condensation and mould in the bathroom; the advice given did not help.',
        'Damp patch spreading on the living room wall since last winter.',
      ],
      outcomes: [
        'The first inspection did not find the cause.',
        'Mould treatment was booked late and not followed up.',
        'Works were done as agreed; ventilation advice was given.',
      ],
      actions: [
        'Mould wash and anti-mould paint',
        'Damp survey by a specialist',
        'Fit a humidistat extractor fan',
        'Follow-up inspection after six weeks',
      ],
      owner: 'asset-management',
    },
    18,
  ],
  [
    {
      id: 'anti-social-behaviour',
      summaries: [
        'Loud music from the flat above most nights; reports not acted on.',
        'Neighbour’s dog fouling the shared garden; nothing has changed.',
        'Drug dealing in the stairwell; the case was closed without telling me.',
      ],
      outcomes: [
        'The case was closed without contacting the resident.',
        'Action was taken in line with the ASB policy.',
        'Reports were logged but not investigated for three weeks.',
      ],
      actions: [
        'Reopen the ASB case and agree an action plan',
        'Install a noise monitor for two weeks',
        'Fortnightly updates to the resident',
      ],
      owner: 'neighbourhoods',
    },
    12,
  ],
  [
    {
      id: 'staff-conduct',
      summaries: [
        'The officer was rude on the phone and hung up.',
        'Staff member discussed my case in front of neighbours.',
        'Contractor left a mess and swore at my son.',
      ],
      outcomes: [
        'The call recording confirms the complaint.',
        'The officer has been spoken to and retrained.',
        'No evidence was found; an explanation was given.',
      ],
      actions: [
        'Customer service refresher training for the team',
        'Written apology from the manager',
      ],
      owner: 'customer-services',
    },
    8,
  ],
  [
    {
      id: 'rent-and-service-charges',
      summaries: [
        'Service charge doubled with no explanation.',
        'Rent payment not credited; arrears letter sent in error.',
        'Charged for grounds maintenance that was never done.',
      ],
      outcomes: [
        'The charge was calculated wrongly.',
        'The payment was misallocated and has been corrected.',
        'The charge is correct; a breakdown has been sent.',
      ],
      actions: [
        'Correct the rent account',
        'Send a breakdown of the service charge',
        'Credit the overcharged amount',
      ],
      owner: 'income',
    },
    10,
  ],
  [
    {
      id: 'communication',
      summaries: [
        'Nobody answers my emails about the transfer.',
        'Letters sent in English although I asked for Polish.',
        'Promised call-backs never happen.',
      ],
      outcomes: [
        'Call-backs were promised and not made.',
        'The translation preference was not recorded.',
        'Contact was made within our standards.',
      ],
      actions: [
        'Record the communication preferences on the account',
        'Named contact for the resident for three months',
      ],
      owner: 'customer-services',
    },
    9,
  ],
  [
    {
      id: 'estate-services',
      summaries: [
        'Communal areas not cleaned for a month.',
        'Bins not collected; fly-tipping left for weeks.',
        'Grass not cut all summer.',
      ],
      outcomes: [
        'The cleaning contractor missed scheduled visits.',
        'The schedule was followed; one visit was missed.',
      ],
      actions: ['Deep clean of the communal areas', 'Monthly estate inspection with residents'],
      owner: 'estate-services',
    },
    7,
  ],
  [
    {
      id: 'lettings-and-allocations',
      summaries: [
        'My housing application has been on hold for a year.',
        'The property was not ready on the day I moved in.',
      ],
      outcomes: [
        'The application was not reviewed when it should have been.',
        'The void standard was not met.',
      ],
      actions: ['Review the application and confirm the band', 'Complete the void works'],
      owner: 'lettings',
    },
    6,
  ],
];

const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['phone', 30],
  ['email', 25],
  ['online', 25],
  ['letter', 5],
  ['in-person', 5],
  ['social-media', 4],
];

const TENURES: readonly (readonly [Tenure, number])[] = [
  ['lcra', 75],
  ['lcho', 15],
  ['other', 10],
];

// Most cases follow the Code; some landlords' own procedures appear too.
const POLICY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['code-2024', 70],
  ['seed-000', 6],
  ['seed-001', 6],
  ['seed-002', 6],
  ['seed-003', 6],
  ['seed-004', 6],
];

function complainantFor(random: Random): {
  complainant: Complainant;
  representative: Representative | null;
} {
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const type = weighted(random, [
    ['tenant', 70],
    ['shared-owner', 10],
    ['leaseholder', 8],
    ['former-customer', 4],
    ['applicant', 4],
    ['residents-group', 2],
    ['other', 2],
  ] as const);
  const needs = random();
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
  const complainant: Complainant = {
    name:
      type === 'residents-group'
        ? `${pick(random, LAST_NAMES)} Court Residents' Association`
        : name,
    type,
    email: random() < 0.7 ? email : null,
    phone: random() < 0.8 ? `07700 9${String(between(random, 0, 99999)).padStart(5, '0')}` : null,
    preferredContact: pick(random, ['phone', 'email', 'letter', 'text'] as const),
    language: needs < 0.08 ? pick(random, ['Polish', 'Urdu', 'Somali', 'Welsh', 'Arabic']) : null,
    format:
      needs >= 0.08 && needs < 0.12 ? pick(random, ['large print', 'easy read', 'audio']) : null,
    adjustments:
      needs >= 0.12 && needs < 0.2
        ? pick(random, [
            'Hearing impaired: contact by text or email',
            'Calls after 2pm only (carer duties)',
            'Needs an interpreter at visits',
            'Mobility: ground-floor meeting room',
          ])
        : null,
    vulnerable: needs < 0.15,
  };
  const representative: Representative | null =
    random() < 0.1
      ? {
          name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
          role: pick(random, ['advocate', 'family', 'councillor', 'mp', 'solicitor'] as const),
          contact: 'via the resident',
          consentGiven: true,
          consentRecordedOn: null,
        }
      : null;
  return { complainant, representative };
}

// ---------------------------------------------------------------------------------------------
// One case's history, step by step through the domain.

type Ending =
  | 'close'
  | 'escalate'
  | 'withdraw'
  | 'refuse'
  | 'refuse-escalation'
  | 'duplicate'
  | 'await'
  | 'stall-ack'
  | 'stall-response';

interface Made extends DemoCase {
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

function makeHistory(
  random: Random,
  now: Date,
  receivedAt: Date,
  reference: string,
  index: number,
  staffByName: ReadonlyMap<string, DemoStaffMember>,
  earlier: readonly DemoCase[],
): Made {
  const policy = policyById(weighted(random, POLICY_WEIGHTS));
  const calendar = calendarForPolicy(policy);
  const category = weighted(random, CATEGORIES);
  const person = complainantFor(random);
  const ending = weighted<Ending>(random, [
    ['close', 50],
    ['escalate', 18],
    ['withdraw', 6],
    ['refuse', 5],
    ['refuse-escalation', 2],
    ['duplicate', 3],
    ['await', 8],
    ['stall-ack', 3],
    ['stall-response', 5],
  ]);
  // A duplicate repeats an open case of the same kind, made by the same resident (often by
  // another channel); without one it is an ordinary new case waiting to be acknowledged.
  const duplicateOf =
    ending === 'duplicate' ? openDuplicateTarget(earlier, category.id, receivedAt) : undefined;
  const { complainant, representative } = duplicateOf
    ? {
        complainant: duplicateOf.state.complainant,
        representative: duplicateOf.state.representative,
      }
    : person;
  const channel: Channel = representative
    ? representative.role === 'councillor' || representative.role === 'mp'
      ? 'elected-member'
      : 'representative'
    : weighted(random, CHANNELS);
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
  const received = localDateOf(receivedAt);
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
  const on = (date: LocalDate) => at_(date, between(random, 8, 16), between(random, 0, 59));
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
      summary: duplicateOf ? duplicateOf.state.summary : pick(random, category.summaries),
      desiredOutcome: duplicateOf
        ? duplicateOf.state.desiredOutcome
        : random() < 0.6
          ? 'Put it right and tell me when it will be done'
          : null,
      category: category.id,
      tenure: weighted(random, TENURES),
      serviceRequestId: null,
    },
    new Date(receivedAt.getTime() + between(random, 5, 120) * 60_000),
    staff(handler),
  );
  step(
    { type: 'assign', handler, handlerId: idOf(handler), teamId: memberOf(handler).teamId },
    new Date(receivedAt.getTime() + 3 * 3_600_000),
    staff(handler),
  );
  if (ending === 'duplicate') return done();

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
    const withdrawnOn = current()?.closedAt;
    if (withdrawnOn && random() < 0.3) {
      step(
        {
          type: 'reopen',
          reason: 'The resident came back: the problem returned within a fortnight.',
        },
        on(workingDay(localDateOf(withdrawnOn), between(random, 5, 10))),
        staff(handler),
      );
    }
    return done();
  }

  const respondBase = policy.stage1.responseClock === 'receipt' ? received : ackDate;
  let respondDue = respondDueOf(1) ?? workingDay(respondBase, policy.stage1.respondDays);
  if (random() < 0.18) {
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
    if (
      !step(
        {
          type: 'request-escalation',
          reason: 'The resident is not satisfied with the stage 1 response',
          lateReason: null,
        },
        on(escalateOn),
        { kind: 'user', id: 'portal', name: complainant.name },
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
function respondWithActions(
  random: Random,
  settle: Random,
  step: (command: ComplaintCommand, at: Date, actor: Actor) => Date | null,
  actor: Actor,
  plannedOn: LocalDate,
  category: Category,
  stage: 1 | 2,
  workingDay: (from: LocalDate, days: number) => LocalDate,
): { respondedOn: LocalDate; doneOn: LocalDate } | null {
  const outcome: Outcome = weighted(random, [
    ['upheld', 35],
    ['partly-upheld', 35],
    ['not-upheld', 30],
  ] as const);
  const remedies: Remedy[] =
    outcome === 'not-upheld'
      ? [{ kind: 'explanation', description: 'What we did and why.' }]
      : [
          { kind: 'apology', description: 'We are sorry for the delay and the upset caused.' },
          ...(random() < 0.4
            ? [
                {
                  kind: 'financial-compensation' as const,
                  description: 'Compensation for time and trouble',
                  amountPence: between(random, 5, 60) * 1000,
                },
              ]
            : []),
        ];
  const responded = step(
    { type: 'respond', outcome, findings: pick(random, category.outcomes), remedies },
    at_(plannedOn, between(random, 9, 16), between(random, 0, 59)),
    actor,
  );
  if (!responded) return null;
  // The response may have landed later than planned (after a late step before it).
  const respondOn = localDateOf(responded);
  let doneOn = respondOn;
  const followThrough: { at: Date; command: ComplaintCommand }[] = [];
  if (outcome !== 'not-upheld') {
    // Agreed together with the response, then completed one by one, in date order.
    const planned = Array.from({ length: between(random, 1, 2) }, (_, i) => {
      const dueOn = workingDay(respondOn, between(random, 5, 20));
      const completedOn =
        random() < 0.85
          ? workingDay(dueOn, -between(random, 0, 4))
          : workingDay(dueOn, between(random, 1, 10));
      return { id: `s${stage}-a${i + 1}`, dueOn, completedOn };
    });
    for (const [i, action] of planned.entries()) {
      const agreed = step(
        {
          type: 'agree-action',
          actionId: action.id,
          description: pick(random, category.actions),
          owner: category.owner,
          dueOn: action.dueOn,
          remedy: 'action-on-delay',
        },
        at_(respondOn, 16, 30 + i),
        actor,
      );
      if (!agreed) return { respondedOn: respondOn, doneOn };
    }
    followThrough.push(
      ...planned.map((action, i) => ({
        at: at_(action.completedOn, 14, i),
        command: {
          type: 'complete-action',
          actionId: action.id,
          note: 'Done and checked with the resident',
        } satisfies ComplaintCommand,
      })),
    );
  }
  // Answers in the morning, payments at midday, work signed off in the afternoon.
  followThrough.push(
    ...settleCompensation(settle, stage, remedies, respondOn, workingDay).map((s, i) => ({
      at: at_(s.on, s.command.type === 'answer-remedy' ? 10 : 12, i),
      command: s.command,
    })),
  );
  followThrough.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, command } of followThrough) {
    const taken = step(command, at, actor);
    if (!taken) return { respondedOn: respondOn, doneOn };
    doneOn = localDateOf(taken);
  }
  return { respondedOn: respondOn, doneOn };
}

function refusalExplanation(reason: RefusalReason): string {
  switch (reason) {
    case 'over-12-months-old':
      return 'The matter happened more than 12 months before you raised it.';
    case 'legal-proceedings':
      return 'Legal proceedings about this have started.';
    case 'already-considered':
      return 'We considered this complaint before and gave our final response.';
    case 'third-party-service':
      return 'This is about a service another organisation provides.';
    case 'separate-policy':
      return 'Our anti-social behaviour policy covers this.';
  }
}

function policyById(id: string): Policy {
  const policy = PRESETS.find((p) => p.id === id);
  if (!policy) throw new Error(`No preset ${id}`);
  return policy;
}

// ---------------------------------------------------------------------------------------------
// Service requests, compliments and suggestions.

async function loadFeedback(
  services: Services,
  random: Random,
  now: Date,
): Promise<{ recorded: number; complaints: number }> {
  const system = systemPrincipal('demo-data', 'Demo data');
  const day = (ago: number, hour = 10) =>
    at_(localDateOf(new Date(now.getTime() - ago * DAY_MS)), hour, 0);
  const items = [
    {
      kind: 'service-request',
      from: 'Grace Mensah',
      summary: 'Bathroom light fitting hanging off the ceiling.',
      category: 'repairs',
      ago: 40,
    },
    {
      kind: 'service-request',
      from: 'Tariq Khan',
      summary: 'Request for a new fob for the communal door.',
      category: 'estate-services',
      ago: 12,
    },
    {
      kind: 'service-request',
      from: 'Joan Davies',
      summary: 'Guttering blocked over the back door.',
      category: 'repairs',
      ago: 5,
    },
    {
      kind: 'service-request',
      from: 'Rhys Hughes',
      summary: 'Heating timer not working.',
      category: 'repairs',
      ago: 60,
    },
    {
      kind: 'compliment',
      from: 'Megan Byrne',
      summary: 'Thank you to the gas engineer who came out on Christmas Eve.',
      category: 'repairs',
      ago: 90,
    },
    {
      kind: 'compliment',
      from: null,
      summary: 'The new estate caretaker is brilliant.',
      category: 'estate-services',
      ago: 30,
    },
    {
      kind: 'compliment',
      from: 'Priya Singh',
      summary: 'Very helpful call with the income team.',
      category: 'rent-and-service-charges',
      ago: 8,
    },
    {
      kind: 'suggestion',
      from: 'Bogdan Nowak',
      summary: 'Could repair appointments be booked by text message?',
      category: 'repairs',
      ago: 50,
    },
    {
      kind: 'suggestion',
      from: null,
      summary: 'Put a bench in the courtyard for older residents.',
      category: 'estate-services',
      ago: 20,
    },
  ] as const;
  const recorded = [];
  for (const [i, item] of items.entries()) {
    recorded.push(
      await services.feedback.record(
        {
          id: uuidFrom(`demo-feedback:${i}`),
          kind: item.kind,
          receivedAt: day(item.ago, 9 + (i % 6)).toISOString(),
          channel: pick(random, ['phone', 'email', 'online'] as const),
          from: item.from,
          summary: item.summary,
          category: item.category,
        },
        { by: system },
      ),
    );
  }
  // The resident was unhappy with how the heating request went: it became a complaint (Code 1.5).
  const request = recorded[3];
  if (request) {
    await services.feedback.convertToComplaint(
      request.id,
      {
        receivedAt: day(45, 11).toISOString(),
        channel: 'phone',
        complainant: { name: 'Rhys Hughes', type: 'tenant', preferredContact: 'phone' },
        representative: null,
        summary: 'The heating timer is still not fixed after three visits.',
        desiredOutcome: 'Working heating before the cold weather',
        category: 'repairs',
        tenure: 'lcra',
        serviceRequestId: null,
      },
      { by: system, at: day(45, 12).toISOString() },
    );
  }
  return { recorded: recorded.length, complaints: request ? 1 : 0 };
}
