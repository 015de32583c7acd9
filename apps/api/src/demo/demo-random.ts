// A small deterministic generator for the demo: the same seed gives the same demo on every
// machine, and instants on London days placed the way the demo's histories need them.
import { createHash } from 'node:crypto';
import { localDateOf, type LocalDate } from '@redress/domain';

export type Random = () => number;

export const DAY_MS = 86_400_000;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
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

export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** The items in a random order (Fisher–Yates), the list itself left as it was. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A stable uuid from text, so a seed gives the same ids every time. */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An instant on a London day at about this hour (UTC; an hour later in summer). */
export function atHour(date: LocalDate, hour: number, minute: number): Date {
  return new Date(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
}

const SPAN_DAYS = 548; // 18 months

/**
 * Receipts spread over the 18 months before now, a little denser lately (as open cases are), a
 * few today.
 */
export function receiptTime(random: Random, now: Date, index: number, count: number): Date {
  if (index < Math.max(3, Math.round(count / 60))) {
    // Received today, before now: between 07:00 UTC and now.
    const startOfDay = Date.parse(`${localDateOf(now)}T07:00:00Z`);
    const span = Math.max(0, now.getTime() - startOfDay);
    return new Date(Math.min(now.getTime(), startOfDay + Math.floor(random() * span)));
  }
  const ageDays = Math.floor(SPAN_DAYS * Math.pow(random(), 1.3));
  const day = new Date(now.getTime() - ageDays * DAY_MS);
  const at = atHour(localDateOf(day), between(random, 8, 16), between(random, 0, 59));
  return at.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : at;
}
