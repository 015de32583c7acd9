// How fast the indexed working-day calendar is against the obvious day-by-day loop.
// Build, then run: pnpm --filter @redress/domain build && pnpm --filter @redress/domain bench
import { SHIPPED_BANK_HOLIDAYS } from '../calendar/bank-holidays.js';
import { createCalendar } from '../calendar/calendar.js';
import {
  daysFromCivil,
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
} from '../calendar/epoch-day.js';
import { bankHolidaysByRule } from '../calendar/holiday-rules.js';
import { addWorkingDaysDayByDay } from './day-by-day-working-days.js';

// The domain compiles without Node's or the browser's types; these are all the benchmark needs.
declare const performance: { now(): number };
declare const console: { log(...values: unknown[]): void };
declare const process: { version: string; arch: string; platform: string };

const CALLS = 1_000_000;
const ROUNDS = 3;
const gc = (globalThis as { gc?: () => void }).gc;

// A fixed seed, so every run measures the same inputs (mulberry32).
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const first = daysFromCivil(2020, 1, 1);
const last = daysFromCivil(2030, 12, 31);
const pool = Array.from({ length: last - first + 1 }, (_, i) => fromEpochDay(first + i));
const next = random(20261106);
const starts = Array.from(
  { length: CALLS },
  () => pool[Math.floor(next() * pool.length)] as string,
);
const ns = Int32Array.from({ length: CALLS }, () => 1 + Math.floor(next() * 40));

// Creating a calendar builds its index: once cold, then again as a long-running server would.
let creationStart = performance.now();
const calendar = createCalendar({ division: 'england-and-wales' });
const firstCreationMs = performance.now() - creationStart;
const creationRuns: number[] = [];
for (let i = 0; i < 19; i++) {
  creationStart = performance.now();
  createCalendar({ division: 'scotland', closures: ['2026-12-29'] });
  creationRuns.push(performance.now() - creationStart);
}

// The same holidays the calendar uses: published years from the data, later years by rule.
const holidays = new Set<string>();
for (const event of SHIPPED_BANK_HOLIDAYS['england-and-wales']?.events ?? []) {
  holidays.add(event.date);
}
for (let year = 2028; year <= 2033; year++) {
  for (const event of bankHolidaysByRule('england-and-wales', year)) holidays.add(event.date);
}

type AddWorkingDays = (date: string, n: number) => string;
const indexed: AddWorkingDays = (date, n) => calendar.addWorkingDays(date, n);
const dayByDay: AddWorkingDays = (date, n) => addWorkingDaysDayByDay(holidays, date, n);

// A second yardstick: the same walk done well, on integer days with a set of integer holidays,
// to show how much of the gain is the index and how much is avoiding Date objects.
const holidayDays = new Set([...holidays].map(toEpochDay));
const integerWalk: AddWorkingDays = (date, n) => {
  let day = toEpochDay(date);
  for (let left = n; left > 0;) {
    day++;
    const weekday = weekdayOfEpochDay(day);
    if (weekday !== 0 && weekday !== 6 && !holidayDays.has(day)) left--;
  }
  return fromEpochDay(day);
};

// Both must give the same answers, or the comparison means nothing.
for (let i = 0; i < CALLS; i += 97) {
  const date = starts[i] as string;
  const n = ns[i] as number;
  const expected = dayByDay(date, n);
  if (indexed(date, n) !== expected || integerWalk(date, n) !== expected) {
    throw new Error(`The two disagree on ${date} + ${n}`);
  }
}

let sink = 0;

/** Nanoseconds per call over all the inputs; `fixedN` replaces the random n when given. */
function time(add: AddWorkingDays, count: number, fixedN?: number): number {
  gc?.();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    // Keep every result alive in a checksum, so no call can be optimised away.
    sink += add(starts[i] as string, fixedN ?? (ns[i] as number)).charCodeAt(9);
  }
  return ((performance.now() - start) * 1e6) / count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const format = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const perCall = (nanoseconds: number) =>
  nanoseconds >= 1000 ? `${format(nanoseconds / 1000, 2)} µs` : `${format(nanoseconds)} ns`;

// Warm up both, so the optimising compiler has done its work before anything is timed.
time(indexed, 200_000);
time(dayByDay, 50_000);
time(integerWalk, 200_000);
time(indexed, 200_000, 5);
time(indexed, 200_000, 400);

// The fast ones take the median of three rounds; the Date loop takes half a minute a round, so
// it runs once, between the first and second rounds of the others.
const indexedRuns: number[] = [];
const integerRuns: number[] = [];
const n5Runs: number[] = [];
const n400Runs: number[] = [];
let dayByDayNs = 0;
for (let round = 0; round < ROUNDS; round++) {
  indexedRuns.push(time(indexed, CALLS));
  if (round === 0) dayByDayNs = time(dayByDay, CALLS);
  integerRuns.push(time(integerWalk, CALLS));
  n5Runs.push(time(indexed, CALLS, 5));
  n400Runs.push(time(indexed, CALLS, 400));
}
const indexedNs = median(indexedRuns);
const integerNs = median(integerRuns);

console.log(
  `Working-day calendar benchmark (Node ${process.version}, ${process.platform}-${process.arch})`,
);
console.log(
  `Creating a calendar (index over 1990 to 2150): ${format(firstCreationMs, 1)} ms the first time, then ${format(median(creationRuns), 1)} ms (median of 19)`,
);
console.log(
  `${format(CALLS)} addWorkingDays calls, start dates 2020 to 2030, n from 1 to 40, same inputs for each:`,
);
const line = (name: string, nanoseconds: number) =>
  console.log(
    `  ${name.padEnd(42)} ${format(1e9 / nanoseconds).padStart(11)} calls/s  (${perCall(nanoseconds)} per call)`,
  );
line(`indexed calendar (median of ${ROUNDS})`, indexedNs);
line('day-by-day loop, Date and a Set', dayByDayNs);
line(`day-by-day on integer days (median of ${ROUNDS})`, integerNs);
console.log(
  `  the indexed calendar is ${format(dayByDayNs / indexedNs)} times as fast as the day-by-day loop (goal: 50)`,
);
console.log(`  and ${format(integerNs / indexedNs, 1)} times as fast as the walk on integer days`);
console.log(`Constant time, indexed calendar, the same ${format(CALLS)} start dates:`);
console.log(`  n = 5:   ${perCall(median(n5Runs))} per call`);
console.log(`  n = 400: ${perCall(median(n400Runs))} per call`);
console.log(`(checksum ${sink % 1000})`);
