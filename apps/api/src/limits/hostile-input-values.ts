// What a hostile caller puts in the API's inputs, reproducibly: fixed lists of the known tricks
// and a seeded generator for the rest, so a failing run can be run again exactly.

/** A small, fast, seeded generator (mulberry32): the same seed gives the same run. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  }

  /** Random text from every plane: controls, combining marks, RTL, emoji, private use. */
  text(length: number): string {
    const ranges: readonly [number, number][] = [
      [0x20, 0x7e],
      [0x01, 0x1f],
      [0x7f, 0x9f],
      [0x300, 0x36f],
      [0x590, 0x6ff],
      [0x200b, 0x202e],
      [0x2060, 0x206f],
      [0xe000, 0xf8ff],
      [0xfff0, 0xfffd],
      [0x1f300, 0x1faff],
      [0x10000, 0x10ffff],
    ];
    let text = '';
    for (let i = 0; i < length; i++) {
      const [low, high] = this.pick(ranges);
      text += String.fromCodePoint(low + this.int(high - low + 1));
    }
    return text;
  }
}

/**
 * Text that is perfectly storable but means something to a layer below: SQL, PostgreSQL's
 * tsquery and LIKE syntax, JSON, templates, headers, and the unicode that fools people and
 * normalisers. Each must be taken as plain text or refused with a code, never obeyed.
 */
export const INJECTION_TEXTS: readonly string[] = [
  // SQL
  "'; DROP TABLE complaint; --",
  "' OR '1'='1",
  '" OR ""="',
  "1' AND pg_sleep(3) IS NULL --",
  "'); SELECT set_config('statement_timeout', '1', false); --",
  '$1 $2 $$ $tag$ ::uuid ::jsonb',
  "\\' \\\\ E'\\x41' U&'\\0041'",
  '% _ %% __ \\% [a-z]* .* ^$',
  // tsquery
  "& | ! <-> <2> :* ( ) ''",
  "fox:* & !!dog | (cat <-> 'hat':AB)",
  '((((((((((',
  '!',
  ':*',
  "a' & 'b",
  // JSON and objects
  '{"$ne": null, "__proto__": {"admin": true}}',
  '[]',
  'null',
  'constructor',
  '__proto__',
  // templates, markup and headers
  '${7*7} {{7*7}} <%= 7*7 %> #{7*7}',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'x\r\nSet-Cookie: redress_refresh=stolen\r\n\r\n',
  '../../../../etc/passwd',
  '%s%s%s%n%x',
  // unicode tricks
  'admin\u202Egnp.exe',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Ａｄｍｉｎ＇ ＯＲ １＝１',
  '\uFFFE\uFFFF\uFDD0',
  '👩‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '\u0007\u001b[31mred\u001b[0m\u0008\u007f',
  'ǅ ß ﬁ İ ı K Å',
  '',
  ' ',
  '\t\n\r',
  '-1',
  '1e309',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'CMP-2026-000001',
];

/** Text PostgreSQL cannot store, or that is not text at all: always BAD_USER_INPUT. */
export const UNSTORABLE_TEXTS: readonly (readonly [name: string, text: string])[] = [
  ['a NUL character', 'before\u0000after'],
  ['only a NUL', '\u0000'],
  ['a lone high surrogate', 'cut in an emoji \uD83D'],
  ['a lone low surrogate', '\uDE00 at the start'],
  ['a surrogate pair reversed', 'x\uDE00\uD83Dy'],
];

/** Dates no calendar has, or outside what the API supports (1990-01-01 to 2199-12-31). */
export const IMPOSSIBLE_LOCAL_DATES: readonly string[] = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-01-01',
  '1989-12-31',
  '2200-01-01',
  '9999-12-31',
  '+010000-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '20260101',
  'today',
];

export const IMPOSSIBLE_INSTANTS: readonly string[] = [
  '2026-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-01-01T24:00:01Z',
  '2026-01-01T10:61:00Z',
  '2026-01-01T10:00:00+25:00',
  '1989-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-01-01',
  'NaN',
  'now',
];
