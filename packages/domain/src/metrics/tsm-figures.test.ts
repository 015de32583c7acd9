import { describe, expect, it } from 'vitest';
import type { TsmCounts } from './metrics.types.js';
import { percentageOf, perThousand, tsmFigures } from './tsm-figures.js';

const counts: TsmCounts = {
  homes: 2400,
  stage1Received: 30,
  stage2Received: 6,
  stage1Responded: 28,
  stage1RespondedOnTime: 21,
  stage1RespondedOnTimeWithoutExtensions: 14,
  stage2Responded: 5,
  stage2RespondedOnTime: 4,
  stage2RespondedOnTimeWithoutExtensions: 4,
  surveyRespondents: 80,
  surveySatisfied: 34,
};

describe('tsmFigures', () => {
  it('gives CH01 per 1,000 homes and CH02 and TP09 as percentages, unrounded', () => {
    expect(tsmFigures(counts)).toEqual({
      // 30 / 2,400 x 1,000 = 12.5; 6 / 2,400 x 1,000 = 2.5.
      ch01Stage1: 12.5,
      ch01Stage2: 2.5,
      // 21 / 28 = 75%; 14 / 28 = 50%; 4 / 5 = 80% with and without extensions.
      ch02Stage1: 75,
      ch02Stage2: 80,
      ch02Stage1WithoutExtensions: 50,
      ch02Stage2WithoutExtensions: 80,
      // 34 / 80 = 42.5%.
      tp09: 42.5,
    });
  });

  it('keeps the figure unrounded: 1 in 3 is 33.333...', () => {
    expect(
      tsmFigures({ ...counts, stage1Responded: 3, stage1RespondedOnTime: 1 }).ch02Stage1,
    ).toBeCloseTo(100 / 3, 10);
  });

  it('answers null where there is nothing to divide by', () => {
    const figures = tsmFigures({
      ...counts,
      homes: null,
      stage1Responded: 0,
      stage1RespondedOnTime: 0,
      stage1RespondedOnTimeWithoutExtensions: 0,
      surveyRespondents: 0,
      surveySatisfied: 0,
    });
    expect(figures).toMatchObject({
      ch01Stage1: null,
      ch01Stage2: null,
      ch02Stage1: null,
      ch02Stage1WithoutExtensions: null,
      tp09: null,
    });
    // Stage 2 still has its 5 responses.
    expect(figures.ch02Stage2).toBe(80);
    // No homes entered is not the same as none received: 0 received of 2,400 homes is 0.
    expect(tsmFigures({ ...counts, stage1Received: 0 }).ch01Stage1).toBe(0);
  });
});

describe('percentageOf and perThousand', () => {
  it('divide, or answer null for a zero, negative or missing denominator', () => {
    expect(percentageOf(1, 4)).toBe(25);
    expect(percentageOf(0, 4)).toBe(0);
    expect(percentageOf(1, 0)).toBeNull();
    expect(percentageOf(1, -2)).toBeNull();
    expect(percentageOf(Number.NaN, 2)).toBeNull();
    expect(perThousand(3, 1500)).toBe(2);
    expect(perThousand(3, 0)).toBeNull();
    expect(perThousand(3, null)).toBeNull();
  });
});
