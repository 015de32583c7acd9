// What the measures read beside the complaints: the homes of each reporting year the demo spans
// (CH01's divisor), a few hundred perception survey responses (TP09), "You said, we did" in
// residents' words, and on the cases themselves the residents' satisfaction scores once closed
// and a few lessons learnt. Scores and lessons are steps decided by the domain, like every other
// demo step; the rest goes through the services, as an admin or an import would send it.
import {
  decide,
  evolve,
  localDateOf,
  reportingYearOfInstant,
  reportingYearRange,
  type Actor,
  type ComplaintCommand,
  type ComplaintState,
  type LocalDate,
  type SatisfactionAnswer,
  type Tenure,
} from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { SurveyResponseInput } from '../metrics/survey.service.js';
import type { Services } from '../services.js';
import type { DemoCase } from './demo-merges.js';
import { DAY_MS, between, pick, weighted, type Random } from './demo-random.js';

const DEMO = systemPrincipal('demo-data', 'Demo data');
const SURVEY: Actor = { kind: 'system', id: 'satisfaction-survey', name: 'Satisfaction survey' };

/** The homes of the demo landlord's first reporting year; each later year a few more. */
const HOMES: Readonly<Record<'lcra' | 'lcho', number>> = { lcra: 12_310, lcho: 1_820 };
const HOMES_GROWTH: Readonly<Record<'lcra' | 'lcho', number>> = { lcra: 90, lcho: 30 };

/** Of the perception survey's respondents who complained: about a third satisfied. */
const COMPLAINANT_ANSWERS: ReadonlyArray<readonly [SatisfactionAnswer | null, number]> = [
  ['very-satisfied', 13],
  ['fairly-satisfied', 20],
  ['neither', 17],
  ['fairly-dissatisfied', 21],
  ['very-dissatisfied', 24],
  [null, 5],
];

/** Scores out of 10 for how the complaint was handled: most above the target of 6.5. */
const SCORES: ReadonlyArray<readonly [number, number]> = [
  [0, 2],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [5, 8],
  [6, 10],
  [7, 17],
  [8, 20],
  [9, 15],
  [10, 14],
];

const COMMENTS: Readonly<Record<'low' | 'middle' | 'high', readonly string[]>> = {
  low: [
    'I had to chase every step myself.',
    'Nobody called me back when they said they would.',
    'It took three visits before anyone took it seriously.',
  ],
  middle: [
    'Got there in the end but it took too long.',
    'The letter was clear but the repair dragged on.',
    'Polite on the phone, slow to actually do anything.',
  ],
  high: [
    'Kept me updated the whole way through.',
    'The officer listened and sorted it quickly.',
    'Really happy with how it was handled, thank you.',
  ],
};

/** What a case taught the landlord, by its category; any other category has the last one. */
const LESSONS: ReadonlyArray<readonly [string, string]> = [
  [
    'repairs',
    'Repairs booked by the contact centre were not reaching the contractor: bookings now go straight into the contractor system with a reference the resident is given.',
  ],
  [
    'damp-and-mould',
    'Surveyors treated the mould but not the cause: every damp report now gets a ventilation check and a follow-up visit after six weeks.',
  ],
  [
    'heating-and-hot-water',
    'Residents without heating waited for a second visit because parts were not on the van: engineers now carry the common boiler parts in winter.',
  ],
  [
    'communication',
    'Letters promised call-backs nobody was booked to make: a call-back is now a task with an owner and a date.',
  ],
  [
    'anti-social-behaviour',
    'The resident was not told what we could and could not do about the noise: the first contact now sets out the steps and how long they take.',
  ],
  [
    '',
    'The complaint was treated as a service request for two weeks: staff have been reminded that dissatisfaction, however expressed, is a complaint.',
  ],
];

/** "You said, we did", in residents' words, for the current and the previous year. */
const IMPROVEMENTS: ReadonlyArray<{
  readonly yearsAgo: 0 | 1;
  readonly youSaid: string;
  readonly weDid: string;
  readonly category: string | null;
}> = [
  {
    yearsAgo: 1,
    youSaid: 'You never tell us when the repair person is coming, so we wait in all day.',
    weDid:
      'Every repair appointment now has a morning or afternoon slot, with a text the day before and when the operative is on the way.',
    category: 'repairs',
  },
  {
    yearsAgo: 1,
    youSaid: 'The mould keeps coming back after you paint over it.',
    weDid:
      'We now find and fix the cause first (ventilation, leaks, insulation) and visit again six weeks later to check it has not returned.',
    category: 'damp-and-mould',
  },
  {
    yearsAgo: 0,
    youSaid: 'When I complain I do not know who is dealing with it or when I will hear back.',
    weDid:
      'Your acknowledgement now names your complaint handler, gives their direct number and the date you will have our answer.',
    category: 'communication',
  },
  {
    yearsAgo: 0,
    youSaid: 'I was without heating for a week in January waiting for a part.',
    weDid:
      'Engineers carry the most common boiler parts from October to March, and anyone without heating is offered a heater the same day.',
    category: 'heating-and-hot-water',
  },
  {
    yearsAgo: 0,
    youSaid: 'Service charge letters are impossible to understand.',
    weDid:
      'We rewrote the letters with residents from the scrutiny panel: each charge is now listed with what it pays for.',
    category: 'rent-and-service-charges',
  },
];

/**
 * Scores on most closed cases, as the satisfaction survey after closing would record them, and a
 * few lessons learnt, decided and folded into each case's history before the histories are
 * written. Steps the domain refuses are counted through `refused`.
 */
