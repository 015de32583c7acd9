import { describe, expect, it } from 'vitest';
import { reportingYearOf, reportingYearOfInstant, reportingYearRange } from './reporting-year.js';

describe('the reporting year', () => {
  it('runs from 1 April to 31 March, named by the year it starts', () => {
    expect(reportingYearOf('2026-04-01')).toBe(2026);
    expect(reportingYearOf('2026-12-31')).toBe(2026);
    expect(reportingYearOf('2027-01-01')).toBe(2026);
    expect(reportingYearOf('2027-03-31')).toBe(2026);
    expect(reportingYearOf('2027-04-01')).toBe(2027);
    // A leap day belongs to the year that began the April before.
    expect(reportingYearOf('2028-02-29')).toBe(2027);
  });

  it('places an instant by its London date', () => {
    // 31 Mar 2027 23:30 UTC is 00:30 BST on 1 April (clocks went forward on Sun 28 Mar).
    expect(reportingYearOfInstant('2027-03-31T23:30:00Z')).toBe(2027);
    expect(reportingYearOfInstant('2027-03-31T22:59:59Z')).toBe(2026);
    // An offset is read as given: 00:30 on 1 April at +01:00 is the same instant.
    expect(reportingYearOfInstant('2027-04-01T00:30:00+01:00')).toBe(2027);
    // Clocks went forward on Sun 29 Mar 2026: midnight on 1 April in London is 23:00 UTC.
    expect(reportingYearOfInstant('2026-03-31T23:00:00Z')).toBe(2026);
    expect(reportingYearOfInstant('2026-03-31T22:00:00Z')).toBe(2025);
  });

  it('gives the first and last dates of a year', () => {
    expect(reportingYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('refuses what is not a date or a year', () => {
    expect(() => reportingYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => reportingYearOf('1 April 2026')).toThrow(RangeError);
    expect(() => reportingYearRange(2026.5)).toThrow(RangeError);
    expect(() => reportingYearOfInstant('2026-04-01T10:00:00')).toThrow(RangeError);
  });
});
