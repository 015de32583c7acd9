import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('csvCell', () => {
  it.each([
    ['plain text', 'repairs', 'repairs'],
    ['a comma is quoted', 'damp, mould', '"damp, mould"'],
    ['quotes are doubled inside quotes', 'the "new" boiler', '"the ""new"" boiler"'],
    ['a line break is quoted', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a formula is made text', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a leading plus is made text', '+44 20', "'+44 20"],
    ['a leading minus is made text', '-1', "'-1"],
    ['a leading at sign is made text', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab is made text', '\t=1', "'\t=1"],
    ['a sign inside is left alone', 'a=b', 'a=b'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones included, and absent values as empty', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['CMP-2026-000001', 1, null, 'a, b'])).toBe('CMP-2026-000001,1,,"a, b"\r\n');
  });
});