export function addSatisfactionAndLessons(
  made: readonly DemoCase[],
  random: Random,
  now: Date,
  refused: (code: string | null) => void,
): { satisfaction: number; lessons: number } {
  let satisfaction = 0;
  let lessons = 0;
  for (const demoCase of made) {
    const state = demoCase.state;
    if (!state || state.status !== 'closed' || state.closedAt === null) continue;
    if (random() < 0.75) {
      const at = new Date(Date.parse(state.lastEventAt) + between(random, 2, 12) * DAY_MS);
      if (at.getTime() < now.getTime()) {
        const score = weighted(random, SCORES);
        const band = score <= 4 ? 'low' : score <= 7 ? 'middle' : 'high';
        const comment = random() < 0.4 ? pick(random, COMMENTS[band]) : null;
        const code = step(demoCase, at, now, SURVEY, {
          type: 'record-satisfaction',
          score,
          comment,
        });
        refused(code);
        if (code === null) satisfaction += 1;
      }
    }
    if (lessons < 8 && demoCase.state && random() < 0.06) {
      const current = demoCase.state;
      const lesson = (LESSONS.find(([category]) => category === current.category) ??
        LESSONS[LESSONS.length - 1]) as readonly [string, string];
      const at = new Date(Date.parse(current.lastEventAt) + between(random, 1, 5) * DAY_MS);
      if (at.getTime() < now.getTime()) {
        const code = step(demoCase, at, now, handlerOf(current), {
          type: 'record-lesson',
          lesson: lesson[1],
        });
        refused(code);
        if (code === null) lessons += 1;
      }
    }
  }
  return { satisfaction, lessons };
}

/**
 * The homes of every reporting year from `since` (the first demo case) to now, perception survey
 * responses of those years up to today, and "You said, we did" for this year and the last.
 */
export async function loadDemoMeasures(
  services: Services,
  random: Random,
  now: Date,
  since: Date,
): Promise<{ homes: number; surveyResponses: number; improvements: number }> {
  const thisYear = reportingYearOfInstant(now.toISOString());
  const firstYear = reportingYearOfInstant(since.toISOString());
  let homes = 0;
  for (let year = firstYear; year <= thisYear; year += 1) {
    for (const tenure of ['lcra', 'lcho'] as const) {
      const figure = HOMES[tenure] + (year - firstYear) * HOMES_GROWTH[tenure];
      await services.homes.set(DEMO, year, tenure, figure);
      homes += 1;
    }
  }
  const today = localDateOf(now);
  const responses: SurveyResponseInput[] = [];
  for (let year = firstYear; year <= thisYear; year += 1) {
    responses.push(...surveyOfYear(random, year, today));
  }
  const imported = await services.surveys.record(DEMO, responses);
  // Loaded again (onlyIfEmpty false), the entries are not repeated.
  const recordedBefore = new Set<number>();
  for (const year of [thisYear - 1, thisYear]) {
    if ((await services.improvements.list(DEMO, year)).length > 0) recordedBefore.add(year);
  }
  let improvements = 0;
  for (const entry of IMPROVEMENTS) {
    if (recordedBefore.has(thisYear - entry.yearsAgo)) continue;
    improvements += 1;
    await services.improvements.record(DEMO, {
      year: thisYear - entry.yearsAgo,
      youSaid: entry.youSaid,
      weDid: entry.weDid,
      category: entry.category,
    });
  }
  return { homes, surveyResponses: imported.recorded, improvements };
}

/** About 220 responses over the year's survey days up to today, mostly from social rent. */
function surveyOfYear(random: Random, year: number, today: LocalDate): SurveyResponseInput[] {
  const { from, to } = reportingYearRange(year);
  const last = to < today ? to : today;
  const days = Math.round((Date.parse(last) - Date.parse(from)) / DAY_MS);
  if (days < 0) return [];
  const count = Math.round((220 * (days + 1)) / 365);
  return Array.from({ length: count }, (_, i) => {
    const complained = random() < 0.45;
    const answeredOn = localDateOf(
      new Date(Date.parse(`${from}T12:00:00Z`) + Math.floor(random() * (days + 1)) * DAY_MS),
    );
    const tenure: Tenure = random() < 0.86 ? 'lcra' : 'lcho';
    return {
      respondent: `TSM-${year}-${String(i + 1).padStart(5, '0')}`,
      tenure,
      answeredOn,
      complainedInLast12Months: complained,
      // The complaints question is asked of those who complained.
      complaintHandling: complained ? weighted(random, COMPLAINANT_ANSWERS) : null,
    };
  });
}

function handlerOf(state: ComplaintState): Actor {
  const stage = state.stages[state.stage - 1];
  return stage?.handlerId != null
    ? { kind: 'user', id: stage.handlerId, name: stage.handler ?? 'Handler' }
    : { kind: 'system', id: 'demo-data', name: 'Demo data' };
}

/** Decides one step on the case at `at` and folds it in; the refusal's code, or null. */
function step(
  target: DemoCase,
  at: Date,
  now: Date,
  actor: Actor,
  command: ComplaintCommand,
): string | null {
  const state = target.state;
  const policy = state?.stages[state.stage - 1]?.policy;
  if (!state || !policy) return 'NO_STAGE';
  const decision = decide(state, command, {
    now: now.toISOString(),
    at: at.toISOString(),
    actor,
    policy,
  });
  if (!decision.ok) {
    const { code, field } = decision.error;
    return field ? `${code}:${field}` : code;
  }
  for (const event of decision.value) {
    target.state = evolve(target.state, event);
    target.events.push(event);
  }
  return null;
}
