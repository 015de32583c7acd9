import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    ['key order', { b: 1, a: { d: 2, c: 3 } }, { a: { c: 3, d: 2 }, b: 1 }],
    ['null and absent fields', { a: 1, b: null, c: undefined }, { a: 1 }],
    [
      'a date and its ISO text',
      { at: new Date('2026-11-06T09:30:00Z') },
      { at: '2026-11-06T09:30:00.000Z' },
    ],
  ])('writes values differing only in %s the same', (_, one, other) => {
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it.each([
    ['a value', { a: 1 }, { a: 2 }],
    ['the order of a list', { a: [1, 2] }, { a: [2, 1] }],
    ['a number and its text', { a: 1 }, { a: '1' }],
    ['a field and an empty text', { a: 'x' }, { a: 'x', b: '' }],
  ])('tells apart values differing in %s', (_, one, other) => {
    expect(canonicalJson(one)).not.toBe(canonicalJson(other));
  });
});
