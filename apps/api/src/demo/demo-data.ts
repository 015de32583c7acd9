import { localDateOf } from '@redress/domain';
import type { Clock } from '../clock.js';
import { formatReference } from '../complaints/complaint.service.js';
import type { Services } from '../services.js';
import { dealCategories } from './demo-category.js';
import { loadFeedback } from './demo-feedback.js';
import { addSatisfactionAndLessons, loadDemoMeasures } from './demo-measures.js';
import { mergeDemoDuplicate, type DemoCase } from './demo-merges.js';
import { ensureDemoPortal } from './demo-portal.js';
import { between, mulberry32, receiptTime } from './demo-random.js';
import { ensureDemoStaff } from './demo-staff.js';
import { makeHistory } from './demo-timeline.js';

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
  /** What the measures read beside the complaints (demo-measures.ts). */
  readonly measures: {
    readonly satisfaction: number;
    readonly lessons: number;
    readonly homes: number;
    readonly surveyResponses: number;
    readonly improvements: number;
  };
  /** Steps the domain refused while the histories were made (the history stops there), by code. */
  readonly refusedSteps: Readonly<Record<string, number>>;
  /** Milliseconds spent deciding the histories in memory, and writing them. */
  readonly timings: { readonly decideMs: number; readonly writeMs: number };
}

/**
 * Loads realistic demo complaints over the 18 months before now, about what residents complain of
 * (more than 150 different summaries over the categories landlords use), from residents with
 * their needs, representatives and tenures: every stage and status, some
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
    measures: { satisfaction: 0, lessons: 0, homes: 0, surveyResponses: 0, improvements: 0 },
    refusedSteps: {},
    timings: { decideMs: 0, writeMs: 0 },
  };
  if ((options.onlyIfEmpty ?? true) && (await services.complaints.repository.countAll()) > 0) {
    return none;
  }
  await services.policies.ensurePresets();
  const staffByName = await ensureDemoStaff(services, options.staffPassword);
  const portal = await ensureDemoPortal(services);
  const now = clock.now();
  const count = options.count ?? 300;
  const seed = options.seed ?? 2026;
  const random = mulberry32(seed);
  // What each case is about comes from a generator of its own, dealt before any history is made.
  const deals = dealCategories(mulberry32(seed ^ 0x5eed), count);

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
    const deal = deals[index];
    if (!deal) throw new Error(`No category dealt for demo case ${index}.`);
    const history = makeHistory(
      random,
      { now, staffByName, portal, earlier: made },
      receivedAt,
      reference,
      index,
      deal,
    );
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
  // Satisfaction scores on closed cases and a few lessons learnt, from a generator of their own
  // so that the histories above are the same with or without them.
  const learning = addSatisfactionAndLessons(made, mulberry32(seed ^ 0x5a71), now, countRefused);
  const histories = made.map((history) => history.events);
  const decided = performance.now();
  await services.complaints.importHistories(histories);
  const feedback = await loadFeedback(services, random, now);
  const inputs = await loadDemoMeasures(
    services,
    mulberry32(seed ^ 0x7e5),
    now,
    receipts[0] ?? now,
  );
  const written = performance.now();
  return {
    timings: { decideMs: Math.round(decided - started), writeMs: Math.round(written - decided) },
    complaints: histories.length + feedback.complaints,
    events: histories.reduce((n, events) => n + events.length, 0) + feedback.complaints,
    feedback: feedback.recorded,
    measures: { ...learning, ...inputs },
    refusedSteps,
  };
}
