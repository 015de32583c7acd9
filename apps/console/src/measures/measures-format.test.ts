import { describe, expect, it } from 'vitest';
import {
  formatAverage,
  formatPence,
  formatPercentage,
  formatPerThousand,
  ofText,
  outcomeLabel,
  tenureLabel,
} from './measures-format';
import { parseTenure, parseYear } from './use-measures-params';
import {
  currentReportingYear,
  reportingYearLabel,
  reportingYears,
  reportingYearSpan,
} from './reporting-year';

describe('how the measures are written', () => {
  it.each([
    [(38 / 41) * 100, '92.7%'],
    [100, '100.0%'],
    [0, '0.0%'],
    [null, '—'],
  ])('percentage %s → %s', (value, text) => {
    expect(formatPercentage(value)).toBe(text);
  });

  it('writes per 1,000 homes to two places, money in pounds, means to one place', () => {
    expect(formatPerThousand((47 / 14250) * 1000)).toBe('3.30');
    expect(formatPerThousand(null)).toBe('—');
    expect(formatPence(123450)).toBe('£1,234.50');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatAverage(7.14)).toBe('7.1');
    expect(ofText(1200, 1314)).toBe('1,200 of 1,314');
  });

  it("names the API's enum values by the domain's labels", () => {
    expect(tenureLabel('LCHO')).toBe('Low-cost home ownership (LCHO)');
    expect(tenureLabel(null)).toBe('All tenures');
    expect(outcomeLabel('PARTLY_UPHELD')).toBe('Partly upheld');
  });
});

describe('reporting years', () => {
  it('names a year as the Regulator does and spans 1 April to 31 March', () => {
    expect(reportingYearLabel(2026)).toBe('2026-27');
    expect(reportingYearLabel(2099)).toBe('2099-00');
    expect(reportingYearSpan(2026)).toBe('Wed 1 Apr 2026 to Wed 31 Mar 2027');
  });

  it('takes the current year from the London date: 23:30 UTC on 31 March in summer time is April', () => {
    expect(currentReportingYear(new Date('2027-03-31T22:59:00Z'))).toBe(2026);
    expect(currentReportingYear(new Date('2027-03-31T23:30:00Z'))).toBe(2027);
  });

  it('offers the years from the current one back to 2023', () => {
    expect(reportingYears(2026)).toEqual([2026, 2025, 2024, 2023]);
  });

  it('reads the address leniently: a year out of range or a tenure unknown falls back', () => {
    expect(parseYear('2025', 2026)).toBe(2025);
    expect(parseYear('1999', 2026)).toBe(2026);
    expect(parseYear('twenty', 2026)).toBe(2026);
    expect(parseYear(null, 2026)).toBe(2026);
    expect(parseTenure('LCHO')).toBe('LCHO');
    expect(parseTenure('OTHER')).toBeNull();
  });
});
