import { describe, expect, it } from 'vitest';
import { isSupportedDate, isSupportedInstant, SUPPORTED_DATES } from './supported-dates.js';

describe('the supported dates', () => {
  it.each([
    ['1990-01-01', true],
    ['2026-11-06', true],
    ['2199-12-31', true],
    ['1989-12-31', false],
    ['1900-01-01', false],
    ['0000-01-01', false],
    ['2200-01-01', false],
    ['9999-12-31', false],
    ['2026-02-30', false],
    ['not a date', false],
  ])('%s is supported: %s', (date, supported) => {
    expect(isSupportedDate(date)).toBe(supported);
  });

  it.each([
    ['1990-01-01T00:00:00Z', true],
    ['2199-12-31T23:59:59.999Z', true],
    ['1989-12-31T23:59:59Z', false],
    // Midnight in London on 1 Jan 1990 is midnight UTC (winter): an hour ahead is still 1989.
    ['1990-01-01T00:30:00+01:00', false],
    ['2200-01-01T00:00:00Z', false],
    ['1900-06-01T10:00:00Z', false],
  ])('%s is supported: %s', (instant, supported) => {
    expect(isSupportedInstant(instant)).toBe(supported);
  });

  it('names its ends in order', () => {
    expect(SUPPORTED_DATES.first < SUPPORTED_DATES.last).toBe(true);
  });
});
